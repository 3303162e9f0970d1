import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { MetricsService } from './metrics.service.js';

/**
 * The pg pool behind TypeORM (which pg-boss shares), read at each scrape: connections open,
 * idle, and requests waiting for one (a pool too small, or a database too slow, shows there
 * before it shows as 503s).
 */
@Injectable()
export class DatabasePoolMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, metrics: MetricsService) {
    const pool = (): Pool | undefined => (dataSource.driver as unknown as { master?: Pool }).master;
    metrics.gauge({
      name: 'strata_db_pool_connections',
      help: 'Connections the database pool holds open (idle or in use)',
      collect() {
        this.set(pool()?.totalCount ?? 0);
      },
    });
    metrics.gauge({
      name: 'strata_db_pool_idle_connections',
      help: 'Connections of the database pool waiting for a query',
      collect() {
        this.set(pool()?.idleCount ?? 0);
      },
    });
    metrics.gauge({
      name: 'strata_db_pool_waiting_requests',
      help: 'Queries waiting for a connection of the database pool',
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    metrics.gauge({
      name: 'strata_db_pool_max_connections',
      help: 'Most connections the database pool may open (DB_POOL_SIZE)',
      collect() {
        this.set(pool()?.options.max ?? 0);
      },
    });
  }
}
