import {
  ArgumentsHost,
  Catch,
  HttpException,
  Logger,
  NotFoundException,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { allowedMethods } from './allowed-methods.js';
import { InvalidPkError } from './parse-pk.pipe.js';
import {
  BadRequestError,
  DomainError,
  HttpLayerError,
  MethodNotAllowedError,
  RangeNotSatisfiableError,
  ServiceUnavailableError,
} from '../errors/domain-error.js';
import { databaseErrorKind } from '../errors/pg-errors.js';

/** An error as one API face answers it. */
export interface RenderedError {
  readonly status: number;
  readonly body: unknown;
}

/**
 * How one API face words its errors. Faces only render: what an error means (its class and
 * status) is decided before, the same for every face.
 */
export interface ErrorFace {
  /** The answer to an error raised on purpose, by a service or by the HTTP layer. */
  render(error: DomainError): RenderedError;
  /** The answer to an unexpected error: generic, without internals. */
  serverError(): RenderedError;
}

/** A face and the path prefix (e.g. `/v0/`) of the requests it answers. */
export interface ErrorFaceRoute {
  readonly prefix: string;
  readonly face: ErrorFace;
}

/**
 * A request body the body parsers refused before any handler ran (malformed JSON, too large,
 * an unreadable charset); `type` is body-parser's name for the failure, `reason` its message.
 */
export class MalformedBodyError extends DomainError {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** How long clients are asked to wait while the database is out of reach. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The one global filter. It decides what an error means, whatever the face: a route miss with
 * another method is a 405, an untranslated database error is the request's fault or a passing
 * one, a body parser's refusal and Nest's own exceptions keep their status; anything else is
 * logged with its request id and becomes a 500. The face whose prefix the path is under (the
 * fallback for every other path) then renders it in its own shape.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(
    private readonly fallback: ErrorFace,
    private readonly faces: readonly ErrorFaceRoute[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (response.headersSent) {
      // The body is already streaming; all we can do is cut it short.
      this.logger.error({ err: exception, requestId: request.id }, 'Error after headers were sent');
      response.destroy();
      return;
    }
    const face = this.faceOf(request);
    const error = this.classify(
      this.refineDatabaseError(this.refineRouteMiss(exception, request), request),
    );
    if (error === undefined) {
      this.logger.error(
        { err: exception, requestId: request.id, method: request.method, url: request.originalUrl },
        'Unhandled error',
      );
    }
    const { status, body } = error === undefined ? face.serverError() : face.render(error);
    if (status === 401) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    }
    if (error instanceof MethodNotAllowedError) {
      response.setHeader('Allow', error.allow.join(', '));
    }
    if (error instanceof RangeNotSatisfiableError) {
      response.setHeader('Content-Range', `bytes */${error.length}`);
    }
    // Any error that knows when to come back says so (a database out of reach, a sync running).
    const retryAfter = (error as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    }
    response.status(status).json(body);
  }

  private faceOf(request: Request): ErrorFace {
    const path = request.path;
    return this.faces.find((route) => path.startsWith(route.prefix))?.face ?? this.fallback;
  }

  /** Nest answers every unmatched request 404; a known path with another method is a 405. */
  private refineRouteMiss(exception: unknown, request: Request): unknown {
    const routeMiss =
      (exception instanceof NotFoundException && exception.message.startsWith('Cannot ')) ||
      exception instanceof InvalidPkError;
    if (routeMiss && request.method !== 'OPTIONS') {
      const allow = allowedMethods(request);
      if (allow.length > 0 && !allow.includes(request.method)) {
        return new MethodNotAllowedError(request.method, allow);
      }
    }
    return exception;
  }

  /**
   * Database errors no service translated still say whose problem they are: a broken constraint
   * or an impossible value is the request's (400), a lost race or a database out of reach is
   * passing (503 with Retry-After). Only errors of no known class are a 500.
   */
  private refineDatabaseError(exception: unknown, request: Request): unknown {
    const kind = databaseErrorKind(exception);
    if (kind === undefined) {
      return exception;
    }
    this.logger.warn(
      { err: exception, requestId: request.id, method: request.method, url: request.originalUrl },
      `Database error (${kind})`,
    );
    switch (kind) {
      case 'integrity':
        return new BadRequestError('The request conflicts with the data it would change.');
      case 'data':
        return new BadRequestError('A value in the request is out of range or malformed.');
      case 'contention':
        return new ServiceUnavailableError(
          'The request collided with concurrent changes; please retry.',
        );
      case 'unavailable':
        return new ServiceUnavailableError(
          'The database is unavailable or overloaded; please retry.',
          DATABASE_RETRY_AFTER_SECONDS,
        );
    }
  }

  /** The error as a DomainError, or undefined for an unexpected one (a 500). */
  private classify(exception: unknown): DomainError | undefined {
    // Express's body parsers fail before any handler; Nest wraps some of their errors.
    const parserError =
      bodyParserError(exception) ?? bodyParserError((exception as { cause?: unknown }).cause);
    if (parserError) {
      return parserError;
    }
    if (exception instanceof DomainError) {
      return exception;
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { detail?: unknown; message?: unknown }).detail ??
            (response as { message?: unknown }).message);
      return new HttpLayerError(
        exception.getStatus(),
        typeof message === 'string' ? message : exception.message,
      );
    }
    return undefined;
  }
}

/** The status each kind of body parser refusal means, whatever the parser put on it. */
const BODY_PARSER_STATUS: Partial<Record<string, number>> = {
  'entity.parse.failed': 400,
  'entity.too.large': 413,
  'charset.unsupported': 415,
  'encoding.unsupported': 415,
};

/**
 * Errors raised by the body parsers (malformed JSON, a body over the limit, a charset we do not
 * read) carry `type` and `status`; they are the client's mistake, so they get a 4xx rather than
 * the generic 500.
 */
function bodyParserError(exception: unknown): MalformedBodyError | undefined {
  const error = exception as { type?: unknown; status?: unknown; message?: unknown } | null;
  if (typeof error !== 'object' || error === null || typeof error.type !== 'string') {
    return undefined;
  }
  const status = typeof error.status === 'number' ? error.status : 400;
  if (status < 400 || status > 499) {
    return undefined;
  }
  const message = typeof error.message === 'string' ? error.message : 'Malformed request body';
  return new MalformedBodyError(BODY_PARSER_STATUS[error.type] ?? status, error.type, message);
}
