import type { IncomingMessage } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './common/http/http-error.filter.js';
import { requestIdMiddleware } from './common/http/request-id.middleware.js';
import { createValidationPipe } from './common/http/validation.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * CORS as the UFDL reference serves it (django-cors-headers with CORS_ORIGIN_ALLOW_ALL):
 * any origin, these methods and request headers, preflight answered 200.
 */
export const CORS_OPTIONS = {
  origin: '*',
  methods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
  allowedHeaders: [
    'accept',
    'accept-encoding',
    'authorization',
    'content-type',
    'dnt',
    'origin',
    'user-agent',
    'x-csrftoken',
    'x-requested-with',
  ],
  exposedHeaders: ['X-Request-Id', 'Link', 'Content-Disposition', 'ETag'],
  optionsSuccessStatus: 200,
  maxAge: 86400,
};

/** Raw-body routes: file uploads, streamed to the blob store. */
const UPLOAD_PATH = /^\/v1\/datasets\/[^/]+\/files(-multi)?(\/|$)/;

function parsesAs(contentType: RegExp): (request: IncomingMessage) => boolean {
  return (request) =>
    contentType.test(request.headers['content-type'] ?? '') && !UPLOAD_PATH.test(request.url ?? '');
}

/**
 * Everything about the HTTP pipeline, in one place, used by main.ts and by every test app so
 * that tests exercise exactly what production serves.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      // Swagger UI loads its own inline styles; everything else stays locked down.
      contentSecurityPolicy: {
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
      // API clients on other origins read our responses through CORS.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  app.enableCors(CORS_OPTIONS);
  // Registered here, so Nest adds no parsers of its own: file uploads must reach their
  // handlers as unread streams, whatever Content-Type a client labels them with.
  const express = app as NestExpressApplication;
  express.useBodyParser('json', {
    type: parsesAs(/^application\/([\w.+-]*\+)?json\b/i),
    limit: '1mb',
  });
  express.useBodyParser('urlencoded', {
    type: parsesAs(/^application\/x-www-form-urlencoded\b/i),
    extended: false,
    limit: '1mb',
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Strata API',
  });
  return app;
}
