import { Injectable, Logger } from '@nestjs/common';
import { ServiceUnavailableError } from '../../common/errors/domain-error.js';
import { askClusterMetrics, inCluster, joinClusterMetrics } from './cluster-metrics.js';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/** A scrape: the registry's text, and the Content-Type of its format version. */
export interface MetricsExposition {
  readonly contentType: string;
  readonly body: string;
}

/**
 * This app's Prometheus registry. One per app instance, never prom-client's global one: tests
 * run several apps in one process, and each must count its own requests. Modules register
 * their metrics here (each owns its names, under `strata_`); gauges read what they show when
 * scraped, so nothing is counted between scrapes that nobody asks for.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);

  constructor() {
    // The standard process and Node.js metrics (CPU, memory, event loop lag, GC, handles).
    collectDefaultMetrics({ register: this.registry });
    if (inCluster()) {
      joinClusterMetrics(this.registry);
    }
  }

  counter<Label extends string>(config: CounterConfiguration<Label>): Counter<Label> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<Label extends string>(config: GaugeConfiguration<Label>): Gauge<Label> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<Label extends string>(config: HistogramConfiguration<Label>): Histogram<Label> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  /** The whole server's metrics: this process's, or with `WORKERS` > 1 every worker's. */
  async exposition(): Promise<MetricsExposition> {
    if (inCluster()) {
      return askClusterMetrics().catch((error: unknown) => {
        this.logger.warn({ err: error }, "The workers' metrics could not be gathered");
        // A failed scrape leaves a gap; a partial sum would look like counters going back.
        throw new ServiceUnavailableError('The metrics could not be gathered; please retry.');
      });
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
