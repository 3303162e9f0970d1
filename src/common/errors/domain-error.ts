/**
 * Base of every error a service throws on purpose. Its class says what went wrong and `status`
 * is the HTTP status that meaning calls for; each API face renders it in that face's shape
 * (see common/http/http-error.filter.ts), and a face may answer another status where its wire
 * contract says so (/v1 answers a ConflictError 400, as UFDL does).
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Request data failed validation; `fields` maps each offending field to its messages. */
export class RequestValidationError extends DomainError {
  readonly status = 400;

  constructor(readonly fields: Record<string, string[]>) {
    super('Invalid request data');
  }
}

/** A request the API understood but refuses as given (DRF's ParseError / BadName / ...). */
export class BadRequestError extends DomainError {
  readonly status = 400;
}

/** No such object (or one the caller may not even know exists). */
export class NotFoundError extends DomainError {
  readonly status = 404;

  constructor(message = 'Not found.') {
    super(message);
  }
}

/** No credentials were sent where they are needed. */
export class NotAuthenticatedError extends DomainError {
  readonly status = 401;

  constructor(message = 'Authentication credentials were not provided.') {
    super(message);
  }
}

/**
 * Credentials were sent but are unusable (bad or expired token, inactive user). `extra` holds
 * the additional keys simplejwt puts beside `detail` (`code`, `messages`).
 */
export class AuthenticationFailedError extends DomainError {
  readonly status = 401;

  constructor(
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Authenticated, but not allowed: never 401, or the official clients refresh-and-retry forever. */
export class PermissionDeniedError extends DomainError {
  readonly status = 403;

  constructor(message = 'You do not have permission to perform this action.') {
    super(message);
  }
}

export class MethodNotAllowedError extends DomainError {
  readonly status = 405;

  constructor(
    method: string,
    readonly allow: string[],
  ) {
    super(`Method "${method}" not allowed.`);
  }
}

export class NotAcceptableError extends DomainError {
  readonly status = 406;

  constructor(message = 'Could not satisfy the request Accept header.') {
    super(message);
  }
}

/**
 * A `Range` none of whose bytes exist in a representation of `length` bytes: 416, with
 * a Content-Range naming the real length, so the client can ask again.
 */
export class RangeNotSatisfiableError extends DomainError {
  readonly status = 416;

  constructor(readonly length: number) {
    super('Requested range not satisfiable.');
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;

  constructor(mediaType: string) {
    super(`Unsupported media type "${mediaType}" in request.`);
  }
}

export class UnknownParametersError extends DomainError {
  readonly status = 422;
}

/**
 * A well-formed body that breaks a field rule (a length, a pattern, an enum, a required field):
 * `/v0` answers 422 naming the field and the offending value. `details` carries the underlying
 * cause when there is one worth telling.
 */
export class FieldRuleError extends DomainError {
  readonly status = 422;

  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

/** A write would break a uniqueness rule (name taken, slot occupied, already a member). */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/**
 * An error of the HTTP layer rather than of a service (a body parser's refusal, one of Nest's
 * own exceptions), carried with its status so that every face renders it like its own errors.
 */
export class HttpLayerError extends DomainError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request may succeed later (the database is unreachable, overloaded or lost a race for
 * longer than the retries allow): 503 with `Retry-After`, so clients back off instead of failing.
 */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;

  constructor(
    message = 'The service is temporarily unavailable; please retry.',
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/** DRF's Throttled, in its words; the wait is whole seconds (also sent as `Retry-After`). */
export class ThrottledError extends DomainError {
  readonly status = 429;

  constructor(readonly waitSeconds: number) {
    super(
      `Request was throttled. Expected available in ${waitSeconds} ` +
        `${waitSeconds === 1 ? 'second' : 'seconds'}.`,
    );
  }
}
