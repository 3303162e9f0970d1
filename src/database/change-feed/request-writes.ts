import { AsyncLocalStorage } from 'node:async_hooks';
import {
  EventSubscriber,
  type AfterQueryEvent,
  type BeforeQueryEvent,
  type EntitySubscriberInterface,
  type QueryRunner,
} from 'typeorm';
import { sqlState } from '../../common/errors/pg-errors.js';

/** What one request did to the database, as far as caches care. */
export interface WriteLog {
  /** A write of this request may have been committed (when in doubt: yes). */
  mayHaveCommitted: boolean;
}

const currentLog = new AsyncLocalStorage<WriteLog>();
/** Transactions (by query runner) that have sent a write which their COMMIT would make real. */
const writingTransactions = new WeakSet<QueryRunner>();

/**
 * Statements that change nothing another session can see, or end a transaction without effect.
 * A cursor (streamed lists) reads only: PostgreSQL refuses data-modifying WITH in DECLARE.
 */
const CHANGES_NOTHING =
  /^\s*(SELECT|SHOW|START TRANSACTION|BEGIN|SAVEPOINT|RELEASE|ROLLBACK|SET|LISTEN|DECLARE|FETCH|MOVE|CLOSE)\b/i;
const COMMIT = /^\s*COMMIT\b/i;
const ROLLBACK_ALL = /^\s*ROLLBACK\s*$/i;

/** Runs `work` (and everything it starts) recording its writes in a fresh log. */
export function recordWrites<T>(work: () => T): { result: T; log: WriteLog } {
  const log: WriteLog = { mayHaveCommitted: false };
  return { result: currentLog.run(log, work), log };
}

/**
 * Sees every statement TypeORM sends and notes, in the log of the request it runs for, whether
 * a write may have been committed: an autocommit write that did not fail in PostgreSQL, or a
 * COMMIT of a transaction that wrote. A statement lost with its connection may have committed
 * all the same, so only an error PostgreSQL itself reported (a SQLSTATE) counts as "not done".
 */
@EventSubscriber()
export class WriteTrackingSubscriber implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): void {
    const runner = event.queryRunner;
    if (!currentLog.getStore()) {
      return;
    }
    if (ROLLBACK_ALL.test(event.query)) {
      writingTransactions.delete(runner);
    } else if (!CHANGES_NOTHING.test(event.query) && !COMMIT.test(event.query)) {
      if (runner.isTransactionActive) {
        writingTransactions.add(runner);
      }
    }
  }

  afterQuery(event: AfterQueryEvent): void {
    const log = currentLog.getStore();
    const runner = event.queryRunner;
    if (!log) {
      return;
    }
    let wrote: boolean;
    if (COMMIT.test(event.query)) {
      wrote = writingTransactions.has(runner);
      writingTransactions.delete(runner);
    } else {
      wrote = !runner.isTransactionActive && !CHANGES_NOTHING.test(event.query);
    }
    const rejected = !event.success && sqlState(event.error) !== undefined;
    if (wrote && !rejected) {
      log.mayHaveCommitted = true;
    }
  }
}
