import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { FILTER_SPEC_SCHEMAS } from './common/filter-spec/filter-spec.openapi.js';
import {
  OPENAPI_ADMIN_EXTENSION,
  OPENAPI_AUTH_EXTENSION,
  V1_ERROR_SCHEMAS,
  V1DetailErrorDto,
} from './common/http/v1-openapi.js';
import { OPENAPI_TAGS } from './common/http/openapi-tags.js';
import { V0_REQUEST_SCHEMAS } from './modules/dataworld/v0/dataset-write.schemas.js';

export const API_VERSION = '0.1.0';

/** Swagger UI's path; the document is served at `/${DOCS_PATH}-json`. */
export const DOCS_PATH = 'docs';

/** Builds the OpenAPI document from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Strata')
    .setDescription(
      'Versioned datasets. `/v1` is wire-compatible with the UFDL backend core dataset API, ' +
        "`/v0` with data.world's dataset API; `/api` holds Strata's own routes (API tokens).",
    )
    .setVersion(API_VERSION)
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT or strata_pat_ API token',
      description:
        'An access token (JWT) from `POST /v1/auth/obtain`, or an API token (`strata_pat_...`) ' +
        'from `POST /api/tokens`, whose scopes cap what it may do.',
    })
    .addServer('/', 'This server');
  // Swagger UI shows its sections in the order of the document's tags: auth first.
  for (const tag of OPENAPI_TAGS) {
    builder.addTag(tag.name, tag.description);
  }
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [V1DetailErrorDto],
    // Tags come from OPENAPI_TAGS only: a controller whose routes are tagged one by one (so
    // that admin-only ones carry `admin` alone) must not get its class name as a tag too.
    autoTagControllers: false,
  });
  // These bodies are checked by hand, not by DTO classes: Nest cannot derive their schemas.
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ...V0_REQUEST_SCHEMAS,
      ...FILTER_SPEC_SCHEMAS,
      ...V1_ERROR_SCHEMAS,
    },
  };
  markPublicOperations(document);
  markAdminOperations(document);
  return document;
}

type MarkedOperation = Record<string, unknown> & { security?: unknown; tags?: string[] };

/** Every operation of the document, whatever its method. */
function* operationsOf(document: OpenAPIObject): Generator<MarkedOperation> {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const) {
      const operation = item[method] as MarkedOperation | undefined;
      if (operation) {
        yield operation;
      }
    }
  }
}

/**
 * `@Public()` routes need no token (`security: []`); `@AllowAnonymous()` ones take one when
 * sent (`security: [{}, {bearer: []}]`). Nest merges an empty method-level security list away,
 * so the decorators leave a marker extension that is turned into the real field here.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    const kind = operation[OPENAPI_AUTH_EXTENSION];
    if (kind !== undefined) {
      delete operation[OPENAPI_AUTH_EXTENSION];
      operation.security = kind === 'public' ? [] : [{}, { bearer: [] }];
    }
  }
}

/** `@AdminOnly()` operations belong to the `admin` tag alone, whatever their controller's tag. */
function markAdminOperations(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    if (operation[OPENAPI_ADMIN_EXTENSION] !== undefined) {
      delete operation[OPENAPI_ADMIN_EXTENSION];
      operation.tags = ['admin'];
    }
  }
}
