import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import {
  AuthenticationFailedError,
  NotAuthenticatedError,
  NotFoundError,
} from '../../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * `/metrics` takes `METRICS_TOKEN` as its bearer token, not a user's: a scraper is no user, and
 * the numbers (request rates, pool use) are about the whole server. Without the setting the
 * route does not exist (404), so a deployment exposes nothing it did not choose to.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) {
      throw new NotFoundError();
    }
    const authorization = context.switchToHttp().getRequest<Request>().headers.authorization;
    const match = /^Bearer\s+(\S+)\s*$/.exec(authorization ?? '');
    if (!match) {
      throw new NotAuthenticatedError();
    }
    // Digests of equal length, compared in constant time: the answer's timing says nothing
    // about how much of a guess was right, nor about the token's length.
    if (!timingSafeEqual(digest(match[1]), this.expected)) {
      throw new AuthenticationFailedError('Invalid metrics token.');
    }
    return true;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
