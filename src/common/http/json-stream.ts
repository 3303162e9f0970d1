import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { CursorBatch } from '../../database/cursor.js';

/** Further batches of an answer, read as it is sent (a cursor still open). */
export type MoreBatches<T> = AsyncGenerator<CursorBatch<T>, void, undefined>;

/**
 * Sends `first`, then every batch of `more`, as one JSON array: the same text `res.json` sends
 * for the whole array. Without `more` it is `res.json` (with its Content-Length); with it the
 * answer is streamed, chunked, with back-pressure. An error once the first byte is out
 * destroys the socket (the error filter does): a cut-short array is invalid JSON, which a
 * client cannot mistake for a whole answer.
 */
export async function sendJsonArray<T>(
  response: Response,
  first: T[],
  more: MoreBatches<T> | undefined,
): Promise<void> {
  if (!more) {
    response.json(first);
    return;
  }
  await streamJson(response, '[', ']', first, more, (item) => JSON.stringify(item));
}

/**
 * Sends `[key, value]` pairs as one JSON object, in the order given: the same text `res.json`
 * sends for an object holding them, provided the pairs come in the order JavaScript keeps an
 * object's keys (array-index keys first, ascending; the rest as inserted). Streamed as
 * sendJsonArray is.
 */
export async function sendJsonObject<V>(
  response: Response,
  first: [string, V][],
  more: MoreBatches<[string, V]> | undefined,
): Promise<void> {
  if (!more) {
    response.json(Object.fromEntries(first));
    return;
  }
  await streamJson(
    response,
    '{',
    '}',
    first,
    more,
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
}

async function streamJson<T>(
  response: Response,
  open: string,
  close: string,
  first: T[],
  more: MoreBatches<T>,
  member: (item: T) => string,
): Promise<void> {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  let separator = '';
  const text = (items: T[]): string => {
    if (items.length === 0) {
      return '';
    }
    const chunk = separator + items.map(member).join(',');
    separator = ',';
    return chunk;
  };
  async function* chunks(): AsyncGenerator<string> {
    try {
      yield open + text(first);
      for await (const batch of more) {
        const chunk = text(batch.items);
        if (chunk !== '') {
          yield chunk;
        }
      }
      yield close;
    } finally {
      // Also when the client went away: the cursor's connection goes back to the pool.
      await more.return();
    }
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), response);
}
