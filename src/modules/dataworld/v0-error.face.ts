import { HttpStatus } from '@nestjs/common';
import {
  FieldRuleError,
  RequestValidationError,
  UnsupportedMediaTypeError,
  type DomainError,
} from '../../common/errors/domain-error.js';
import {
  MalformedBodyError,
  type ErrorFace,
  type ErrorFaceRoute,
  type RenderedError,
} from '../../common/http/http-error.filter.js';

/** data.world's ErrorMessage (Dropwizard's): `details` is left out when there is none. */
export interface V0ErrorBody {
  code: number;
  message: string;
  details?: string;
}

function body(status: number, message: string, details?: string): RenderedError {
  const answer: V0ErrorBody = { code: status, message };
  if (details !== undefined && details !== '') {
    answer.details = details;
  }
  return { status, body: answer };
}

/** Words for statuses whose error carries none of its own worth showing. */
const STATUS_MESSAGE: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not found.',
  [HttpStatus.UNAUTHORIZED]: 'Authentication required: send a valid bearer token.',
  [HttpStatus.FORBIDDEN]: 'You do not have permission to perform this action.',
};

/**
 * The `/v0` (data.world) error shape, `{code, message, details?}`, for every status. Meanings
 * are the services' (shared with `/v1`); only the wording and a few statuses differ: a wrong
 * content type is 400 here (spec decision 8), a taken slug a real 409.
 */
export const V0_ERROR_FACE: ErrorFace = {
  render(error: DomainError): RenderedError {
    if (error instanceof MalformedBodyError) {
      if (error.type === 'entity.too.large') {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, 'Request body is too large.', error.reason);
      }
      return body(HttpStatus.BAD_REQUEST, 'Unable to process JSON.', error.reason);
    }
    if (error instanceof UnsupportedMediaTypeError) {
      return body(HttpStatus.BAD_REQUEST, error.message);
    }
    if (error instanceof FieldRuleError) {
      return body(error.status, error.message, error.details);
    }
    if (error instanceof RequestValidationError) {
      // A rule shared with /v1 that words its findings per field: one line per field.
      const message = Object.entries(error.fields)
        .map(([field, problems]) => `${field}: ${problems.join(' ')}`)
        .join('; ');
      return body(error.status, message || error.message);
    }
    const message =
      error.message && error.message !== 'Http Exception'
        ? error.message
        : (STATUS_MESSAGE[error.status] ?? 'Request failed.');
    return body(error.status, message);
  },

  serverError(): RenderedError {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'A server error occurred.');
  },
};

/**
 * Where the /v0 face answers: the API itself, the data package host's path, the query host's
 * file downloads, and the query paths (which answer 404 in this shape: queries are out of
 * scope, spec decision 17).
 */
export const V0_ERROR_FACE_ROUTES: readonly ErrorFaceRoute[] = [
  '/v0/',
  '/datapackage/',
  '/file_download/',
  '/sql/',
  '/sparql/',
].map((prefix) => ({ prefix, face: V0_ERROR_FACE }));
