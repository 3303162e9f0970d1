import { DomainError } from '../../common/errors/domain-error.js';

/** A sync was asked for while one is queued or running for the same dataset. */
export class SyncInProgressError extends DomainError {
  readonly status = 429;

  constructor(readonly retryAfterSeconds: number) {
    super('A sync of this dataset is already queued or running; retry later.');
  }
}

/** A source that cannot be fetched as given (its URL, its file name). */
export class InvalidSourceError extends DomainError {
  readonly status = 422;
}
