import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error.js';

export const MAX_PK = 2_147_483_647;

/** A path segment in a pk's place that is no pk: the route did not really match. */
export class InvalidPkError extends NotFoundError {}

/**
 * UFDL routes only match `[0-9]+` primary keys, so anything else (or a pk beyond the integer
 * column's range) is simply "no such object": 404, never 400 or 500.
 */
@Injectable()
export class ParsePkPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[0-9]{1,10}$/.test(value)) {
      throw new InvalidPkError();
    }
    const pk = Number(value);
    if (pk > MAX_PK) {
      throw new InvalidPkError();
    }
    return pk;
  }
}

/**
 * Express 5 hands a wildcard parameter (`*name`) over as its path segments; UFDL's greedy
 * routes (`files/<name>`, `users/<name>`...) mean all of them, slashes included.
 */
export function wildcardParam(value: string | string[]): string {
  return Array.isArray(value) ? value.join('/') : value;
}
