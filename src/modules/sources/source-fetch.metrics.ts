import { Injectable, Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';
import { SourceFetchQueue } from './source-fetch.queue.js';

/**
 * Why a fetch failed: `source` (the URL or its bytes: the source is marked SYSTEMERROR),
 * `error` (something unexpected, such as the database: the queue runs the job again),
 * `given_up` (the job used up its retries).
 */
export type FetchFailure = 'source' | 'error' | 'given_up';

/** A scrape must not wait on a database that does not answer: the gauge is left out instead. */
const DEPTH_TIMEOUT_MS = 2000;

/** The URL-source fetch queue: its jobs, read at each scrape, and this process's failures. */
@Injectable()
export class SourceFetchMetrics {
  private readonly logger = new Logger(SourceFetchMetrics.name);
  private readonly failures: Counter<'reason'>;

  constructor(metrics: MetricsService, queue: SourceFetchQueue) {
    const logger = this.logger;
    metrics.gauge({
      name: 'strata_source_fetch_jobs',
      help: 'URL-source fetch jobs of all instances, by state (waiting, running)',
      labelNames: ['state'],
      // Every worker of a cluster counts the same jobs: their sum would multiply them.
      aggregator: 'max',
      async collect() {
        try {
          const depth = await withTimeout(queue.depth(), DEPTH_TIMEOUT_MS);
          this.set({ state: 'waiting' }, depth.waiting);
          this.set({ state: 'running' }, depth.running);
        } catch (error) {
          this.reset();
          logger.warn({ err: error }, 'The fetch queue could not be counted for /metrics');
        }
      },
    });
    this.failures = metrics.counter({
      name: 'strata_source_fetch_failures_total',
      help: 'URL-source fetches of this process that failed, by reason (source, error, given_up)',
      labelNames: ['reason'],
    });
  }

  failed(reason: FetchFailure): void {
    this.failures.inc({ reason });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
