import { Controller, Get, Header, Res, SetMetadata, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IS_PUBLIC } from '../../common/auth/public.decorator.js';
import { SkipRateLimit } from '../../common/http/rate-limit.decorator.js';
import { V1DetailErrorDto } from '../../common/http/v1-openapi.js';
import { MetricsService } from './metrics.service.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';

const EXAMPLE = [
  '# HELP strata_http_requests_total HTTP requests answered, by method, route template and status',
  '# TYPE strata_http_requests_total counter',
  'strata_http_requests_total{method="GET",route="/v1/datasets/:pk",status="200"} 42',
  '',
].join('\n');

// A scraper polls from a few addresses and must see the server at its busiest: never limited.
@SkipRateLimit()
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  // Not a user's token: the global guard lets the request through, MetricsTokenGuard decides.
  @SetMetadata(IS_PUBLIC, true)
  @UseGuards(MetricsTokenGuard)
  @ApiBearerAuth()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics of this process',
    description:
      'For Prometheus, with `Authorization: Bearer <METRICS_TOKEN>` (not a user token); ' +
      'never rate-limited. Served only when the `METRICS_TOKEN` setting is set (404 otherwise). ' +
      'Prometheus text format: HTTP requests and their durations by method, route template ' +
      'and status; upload and download bytes; the URL-source fetch queue and its failures; ' +
      'the database connection pool; the standard process and Node.js metrics.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The metrics, in Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string', example: EXAMPLE } } },
  })
  @ApiUnauthorizedResponse({
    type: V1DetailErrorDto,
    description: 'No bearer token, or not `METRICS_TOKEN`',
  })
  @ApiNotFoundResponse({ type: V1DetailErrorDto, description: '`METRICS_TOKEN` is not set' })
  @ApiServiceUnavailableResponse({
    type: V1DetailErrorDto,
    description:
      "With `WORKERS` > 1: a worker's metrics could not be gathered (it did not answer in " +
      'time, or exited meanwhile); retry after `Retry-After` seconds',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer' },
      },
    },
  })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    const { contentType, body } = await this.metrics.exposition();
    response.setHeader('Content-Type', contentType);
    return body;
  }
}
