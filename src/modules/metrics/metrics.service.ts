import { Injectable } from '@nestjs/common';
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
      return askClusterMetrics();
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
