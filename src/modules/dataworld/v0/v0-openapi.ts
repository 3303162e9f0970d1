import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiParam,
  ApiQuery,
  ApiResponse,
  getSchemaPath,
  type HeadersObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { DATASET_SLUG, OWNER_SLUG } from './dataset-key.js';
import type { V0RequestSchemaName } from './dataset-write.schemas.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './list-page.js';
import { V0CreatedDto, V0ErrorDto, V0MessageDto } from './v0-responses.js';

/**
 * The OpenAPI pieces every /v0 route shares, so that each path value, query value, body kind
 * and refusal is described once (test/e2e/v0/v0-openapi.spec.ts holds every route to them).
 */

export type V0ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 416 | 422 | 429 | 503;

const RETRY_AFTER: HeadersObject = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' },
  },
};

/** The global rate limit refuses any route, so every route lists 429 unless it says more. */
const RATE_LIMITED = 'Too many requests from this caller: wait `Retry-After` seconds';

/** The refusals a route really gives, each as data.world's ErrorMessage `{code, message, details?}`. */
export function V0Errors(errors: Partial<Record<V0ErrorStatus, string>>): MethodDecorator {
  const all: Partial<Record<V0ErrorStatus, string>> = { 429: RATE_LIMITED, ...errors };
  return applyDecorators(
    ...Object.entries(all).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        type: V0ErrorDto,
        ...(status === '429' ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}

function slugSchema(pattern: RegExp, maxLength: number): SchemaObject {
  return { type: 'string', pattern: pattern.source, minLength: 3, maxLength };
}

export const V0OwnerParam = (): MethodDecorator =>
  ApiParam({
    name: 'owner',
    description: 'The owning team, by its slug',
    schema: slugSchema(OWNER_SLUG, 31),
  });

/** `{owner}/{id}`: a team slug and a dataset slug (anything else is 400, decision 7). */
export const V0DatasetParams = (): MethodDecorator =>
  applyDecorators(
    V0OwnerParam(),
    ApiParam({
      name: 'id',
      description: 'The dataset, by its slug',
      schema: slugSchema(DATASET_SLUG, 95),
    }),
  );

export const V0FileParam = (): MethodDecorator =>
  ApiParam({
    name: 'file',
    description: 'The file name, percent-encoded (`%2F` for a `/` in it, `%20` for a space)',
    schema: { type: 'string', minLength: 1 },
  });

/** `?limit=&next=` of every /v0 list. */
export const V0ListQueries = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      description: 'Records per page',
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT },
    }),
    ApiQuery({
      name: 'next',
      required: false,
      description: 'The `nextPageToken` of the page before',
      schema: { type: 'string' },
    }),
  );

/** A boolean query flag, spelt as Python and JSON clients do (`True`, `true`, `1`). */
export const V0FlagQuery = (name: string, description: string): MethodDecorator =>
  ApiQuery({
    name,
    required: false,
    description: `${description} (true/false, True/False or 1/0)`,
    schema: { type: 'boolean', default: false },
  });

/** A JSON body, by the name of its schema among V0_REQUEST_SCHEMAS. */
export const V0JsonBody = (
  schema: V0RequestSchemaName,
  options: { description?: string; required?: boolean } = {},
): MethodDecorator =>
  ApiBody({ schema: { $ref: `#/components/schemas/${schema}` }, required: true, ...options });

/** A raw upload: the body is the file's bytes, whatever its Content-Type. */
export const V0RawBody = (): MethodDecorator =>
  applyDecorators(
    ApiConsumes('application/octet-stream'),
    ApiBody({ description: "The file's bytes", schema: { type: 'string', format: 'binary' } }),
  );

/** A multipart upload: one part named `file` per file (so Swagger UI offers a file picker). */
export const V0MultipartBody = (): MethodDecorator =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'array',
            items: { type: 'string', format: 'binary' },
            description: "The files; each part's filename is the file's name",
          },
        },
      },
    }),
  );

/** 200 with data.world's SuccessMessage. */
export const V0MessageResponse = (description = 'Done'): MethodDecorator =>
  ApiResponse({ status: 200, description, type: V0MessageDto });

const LOCATION: HeadersObject = {
  Location: { description: 'The new dataset, as `uri`', schema: { type: 'string', format: 'uri' } },
};

/** 200 for a create: `{message, uri}` and the same URL as `Location`. */
export const V0CreatedResponse = (): MethodDecorator =>
  ApiResponse({ status: 200, description: 'Created', type: V0CreatedDto, headers: LOCATION });

/** 200 for a write that either changes a dataset or creates it (PUT). */
export const V0MessageOrCreatedResponse = (): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(V0MessageDto, V0CreatedDto),
    ApiResponse({
      status: 200,
      description: 'Replaced (a SuccessMessage), or created (with `uri` and `Location`)',
      // anyOf, not oneOf: a created answer carries `message` too, so it is also a SuccessMessage.
      schema: {
        anyOf: [{ $ref: getSchemaPath(V0MessageDto) }, { $ref: getSchemaPath(V0CreatedDto) }],
      },
      headers: LOCATION,
    }),
  );

/** 200 with a binary body of this media type (errors stay JSON: no `@ApiProduces`). */
export const V0BinaryResponse = (mediaType: string, description: string): MethodDecorator =>
  ApiResponse({
    status: 200,
    description,
    content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
  });
