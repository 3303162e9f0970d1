import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  applyFilterSpec,
  applyPage,
  nextPageLink,
  parseFilterSpec,
  parsePageRequest,
  type FilterResource,
} from '../filter-spec/index.js';

/** What a `POST .../list` request carries, free of Express: the body and the page query. */
export interface ListRequest {
  readonly body: unknown;
  readonly query: Record<string, unknown>;
  /** Path and query as received, and the scheme://host they came to: for the `Link` header. */
  readonly url: string;
  readonly baseUrl: string;
}

export interface ListResult<T> {
  readonly items: T[];
  /** The `Link: <...>; rel="next"` target, when a page was asked for and more rows remain. */
  readonly next?: string;
}

/** Collects a {@link ListRequest} in the controller; services never see Express objects. */
export const ListParams = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ListRequest => {
    const request = context.switchToHttp().getRequest<Request>();
    return {
      body: request.body as unknown,
      query: request.query,
      url: request.originalUrl,
      baseUrl: `${request.protocol}://${request.get('host') ?? 'localhost'}`,
    };
  },
);

/**
 * Runs a list query: the caller's FilterSpec over the resource's allow-list, then the optional
 * page. `query` already holds the per-user visibility rules, so filters only ever narrow it.
 */
export async function executeList<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  resource: FilterResource,
  request: ListRequest,
): Promise<ListResult<T>> {
  const spec = parseFilterSpec(request.body);
  const page = parsePageRequest(request.query);
  applyPage(applyFilterSpec(query, alias, resource, spec), page);
  const items = await query.getMany();
  const next = page ? nextPageLink(request.url, request.baseUrl, page, items.length) : undefined;
  if (page && items.length > page.limit) {
    items.length = page.limit;
  }
  return { items, next };
}

/** Sets the `Link` header for a page and returns the bare array the UFDL clients expect. */
export function sendList<T>(
  response: { setHeader(name: string, value: string): unknown },
  result: ListResult<T>,
): T[] {
  if (result.next) {
    response.setHeader('Link', `<${result.next}>; rel="next"`);
  }
  return result.items;
}
