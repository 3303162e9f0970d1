import { DomainError } from '../errors/domain-error.js';

/** A `POST .../list` body the FilterSpec grammar or the resource's allow-list refuses. */
export class FilterSpecError extends DomainError {
  readonly status = 400;
}

/** A bad `?limit=` / `?cursor=` on a list endpoint. */
export class PaginationError extends DomainError {
  readonly status = 400;
}
