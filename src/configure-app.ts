import { isUtf8 } from 'node:buffer';
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger as PinoBase } from 'pino';
import { BadRequestError, UnsupportedMediaTypeError } from './common/errors/domain-error.js';
import { HttpErrorFilter } from './common/http/http-error.filter.js';
import { V1_ERROR_FACE } from './common/http/v1-error.face.js';
import { V0_ERROR_FACE_ROUTES } from './modules/dataworld/v0-error.face.js';
import { requestIdMiddleware } from './common/http/request-id.middleware.js';
import { applyServerTimeouts, requestTimeouts } from './common/http/request-timeouts.js';
import { NestLogger } from './common/logging/nest-logger.js';
import { BASE_LOGGER, requestLogger } from './common/logging/request-logging.js';
import { createValidationPipe } from './common/http/validation.js';
import { HttpMetrics } from './modules/metrics/http-metrics.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { buildOpenApiDocument, DOCS_PATH } from './openapi-document.js';

/**
 * CORS as the UFDL reference serves it (django-cors-headers with CORS_ORIGIN_ALLOW_ALL):
 * any origin, these methods and request headers, preflight answered 200; plus the request
 * headers Strata's own routes read, so a browser on another origin can upload (the filename
 * travels in Content-Disposition) and resume or revalidate a download.
 */
export const CORS_OPTIONS = {
  origin: '*',
  methods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
  allowedHeaders: [
    'accept',
    'accept-encoding',
    'authorization',
    'content-disposition',
    'content-type',
    'dnt',
    'if-none-match',
    'if-range',
    'origin',
    'range',
    'user-agent',
    'x-csrftoken',
    'x-requested-with',
  ],
  exposedHeaders: [
    'X-Request-Id',
    'Link',
    'Content-Disposition',
    'ETag',
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'Retry-After',
  ],
  optionsSuccessStatus: 200,
  maxAge: 86400,
};

/** Raw-body routes: file uploads (/v1 and /v0), streamed to the blob store. */
const UPLOAD_PATH = /^\/(v1\/datasets\/[^/]+\/files(-multi)?(\/|$)|v0\/uploads\/)/;

const isUpload = (request: IncomingMessage): boolean => UPLOAD_PATH.test(request.url ?? '');

function parsesAs(contentType: RegExp): (request: IncomingMessage) => boolean {
  return (request) => contentType.test(request.headers['content-type'] ?? '') && !isUpload(request);
}

/**
 * body-parser decodes invalid UTF-8 to U+FFFD without a word, so `\xff` would be stored as `�`
 * (or ignored by a DELETE). DRF refuses such a body: 400, in its parse-error words.
 */
function verifyUtf8(_request: IncomingMessage, _response: unknown, body: Buffer, encoding: string) {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) {
    throw Object.assign(new Error("'utf-8' codec can't decode the request body"), {
      status: 400,
      type: 'entity.parse.failed',
    });
  }
}

/** Far beyond any API body (a FilterSpec nests 7 levels); see refuseDeepBodies. */
const MAX_JSON_DEPTH = 32;

/**
 * JSON.parse takes any depth, but what comes after recurses (class-transformer, error messages
 * quoting the value): 50,000 nested `[` overflow the stack, a 500. Counted without recursion.
 */
function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  const pending: { node: unknown; depth: number }[] = [{ node: request.body, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > MAX_JSON_DEPTH) {
      next(new BadRequestError(`JSON parse error - nested deeper than ${MAX_JSON_DEPTH} levels`));
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const child of Object.values(node)) {
        pending.push({ node: child, depth: depth + 1 });
      }
    }
  }
  next();
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A /v1 or /v0 body that no parser above read (text/plain, XML, multipart...) would reach the
 * handler as "no body": a PATCH would succeed doing nothing, a copy would ignore its options.
 * DRF answers 415 instead (data.world 400: each face renders it). Uploads read their own raw
 * bodies.
 */
function refuseUnreadBodies(request: Request, _response: Response, next: NextFunction): void {
  const type = request.headers['content-type'];
  const length = request.headers['content-length'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (
    type &&
    hasBody &&
    !request.readableEnded &&
    BODY_METHODS.has(request.method) &&
    (request.url.startsWith('/v1/') || request.url.startsWith('/v0/')) &&
    !isUpload(request)
  ) {
    next(new UnsupportedMediaTypeError(type.split(';')[0].trim()));
    return;
  }
  next();
}

/**
 * Requests Node's HTTP parser refuses (raw non-ASCII bytes in the path, headers over the size
 * limit) never reach Express, and Node's own answer has no body: answer them in the API's JSON.
 */
function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const [status, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request header fields are too large.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request took too long to arrive.']
          : [400, 'Malformed HTTP request.'];
    const body = JSON.stringify({ detail });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Everything about the HTTP pipeline, in one place, used by main.ts and by every test app so
 * that tests exercise exactly what production serves.
 */
export function configureApp(app: INestApplication): INestApplication {
  // Nest's own logs go to pino; request logs are requestLogger's.
  app.useLogger(new NestLogger(app.get<PinoBase>(BASE_LOGGER)));
  // Express would hash every JSON answer for a weak ETag that no client of these APIs sends back
  // (the UFDL reference sends none). File downloads set their own ETag: the blob's handle.
  (app as NestExpressApplication).set('etag', false);
  // First, so that every answer is counted, refusals by the middleware below included.
  app.use(app.get(HttpMetrics).middleware);
  app.use(requestIdMiddleware);
  const { http } = app.get<AppConfig>(APP_CONFIG);
  const server = app.getHttpServer() as Server;
  applyServerTimeouts(server, http);
  app.use(
    requestTimeouts(
      server,
      http,
      (request) => BODY_METHODS.has(request.method ?? '') && isUpload(request),
    ),
  );
  app.use(requestLogger(app.get<PinoBase>(BASE_LOGGER)));
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
  // Nest's options type leaves out `verify`, which its `rawBody` option would take over; this
  // app does not use rawBody, and body-parser receives the options as given.
  const jsonOptions = {
    type: parsesAs(/^application\/([\w.+-]*\+)?json\b/i),
    limit: '1mb',
    verify: verifyUtf8,
  };
  express.useBodyParser('json', jsonOptions);
  express.useBodyParser('urlencoded', {
    type: parsesAs(/^application\/x-www-form-urlencoded\b/i),
    extended: false,
    limit: '1mb',
  });
  app.use(refuseUnreadBodies);
  app.use(refuseDeepBodies);
  answerMalformedRequests(app.getHttpServer() as Server);
  app.useGlobalPipes(createValidationPipe());
  // /v1 and the routes of no face answer DRF shapes; /v0 (and data.world's other hosts' paths)
  // its own.
  app.useGlobalFilters(new HttpErrorFilter(V1_ERROR_FACE, V0_ERROR_FACE_ROUTES));
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    customSiteTitle: 'Strata API',
    swaggerOptions: {
      // An authorisation survives a reload of the page (kept in the browser's localStorage).
      persistAuthorization: true,
      displayRequestDuration: true,
      // A search box over the sections (tags), which keep the document's order.
      filter: true,
    },
  });
  return app;
}
