import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, RequestValidationError } from '../errors/domain-error.js';

const STATUS_DETAIL: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not found.',
  [HttpStatus.UNAUTHORIZED]: 'Authentication credentials were not provided.',
  [HttpStatus.FORBIDDEN]: 'You do not have permission to perform this action.',
};

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
    const { status, body } = this.render(exception, request);
    response.status(status).json(body);
  }

  private render(exception: unknown, request: Request): { status: number; body: unknown } {
    if (exception instanceof RequestValidationError) {
      return { status: exception.status, body: exception.fields };
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
