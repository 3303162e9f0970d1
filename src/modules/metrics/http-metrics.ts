import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Counter, Histogram } from 'prom-client';
import { MetricsService } from './metrics.service.js';

/** The `route` of every request that matched no route (or was refused before routing). */
export const UNMATCHED_ROUTE = '<unmatched>';

/** Seconds; past Prometheus' defaults, as downloads and uploads run for minutes. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

type Labels = 'method' | 'route' | 'status';

/**
 * Counts every request and its duration by method, route template and status. The route is
 * the template Express matched (`/v1/datasets/:pk`), never the URL: one series per route, not
 * per dataset.
 */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<Labels>;
  private readonly duration: Histogram<Labels>;

  constructor(metrics: MetricsService) {
    this.requests = metrics.counter({
      name: 'strata_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
    });
    this.duration = metrics.histogram({
      name: 'strata_http_request_duration_seconds',
      help: 'From the request reaching Strata to the last byte of its answer handed to the OS',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
    });
  }

  /** Express middleware: install it first, so refusals by later middleware are counted too. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    let counted = false;
    const count = () => {
      if (counted) {
        return;
      }
      counted = true;
      const labels = {
        method: request.method,
        route: routeTemplate(request),
        status: String(response.statusCode),
      };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    // 'finish' once the answer is complete; 'close' alone when the client went away first.
    response.once('finish', count);
    response.once('close', count);
    next();
  };
}

interface MatchedRoute {
  path?: unknown;
  methods?: Record<string, boolean>;
}

function routeTemplate(request: Request): string {
  const route = request.route as MatchedRoute | undefined;
  // Nest answers unknown paths from a catch-all route mapped to every method: not a route of ours.
  if (!route || typeof route.path !== 'string' || Object.keys(route.methods ?? {}).length > 10) {
    return UNMATCHED_ROUTE;
  }
  return `${request.baseUrl}${route.path}`;
}
