import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { cursorBatches, firstBatch } from '../../database/cursor.js';
import {
  applyFilterSpec,
  applyPage,
  nextPageLink,
  parseFilterSpec,
  parsePageRequest,
  type FilterResource,
  type FilterSpec,
  type PageRequest,
} from '../filter-spec/index.js';
import { quoteIdentifier } from '../filter-spec/filter-spec.compiler.js';
import { sendJsonArray, type JsonWriter, type MoreBatches } from './json-stream.js';

/** What a `POST .../list` request asks for, parsed and free of Express. */
export interface ListRequest {
  /** The FilterSpec body (an empty one when the body was absent). */
  readonly spec: FilterSpec;
  /** `undefined` when no `?limit=` was given: the whole list. */
  readonly page: PageRequest | undefined;
  /** Path and query as received, and the scheme://host they came to: for the `Link` header. */
  readonly url: string;
  readonly baseUrl: string;
}

/** Items to send in order: `items`, then each batch of `more` (a cursor still open), if any. */
export interface ListResult<T> {
  readonly items: T[];
  readonly more?: MoreBatches<T>;
  /** The `Link: <...>; rel="next"` target, when a page was asked for and more rows remain. */
  readonly next?: string;
}

/**
 * The /v1 face's parsing of a list request: the FilterSpec body, then the page query, each
 * throwing its own DomainError (400) in that order; services only ever see the parsed values.
 */
export const ListParams = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ListRequest => {
    const request = context.switchToHttp().getRequest<Request>();
    return {
      spec: parseFilterSpec(request.body as unknown),
      page: parsePageRequest(request.query),
      url: request.originalUrl,
      baseUrl: `${request.protocol}://${request.get('host') ?? 'localhost'}`,
    };
  },
);

/** The column alias the cursor's key query selects the primary key under. */
const KEY_ALIAS = 'strata_list_key';

/**
 * Runs a list query: the caller's FilterSpec over the resource's allow-list, then the optional
 * page. `query` already holds the per-user visibility rules, so filters only ever narrow it.
 * `present` turns a batch of entities into their JSON.
 *
 * A page is loaded whole (it is at most MAX_PAGE_LIMIT rows). Without one the answer can hold
 * every row of the table, so the keys are read from a cursor in batches, and each batch's
 * entities are loaded by key on the cursor's connection and snapshot: the first batch is
 * loaded here (so errors still become ordinary answers), the rest as the answer is sent.
 */
export async function executeList<E extends ObjectLiteral, T>(
  query: SelectQueryBuilder<E>,
  alias: string,
  resource: FilterResource,
  request: ListRequest,
  present: (entities: E[]) => Promise<T[]> | T[],
): Promise<ListResult<T>> {
  const { spec, page } = request;
  applyPage(applyFilterSpec(query, alias, resource, spec), page);
  if (page) {
    const entities = await query.getMany();
    const next = nextPageLink(request.url, request.baseUrl, page, entities.length);
    if (entities.length > page.limit) {
      entities.length = page.limit;
    }
    return { items: await present(entities), next };
  }
  const key = `${quoteIdentifier(alias)}.${quoteIdentifier(resource.primaryKey)}`;
  const [sql, parameters] = query.clone().select(key, KEY_ALIAS).getQueryAndParameters();
  const load = async (rows: Record<string, unknown>[], manager: EntityManager) => {
    const keys = rows.map((row) => row[KEY_ALIAS]);
    const entities = await query
      .clone()
      .setQueryRunner(manager.queryRunner!)
      .andWhere(`${key} = ANY(:${KEY_ALIAS})`, { [KEY_ALIAS]: keys })
      .getMany();
    const byKey = new Map(entities.map((entity) => [keyOf(entity, query), entity]));
    // A row the key query saw is in the same snapshot, so it is always found.
    return present(keys.map((value) => byKey.get(value)!));
  };
  const { first, rest } = await firstBatch(
    cursorBatches(query.connection, { sql, parameters }, load),
  );
  return { items: first, more: rest };
}

/** The primary key value of an entity loaded by `query`, as the key query answers it. */
function keyOf<E extends ObjectLiteral>(entity: E, query: SelectQueryBuilder<E>): unknown {
  const [column] = query.expressionMap.mainAlias!.metadata.primaryColumns;
  return column.getEntityValue(entity);
}

/**
 * Sends a list as the bare JSON array the UFDL clients expect, with the `Link` header for a
 * page, each item written by `write` (JSON.stringify by default). A list that fitted one batch
 * goes out in one piece; a longer one is streamed batch by batch with back-pressure, byte for
 * byte the same text. An error once the
 * first byte is out destroys the socket (the error filter does): a cut-short array is invalid
 * JSON, which a client cannot mistake for a whole answer.
 */
export async function sendList<T>(
  response: Response,
  result: ListResult<T>,
  write?: JsonWriter<T>,
): Promise<void> {
  response.status(200);
  if (result.next) {
    response.setHeader('Link', `<${result.next}>; rel="next"`);
  }
  await sendJsonArray(response, result.items, result.more, write);
}
