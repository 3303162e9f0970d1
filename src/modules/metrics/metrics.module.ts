import { Global, Module } from '@nestjs/common';
import { DatabasePoolMetrics } from './database-pool.metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';

/**
 * `/metrics` and the app's metrics registry. Global like the config: every module that has
 * something to count registers its own metrics through MetricsService.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, HttpMetrics, DatabasePoolMetrics, MetricsTokenGuard],
  exports: [MetricsService, HttpMetrics],
})
export class MetricsModule {}
