import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RateLimitsRepository } from './rate-limits.repository.js';

/** How often ended windows are swept from the table. */
const SWEEP_INTERVAL_MS = 60_000;

export interface RateLimitState {
  readonly limit: number;
  /** Requests left in the window after this one (0 when refused). */
  readonly remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  readonly resetSeconds: number;
  /** This request is over the limit. */
  readonly refused: boolean;
}

/**
 * Request counts in PostgreSQL, so that every instance serving one database counts against the
 * same limits. Fixed windows: one row and one upsert per client and limit, where a sliding log
 * would store every hit. The price: a client may spend one window's allowance at its end and
 * the next one's right after.
 */
@Injectable()
export class RateLimitsService implements OnModuleInit, OnModuleDestroy {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly counters: RateLimitsRepository) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.counters.deleteEnded().catch(() => undefined);
    }, SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Counts one request of `client` against `limit` requests per `windowMs`. */
  async hit(name: string, client: string, limit: number, windowMs: number) {
    const { hits, msLeft } = await this.counters.hit(`${name}:${client}`, windowMs);
    return {
      limit,
      remaining: Math.max(0, limit - hits),
      resetSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
      refused: hits > limit,
    } satisfies RateLimitState;
  }
}
