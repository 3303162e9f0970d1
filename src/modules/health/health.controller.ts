import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../common/auth/public.decorator.js';
import { SkipRateLimit } from '../../common/http/rate-limit.decorator.js';
import { HealthReportDto } from './health-report.dto.js';

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
  // Terminus' own documentation would replace the schema below with an inline copy.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Liveness and database reachability',
    description:
      'Anyone (no token), never rate-limited: for load balancers and supervisors. 200 while ' +
      'the database answers a ping within 2 seconds, 503 (with the failed check) otherwise.',
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'The database answers' })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description: 'The database does not answer: retry after `Retry-After` seconds',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before asking again',
        schema: { type: 'integer' },
      },
    },
  })
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
