import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One client's requests in the current window of one limit. The table is UNLOGGED (see its
 * migration): counts are worth no WAL, and a crash that empties it only forgives some requests.
 */
@Entity({ name: 'rate_limit_counters' })
export class RateLimitCounter {
  /** `<limit name>:<client>`, the client being `user:<id>` or `ip:<address>`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_rate_limit_counters' })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  /** The end of the current window; the next hit after it starts a new one. */
  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt: Date;
}
