import { HttpStatus } from '@nestjs/common';
import {
  AuthenticationFailedError,
  ConflictError,
  HttpLayerError,
  RequestValidationError,
  type DomainError,
} from '../errors/domain-error.js';
import { MalformedBodyError, type ErrorFace, type RenderedError } from './http-error.filter.js';

/** DRF's words for the statuses Nest's own exceptions carry in words of their own. */
const STATUS_DETAIL: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not found.',
  [HttpStatus.UNAUTHORIZED]: 'Authentication credentials were not provided.',
  [HttpStatus.FORBIDDEN]: 'You do not have permission to perform this action.',
};

/**
 * The /v1 (UFDL, Django REST framework) error shapes, also used by the routes of no face
 * (health, docs): `{"detail": "..."}`, or a field map for validation errors.
 */
export const V1_ERROR_FACE: ErrorFace = {
  render(error: DomainError): RenderedError {
    if (error instanceof RequestValidationError) {
      return { status: error.status, body: error.fields };
    }
    if (error instanceof AuthenticationFailedError) {
      return { status: error.status, body: { detail: error.message, ...error.extra } };
    }
    if (error instanceof ConflictError) {
      // UFDL reports a broken uniqueness rule as a validation error.
      return { status: HttpStatus.BAD_REQUEST, body: { detail: error.message } };
    }
    if (error instanceof MalformedBodyError) {
      return { status: error.status, body: { detail: malformedBodyDetail(error) } };
    }
    if (error instanceof HttpLayerError) {
      return {
        status: error.status,
        body: { detail: STATUS_DETAIL[error.status] ?? error.message },
      };
    }
    return { status: error.status, body: { detail: error.message } };
  },

  serverError(): RenderedError {
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { detail: 'A server error occurred.' },
    };
  },
};

function malformedBodyDetail(error: MalformedBodyError): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return `JSON parse error - ${error.reason}`;
    case 'entity.too.large':
      return 'Request body is too large.';
    default:
      return error.reason;
  }
}
