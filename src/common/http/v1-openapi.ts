import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiExtension,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiOkResponse,
  ApiResponse,
  type ApiPropertyOptions,
  type HeadersObject,
} from '@nestjs/swagger';
import { MAX_PAGE_LIMIT } from '../filter-spec/pagination.js';

/**
 * The OpenAPI pieces every /v1 route (and Strata's own /api routes, which answer the same DRF
 * shapes) shares, so each refusal, path value and list body is described once.
 */

/** DRF's `{"detail": "..."}`. */
export class V1DetailErrorDto {
  @ApiProperty({ example: 'Not found.' })
  detail!: string;

  @ApiPropertyOptional({
    description:
      "simplejwt's error code on a refused token (`token_not_valid`, `user_inactive`...)",
    example: 'token_not_valid',
  })
  code?: string;

  @ApiPropertyOptional({
    description: 'For a bad access token: which token kinds were tried and why each failed',
    type: 'array',
    items: {
      type: 'object',
      properties: {
        token_class: { type: 'string' },
        token_type: { type: 'string' },
        message: { type: 'string' },
      },
    },
  })
  messages?: { token_class: string; token_type: string; message: string }[];
}

/** DRF's field errors: each field that failed, with its messages. */
export const V1_FIELD_ERRORS_SCHEMA = 'V1FieldErrors';
export const V1_ERROR_SCHEMAS = {
  [V1_FIELD_ERRORS_SCHEMA]: {
    type: 'object' as const,
    description: 'Each refused field with its messages (DRF validation errors)',
    additionalProperties: { type: 'array' as const, items: { type: 'string' as const } },
    example: { name: ['This field is required.'] },
  },
};

export type V1ErrorStatus =
  400 | 401 | 403 | 404 | 405 | 406 | 409 | 413 | 415 | 416 | 422 | 429 | 503;

const RETRY_AFTER: HeadersObject = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' },
  },
};

const DEFAULTS: Partial<Record<V1ErrorStatus, string>> = {
  429: 'Too many requests from this caller: wait `Retry-After` seconds',
  503: 'The database is unavailable for a moment: wait `Retry-After` seconds',
};

/**
 * The refusals a route really gives, in DRF's shapes. 400 is a field map or a `detail`;
 * every other status is `{detail}`. 429 and 503 are added to every route (the rate limit and
 * an unreachable database refuse any of them).
 */
export function V1Errors(errors: Partial<Record<V1ErrorStatus, string>>): MethodDecorator {
  const all: Partial<Record<V1ErrorStatus, string>> = { ...DEFAULTS, ...errors };
  return applyDecorators(
    ...Object.entries(all).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        ...(status === '400'
          ? {
              schema: {
                oneOf: [
                  { $ref: `#/components/schemas/${V1_FIELD_ERRORS_SCHEMA}` },
                  { $ref: '#/components/schemas/V1DetailErrorDto' },
                ],
              },
            }
          : { type: V1DetailErrorDto }),
        ...(status === '429' || status === '503' ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}

/**
 * A primary key in the path (digits only; anything else is 404, as Django's URL patterns).
 * `example` names a row a fresh server has once the create examples ran (never a seeded row a
 * destructive example would break).
 */
export const V1PkParam = (name = 'pk', description = 'Primary key', example = 1): MethodDecorator =>
  ApiParam({
    name,
    description,
    // In the schema: Nest drops a parameter-level `example` beside a schema.
    schema: { type: 'integer', minimum: 1, maximum: 2147483647, example },
  });

/** The body and queries of every `POST .../list`, and the `Link` of a page that has more. */
export const V1ListRequest = (): MethodDecorator =>
  applyDecorators(
    ApiBody({
      required: false,
      description: 'A FilterSpec; an empty body lists everything the caller may see',
      schema: { $ref: '#/components/schemas/FilterSpec' },
      examples: {
        everything: { summary: 'Everything visible', value: {} },
        byName: {
          summary: 'Names containing "cats", newest first',
          value: {
            expressions: [
              { type: 'contains', field: 'name', sub_string: 'cats', case_insensitive: true },
            ],
            order_by: [{ field: 'pk', ascending: false }],
          },
        },
      },
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      description: 'Page size; without it the whole list is answered',
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: 'The cursor of the `Link: <...>; rel="next"` header of the page before',
      schema: { type: 'string' },
    }),
  );

/** The `Link` header of a list page that has more rows after it. */
export const V1_LIST_HEADERS: HeadersObject = {
  Link: {
    description: 'With `?limit=`: `<url>; rel="next"` while more rows remain',
    schema: { type: 'string' },
  },
};

/**
 * Marks an operation for the document builder: `public` ones get `security: []`, `optional`
 * ones (anonymous callers allowed, a token used when sent) `security: [{}, {bearer: []}]`.
 */
export const OPENAPI_AUTH_EXTENSION = 'x-strata-auth';
export const ApiAuthMarker = (kind: 'public' | 'optional'): MethodDecorator & ClassDecorator =>
  ApiExtension(OPENAPI_AUTH_EXTENSION, kind);

/**
 * Marks a site-admin-only operation: the document builder lists it under the `admin` tag alone
 * (Nest adds a method's tags to its controller's, so a method-level tag cannot replace them).
 */
export const OPENAPI_ADMIN_EXTENSION = 'x-strata-admin';
export const ApiAdminMarker = (): MethodDecorator & ClassDecorator =>
  ApiExtension(OPENAPI_ADMIN_EXTENSION, true);

/** Refusals many routes give, in the same words everywhere. */
export const V1_REFUSAL = {
  unauthenticated: 'No credentials, or a bad, expired or revoked token',
  notSiteAdmin: 'Not a site admin (or a token without the admin scope)',
  badList: 'A malformed FilterSpec, or a bad `limit`/`cursor`',
} as const;

/** The answer of a `POST .../list`: a bare JSON array of `type`, with the `Link` of a page. */
export const V1ListOk = (type: new () => object): MethodDecorator =>
  ApiOkResponse({
    type,
    isArray: true,
    headers: V1_LIST_HEADERS,
    description: 'The matching rows, in FilterSpec order (pk by default)',
  });

/** The soft-delete trio UFDL records end with (`softDeleteJson`), described once. */
export const V1_SOFT_DELETE_PROPERTIES = {
  creator: {
    type: 'integer',
    nullable: true,
    description: 'pk of the user who created it',
  },
  creation_time: { type: 'string', format: 'date-time' },
  deletion_time: {
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Set when soft-deleted (null: active)',
  },
} satisfies Record<string, ApiPropertyOptions>;
