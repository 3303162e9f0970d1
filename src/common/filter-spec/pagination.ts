import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PaginationError } from './filter-spec.errors.js';

/*
 * Optional pagination for list endpoints: `?limit=N&cursor=C`. The body stays a bare JSON array
 * (what UFDL clients expect); the next page is announced in a `Link: <...>; rel="next"` header.
 * Without `limit` the whole list comes back, as the reference server does.
 */

export const MAX_PAGE_LIMIT = 1000;

export interface PageRequest {
  limit: number;
  offset: number;
}

/** Bounded so the offset stays an exact JavaScript integer. */
const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The offset a cursor stands for, or undefined if it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(cursor)) {
    return undefined;
  }
  const match = /^o:(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    return undefined;
  }
  const offset = Number(match[1]);
  return offset <= MAX_OFFSET ? offset : undefined;
}

/** Express gives a string, an array (repeated key) or an object (`a[b]=`); only one string will do. */
function single(query: Record<string, unknown>, key: string): string | undefined {
  const value = Object.hasOwn(query, key) ? query[key] : undefined;
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new PaginationError(`The ${key} query parameter must be given once, as a plain value.`);
  }
  return value;
}

/** `undefined` when the request asks for no pagination; throws PaginationError (400) on bad values. */
export function parsePageRequest(query: Record<string, unknown>): PageRequest | undefined {
  const rawLimit = single(query, 'limit');
  const rawCursor = single(query, 'cursor');
  if (rawLimit === undefined) {
    if (rawCursor !== undefined) {
      throw new PaginationError('The cursor query parameter needs limit as well.');
    }
    return undefined;
  }
  const limit = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
    throw new PaginationError(`limit must be an integer from 1 to ${MAX_PAGE_LIMIT}.`);
  }
  if (rawCursor === undefined) {
    return { limit, offset: 0 };
  }
  const offset = decodeCursor(rawCursor);
  if (offset === undefined) {
    throw new PaginationError('Invalid cursor.');
  }
  return { limit, offset };
}

/**
 * Fetches one row more than the page so the caller knows whether another page follows. Plain
 * OFFSET/LIMIT rather than skip/take: the filter's joins are to-one and select nothing, so
 * rows are never multiplied and TypeORM's two-query skip/take machinery is not needed.
 */
export function applyPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageRequest | undefined,
): SelectQueryBuilder<T> {
  if (page === undefined) {
    return qb;
  }
  return qb.offset(page.offset).limit(page.limit + 1);
}

/** The rows to send: without the extra row applyPage fetched to look ahead. */
export function pageRows<R>(rows: R[], page: PageRequest | undefined): R[] {
  return page === undefined ? rows : rows.slice(0, page.limit);
}

/**
 * The `rel="next"` URL when more rows remain (`fetchedCount > page.limit`): the request's own
 * path and query with the cursor replaced. Only the path and query of `requestUrl` are used,
 * so an absolute-form request target cannot point the link at another host.
 */
export function nextPageLink(
  requestUrl: string,
  baseUrl: string,
  page: PageRequest,
  fetchedCount: number,
): string | undefined {
  if (fetchedCount <= page.limit) {
    return undefined;
  }
  const parsed = new URL(requestUrl, 'http://placeholder.invalid');
  parsed.searchParams.set('limit', String(page.limit));
  parsed.searchParams.set('cursor', encodeCursor(page.offset + page.limit));
  return `${baseUrl.replace(/\/+$/, '')}${parsed.pathname}${parsed.search}`;
}

/** The header value for nextPageLink's URL. */
export function linkHeader(nextUrl: string): string {
  return `<${nextUrl}>; rel="next"`;
}
