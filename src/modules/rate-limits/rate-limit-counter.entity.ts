import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One client's requests in the current window of one limit, in the layout rate-limiter-flexible's
 * RateLimiterPostgres reads and writes (it is told the table exists and runs no DDL). Mirrored
 * here so that migrations and entities agree; the app never queries it through TypeORM. The
 * table is UNLOGGED (see its migration): counts are worth no WAL, and a crash that empties it
 * only forgives some requests.
 */
@Entity({ name: 'rate_limit_counters' })
export class RateLimitCounter {
  /** `<limit name>:<client>`, the client being `user:<id>` or `ip:<address>`. */
  @PrimaryColumn({
    type: 'varchar',
    length: 255,
    primaryKeyConstraintName: 'pk_rate_limit_counters',
  })
  key: string;

  /** Requests in the current window, this one included. */
  @Column({ type: 'integer', default: 0 })
  points: number;

  /** The end of the current window in epoch milliseconds; the next hit after it starts anew. */
  @Column({ type: 'bigint', nullable: true })
  expire: string | null;
}
