import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../common/auth/public.decorator.js';
import { SkipRateLimit } from '../../common/http/rate-limit.decorator.js';

// Probes come from a load balancer's few addresses, and often: never limited.
@SkipRateLimit()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability (200 up, 503 down)' })
  @ApiResponse({ status: 200, description: 'The database answers' })
  @ApiResponse({ status: 503, description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database').withTimeout(2000)]);
    } catch (error) {
      // Keep terminus' report (which check failed, why) rather than a bare error detail.
      if (error instanceof ServiceUnavailableException) {
        response.status(503);
        response.setHeader('Retry-After', '5');
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
