import { BadRequestError } from '../../../common/errors/domain-error.js';
import type { LineagePage } from '../../datasets/datasets.service.js';

export const DEFAULT_PAGE_LIMIT = 10;
export const MAX_PAGE_LIMIT = 100;

/** Where a page ends: the last record's `owner/id`, which the next page starts after. */
export interface PageCursor {
  readonly owner: string;
  readonly slug: string;
}

/**
 * The `nextPageToken` a client sends back as `next`: base64url of `{"o": owner, "i": id}`. It
 * is opaque to clients; data.world's own tokens are keyset cursors of the same kind.
 */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.owner, i: cursor.slug })).toString('base64url');
}

function decodeCursor(token: string): PageCursor {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) {
      throw new Error('not base64url');
    }
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const fields = decoded as { o?: unknown; i?: unknown } | null | undefined;
  if (
    typeof fields !== 'object' ||
    fields === null ||
    typeof fields.o !== 'string' ||
    typeof fields.i !== 'string'
  ) {
    throw new BadRequestError(`Invalid next '${token}': not a page token this server gave.`);
  }
  return { owner: fields.o, slug: fields.i };
}

function parseLimit(raw: unknown): number {
  if (raw === undefined) {
    return DEFAULT_PAGE_LIMIT;
  }
  const limit = typeof raw === 'string' && /^[0-9]{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
    throw new BadRequestError(
      `Invalid limit '${typeof raw === 'string' ? raw : '(several)'}': expected an integer from 1 to ${MAX_PAGE_LIMIT}.`,
    );
  }
  return limit;
}

/** `?limit=&next=` of a /v0 list: 400 for a limit out of 1-100 or a token that does not decode. */
export function parseListPage(query: { limit?: unknown; next?: unknown }): LineagePage {
  const limit = parseLimit(query.limit);
  if (query.next === undefined || query.next === '') {
    return { limit };
  }
  if (typeof query.next !== 'string') {
    throw new BadRequestError('Invalid next: give one page token.');
  }
  return { limit, after: decodeCursor(query.next) };
}
