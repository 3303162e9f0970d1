import type { DataSource, EntityManager } from 'typeorm';

/** Rows fetched per round trip: large enough to amortise it, small enough to keep memory flat. */
export const CURSOR_BATCH_ROWS = 1000;

/** One batch of a cursor's answer; `last` when no row follows it. */
export interface CursorBatch<T> {
  readonly items: T[];
  readonly last: boolean;
}

/**
 * The rows of `query`, `batchSize` at a time, from a server-side PostgreSQL cursor: memory holds
 * one batch whatever the answer's length. Each batch goes through `present` on the cursor's own
 * connection, inside its read-only REPEATABLE READ transaction, so anything `present` reads
 * (related rows, say) is of the same snapshot as the rows themselves.
 *
 * The connection is taken from the pool until the generator finishes: consume it to the end or
 * call `return()` (a `for await` loop that breaks or throws does). It is given back before the
 * last batch is yielded, so a consumer that stops at `last` holds nothing either.
 */
export async function* cursorBatches<R, T>(
  dataSource: DataSource,
  query: { readonly sql: string; readonly parameters: readonly unknown[] },
  present: (rows: R[], manager: EntityManager) => Promise<T[]> | T[],
  batchSize: number = CURSOR_BATCH_ROWS,
): AsyncGenerator<CursorBatch<T>, void, undefined> {
  const runner = dataSource.createQueryRunner();
  let open = true;
  const finish = async (commit: boolean) => {
    if (!open) {
      return;
    }
    open = false;
    try {
      if (runner.isTransactionActive) {
        // Committing a read-only transaction closes its cursor; a rollback does after errors.
        await (commit ? runner.commitTransaction() : runner.rollbackTransaction());
      }
    } finally {
      await runner.release();
    }
  };
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    await runner.query(`DECLARE strata_rows NO SCROLL CURSOR FOR ${query.sql}`, [
      ...query.parameters,
    ]);
    for (;;) {
      const rows = (await runner.query(`FETCH FORWARD ${batchSize} FROM strata_rows`)) as R[];
      const items = rows.length === 0 ? [] : await present(rows, runner.manager);
      const last = rows.length < batchSize;
      if (last) {
        await finish(true);
      }
      yield { items, last };
      if (last) {
        return;
      }
    }
  } finally {
    // Stopped early, or failed: nothing was written, so a rollback loses nothing.
    await finish(false).catch(() => undefined);
  }
}

/** An answer's first batch, and the generator of the others when there are more. */
export interface BatchedAnswer<T> {
  readonly first: T[];
  readonly rest: AsyncGenerator<CursorBatch<T>, void, undefined> | undefined;
}

/**
 * Starts `batches` and waits for its first batch, so that whatever fails before any row is
 * known (a bad query, a lost connection) is thrown here, while an error answer can still be
 * sent; `rest` is undefined when that first batch was the whole answer.
 */
export async function firstBatch<T>(
  batches: AsyncGenerator<CursorBatch<T>, void, undefined>,
): Promise<BatchedAnswer<T>> {
  const result = await batches.next();
  if (result.done) {
    return { first: [], rest: undefined };
  }
  if (result.value.last) {
    await batches.return();
    return { first: result.value.items, rest: undefined };
  }
  return { first: result.value.items, rest: batches };
}
