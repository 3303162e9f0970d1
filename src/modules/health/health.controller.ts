import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../common/auth/public.decorator.js';
import { SkipRateLimit } from '../../common/http/rate-limit.decorator.js';
import { HealthReportDto, LivenessDto } from './health-report.dto.js';
import { MigrationsHealthIndicator } from './migrations.health.js';

/** How long a check may take before it counts as down: probes have short timeouts of their own. */
const CHECK_TIMEOUT_MS = 2000;

const RETRY_AFTER_SECONDS = '5';

const UNAVAILABLE_HEADERS = {
  'Retry-After': {
    description: 'Seconds to wait before asking again',
    schema: { type: 'integer' as const },
  },
};

// Probes come from a load balancer's few addresses, and often: never limited.
@SkipRateLimit()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
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
    headers: UNAVAILABLE_HEADERS,
  })
  check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.run([this.databaseCheck], response);
  }

  @Get('live')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Liveness probe: the process serves requests',
    description:
      'Anyone (no token), never rate-limited: for an orchestrator deciding whether to restart ' +
      'the process. Always 200 while the process answers at all; touches nothing else (a ' +
      'database outage must not get every instance restarted).',
  })
  @ApiOkResponse({ type: LivenessDto, description: 'The process is serving' })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness probe: the database is reachable and fully migrated',
    description:
      'Anyone (no token), never rate-limited: for an orchestrator deciding whether to send ' +
      'traffic here. 200 when the database answers a ping and records every migration this ' +
      'build ships as applied, each within 2 seconds; 503 with the failed checks and why ' +
      '(`database`: unreachable; `migrations`: which are missing) otherwise.',
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Ready to serve' })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description:
      'Not ready (database unreachable, or migrations missing): retry after `Retry-After` seconds',
    headers: UNAVAILABLE_HEADERS,
  })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.run(
      [this.databaseCheck, () => this.migrations.check('migrations').withTimeout(CHECK_TIMEOUT_MS)],
      response,
    );
  }

  private readonly databaseCheck: HealthIndicatorFunction = () =>
    this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS);

  private async run(
    checks: HealthIndicatorFunction[],
    response: Response,
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Keep terminus' report (which check failed, why) rather than a bare error detail.
      if (error instanceof ServiceUnavailableException) {
        response.status(503);
        response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}
