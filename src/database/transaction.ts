import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { ServiceUnavailableError } from '../common/errors/domain-error.js';
import { databaseErrorKind } from '../common/errors/pg-errors.js';

/** Attempts in all, the first included; a race lost this often means sustained contention. */
const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 10;

export interface TransactionOptions {
  /**
   * Run `work` again when the transaction loses a race (serialization failure, deadlock).
   * Only for work whose effects outside the database can be repeated safely.
   */
  readonly retry?: boolean;
}

/**
 * The one way Strata runs a transaction. A transaction chosen as a deadlock victim or failing
 * serialization rolled back entirely, so running it again is safe and usually succeeds; it is
 * retried a few times after a random, growing pause (so the contenders do not meet again in
 * step). When the race keeps being lost the caller gets a 503 with Retry-After.
 */
export async function runTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = options.retry === false ? 1 : MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (databaseErrorKind(error) !== 'contention') {
        throw error;
      }
      if (attempt >= attempts) {
        throw Object.assign(
          new ServiceUnavailableError(
            'The request collided with concurrent changes; please retry.',
          ),
          { cause: error },
        );
      }
      await sleep(Math.random() * BASE_DELAY_MS * 2 ** attempt);
    }
  }
}
