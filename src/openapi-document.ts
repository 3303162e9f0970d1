import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { V0_REQUEST_SCHEMAS } from './modules/dataworld/v0/dataset-write.schemas.js';

export const API_VERSION = '0.1.0';

/** Builds the OpenAPI document from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Strata')
    .setDescription(
      'Versioned datasets. `/v1` is wire-compatible with the UFDL backend core dataset API.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT or strata_pat_ API token',
      description:
        'An access token (JWT) from `POST /v1/auth/obtain`, or an API token (`strata_pat_...`) ' +
        'from `POST /api/tokens`, whose scopes cap what it may do.',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The /v0 write bodies are checked by hand, not by DTO classes: Nest cannot derive them.
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...V0_REQUEST_SCHEMAS },
  };
  return document;
}
