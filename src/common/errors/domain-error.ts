/**
 * Base of every error a service throws on purpose. Each API face's filter renders it in that
 * face's shape; `status` is the HTTP status both faces agree on.
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
