import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { allowedMethods } from './allowed-methods.js';
import { InvalidPkError } from './parse-pk.pipe.js';
import {
  AuthenticationFailedError,
  BadRequestError,
  DomainError,
  MethodNotAllowedError,
  RequestValidationError,
  ServiceUnavailableError,
} from '../errors/domain-error.js';
import { databaseErrorKind } from '../errors/pg-errors.js';

const STATUS_DETAIL: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not found.',
  [HttpStatus.UNAUTHORIZED]: 'Authentication credentials were not provided.',
  [HttpStatus.FORBIDDEN]: 'You do not have permission to perform this action.',
};

/** How long clients are asked to wait while the database is out of reach. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Renders every error as the v1 (DRF) shape: `{"detail": "..."}`, or a field map for
 * validation errors. Anything unexpected is logged with its request id and becomes a bare 500,
 * so no internals leak.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

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
    const refined = this.refineDatabaseError(this.refineRouteMiss(exception, request), request);
    const { status, body } = this.render(refined, request);
    if (status === 401) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    }
    if (refined instanceof MethodNotAllowedError) {
      response.setHeader('Allow', refined.allow.join(', '));
    }
    if (refined instanceof ServiceUnavailableError) {
      response.setHeader('Retry-After', String(refined.retryAfterSeconds));
    }
    response.status(status).json(body);
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

  private render(exception: unknown, request: Request): { status: number; body: unknown } {
    // Express's body parsers fail before any handler; Nest wraps some of their errors.
    const parserError =
      bodyParserError(exception) ?? bodyParserError((exception as { cause?: unknown }).cause);
    if (parserError) {
      return parserError;
    }
    if (exception instanceof RequestValidationError) {
      return { status: exception.status, body: exception.fields };
    }
    if (exception instanceof AuthenticationFailedError) {
      return { status: exception.status, body: { detail: exception.message, ...exception.extra } };
    }
    if (exception instanceof DomainError) {
      return { status: exception.status, body: { detail: exception.message } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : ((response as { detail?: unknown; message?: unknown }).detail ??
            (response as { message?: unknown }).message);
      const detail =
        STATUS_DETAIL[status] ?? (typeof message === 'string' ? message : exception.message);
      return { status, body: { detail } };
    }
    this.logger.error(
      { err: exception, requestId: request.id, method: request.method, url: request.originalUrl },
      'Unhandled error',
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { detail: 'A server error occurred.' },
    };
  }
}

/**
 * Errors raised by the body parsers (malformed JSON, a body over the limit, a charset we do not
 * read) carry `type` and `status`; they are the client's mistake, so they get a 4xx in DRF's
 * words rather than the generic 500.
 */
function bodyParserError(exception: unknown): { status: number; body: unknown } | undefined {
  const error = exception as { type?: unknown; status?: unknown; message?: unknown } | null;
  if (typeof error !== 'object' || error === null || typeof error.type !== 'string') {
    return undefined;
  }
  const status = typeof error.status === 'number' ? error.status : 400;
  if (status < 400 || status > 499) {
    return undefined;
  }
  const message = typeof error.message === 'string' ? error.message : 'Malformed request body';
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, body: { detail: `JSON parse error - ${message}` } };
    case 'entity.too.large':
      return { status: 413, body: { detail: 'Request body is too large.' } };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, body: { detail: message } };
    default:
      return { status, body: { detail: message } };
  }
}
