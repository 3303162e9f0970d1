import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../../config/app-config.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitsService } from './rate-limits.service.js';

/**
 * Rate limits (`RATE_LIMIT`, `RATE_LIMIT_AUTH`), counted in PostgreSQL by rate-limiter-flexible
 * so that they hold across instances. Imported after AuthModule, whose guard must run first.
 * With both limits 0 nothing is registered.
 */
@Module({})
export class RateLimitsModule {
  static forRoot(limits: AppConfig['rateLimit']): DynamicModule {
    if (limits.perMinute === 0 && limits.authPerMinute === 0) {
      return { module: RateLimitsModule };
    }
    return {
      module: RateLimitsModule,
      providers: [RateLimitsService, { provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
