import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** Created by a migration; the limiters are told it exists so that they never run DDL. */
const TABLE = 'rate_limit_counters';
const WINDOW_SECONDS = 60;

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
 * Request counts in PostgreSQL through rate-limiter-flexible, so that every instance serving one
 * database counts against the same limits. Fixed one-minute windows: one row and one upsert per
 * client and limit. The price: a client may spend one window's allowance at its end and the next
 * one's right after. The limiters query through TypeORM's own pool, so they open no connection
 * the connection budget does not already count.
 */
@Injectable()
export class RateLimitsService {
  private readonly overall: RateLimiterPostgres | undefined;
  private readonly password: RateLimiterPostgres | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    const { perMinute, authPerMinute } = config.rateLimit;
    const limiter = (keyPrefix: string, points: number, clearExpiredByTimeout: boolean) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: TABLE,
        tableCreated: true,
        keyPrefix,
        points,
        duration: WINDOW_SECONDS,
        // Both limiters share the table, so one of them sweeping its long-ended rows is enough.
        clearExpiredByTimeout,
      });
    this.overall = perMinute > 0 ? limiter('all', perMinute, true) : undefined;
    this.password =
      authPerMinute > 0
        ? limiter('password', authPerMinute, this.overall === undefined)
        : undefined;
  }

  /** Counts one request of `client` against the per-client limit; undefined when it is off. */
  async hitOverall(client: string): Promise<RateLimitState | undefined> {
    return this.overall && hit(this.overall, client);
  }

  /** Counts one password attempt from `address`; undefined when that limit is off. */
  async hitPassword(address: string): Promise<RateLimitState | undefined> {
    return this.password && hit(this.password, address);
  }
}

async function hit(limiter: RateLimiterPostgres, client: string): Promise<RateLimitState> {
  let result: RateLimiterRes;
  let refused = false;
  try {
    result = await limiter.consume(client);
  } catch (error) {
    // A refusal rejects with the counts; anything else is a database failure.
    if (!(error instanceof RateLimiterRes)) {
      throw error;
    }
    result = error;
    refused = true;
  }
  return {
    limit: limiter.points,
    remaining: result.remainingPoints,
    resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
    refused,
  };
}
