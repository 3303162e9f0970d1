import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Milliseconds until the window ends. */
  readonly msLeft: number;
}

@Injectable()
export class RateLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one hit in `key`'s fixed window of `windowMs`, starting a new window if the last one
   * ended. One statement: concurrent hits from any number of instances serialise on the row.
   */
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const rows: { hits: number; ms_left: string }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at)
       VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= now()
                               THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
       RETURNING hits,
                 GREATEST(0, EXTRACT(EPOCH FROM window_ends_at - now()) * 1000)
                   AS ms_left`,
      [key, windowMs],
    );
    return { hits: rows[0].hits, msLeft: Math.ceil(Number(rows[0].ms_left)) };
  }

  /** Drops the windows that have ended (their next hit would start afresh anyway). */
  async deleteEnded(): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_counters WHERE window_ends_at <= now()');
  }
}
