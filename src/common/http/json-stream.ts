import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { CursorBatch } from '../../database/cursor.js';

/**
 * How an item of an answer becomes JSON text. The default is JSON.stringify; an item holding a
 * user-keyed map that must keep its order (a plain object would move keys like `1` first and
 * swallow `__proto__`) is written by a presenter of its own.
 */
export type JsonWriter<T> = (item: T) => string;

const stringify = (item: unknown): string => JSON.stringify(item);

/** Further batches of an answer, read as it is sent (a cursor still open). */
export type MoreBatches<T> = AsyncGenerator<CursorBatch<T>, void, undefined>;

/**
 * Sends `first`, then every batch of `more`, as one JSON array: the same text `res.json` sends
 * for the whole array. Without `more` it goes out in one piece (with its Content-Length); with
 * it the answer is streamed, chunked, with back-pressure. An error once the first byte is out
 * destroys the socket (the error filter does): a cut-short array is invalid JSON, which a
 * client cannot mistake for a whole answer.
 */
export async function sendJsonArray<T>(
  response: Response,
  first: T[],
  more: MoreBatches<T> | undefined,
  write: JsonWriter<T> = stringify,
): Promise<void> {
  await sendJson(response, '[', ']', first, more, write);
}

/**
 * Sends `[key, value]` pairs as one JSON object, in the order given, whatever the keys look like
 * (an object built from them would reorder `1` and drop `__proto__`). Streamed as
 * sendJsonArray is.
 */
export async function sendJsonObject<V>(
  response: Response,
  first: [string, V][],
  more: MoreBatches<[string, V]> | undefined,
): Promise<void> {
  await sendJson(
    response,
    '{',
    '}',
    first,
    more,
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
}

/** One answer in one piece (with its Content-Length), or, with `more`, streamed chunked. */
async function sendJson<T>(
  response: Response,
  open: string,
  close: string,
  first: T[],
  more: MoreBatches<T> | undefined,
  member: (item: T) => string,
): Promise<void> {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (!more) {
    response.send(open + first.map(member).join(',') + close);
    return;
  }
  const rest = more;
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
      for await (const batch of rest) {
        const chunk = text(batch.items);
        if (chunk !== '') {
          yield chunk;
        }
      }
      yield close;
    } finally {
      // Also when the client went away: the cursor's connection goes back to the pool.
      await rest.return();
    }
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), response);
}
