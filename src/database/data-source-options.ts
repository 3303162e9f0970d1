import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { WriteTrackingSubscriber } from './change-feed/request-writes.js';
import { ENTITIES } from './entities.js';

/** Limits each session of the pool sets at connection (0: none). */
export interface SessionLimits {
  readonly statementTimeoutMs?: number;
  readonly idleInTransactionTimeoutMs?: number;
}

/**
 * How long a request waits for a pooled connection (or a new one) before it is answered 503:
 * a database that is out of reach or saturated must not leave requests hanging.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The one data source definition used by the app, the migration CLI and the tests. The
 * migrator passes no session limits: a migration may rightly run longer than any request.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 20,
  limits: SessionLimits = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Tells the caches which requests may have committed writes (see LocalWritesInterceptor).
    subscribers: [WriteTrackingSubscriber],
    migrationsTableName: 'migrations',
    // Schema changes happen through reviewed migrations only, never from entity metadata.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // Sent in the startup packet, so every pooled session carries them from its first query.
      ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
      ...(limits.idleInTransactionTimeoutMs
        ? { idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs }
        : {}),
    },
  };
}
