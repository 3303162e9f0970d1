import { BadRequestError } from '../../../common/errors/domain-error.js';

/**
 * A boolean query flag as data.world's clients spell it: Python's `True`/`False` (the client
 * passes a bool), JSON's `true`/`false`, or `1`/`0`; absent is false. Anything else is 400.
 */
export function parseFlag(name: string, value: unknown): boolean {
  if (value === undefined) {
    return false;
  }
  if (typeof value === 'string') {
    if (/^(true|1)$/i.test(value)) {
      return true;
    }
    if (/^(false|0)$/i.test(value)) {
      return false;
    }
  }
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  throw new BadRequestError(`Invalid ${name} '${shown}': expected true or false.`);
}

/** A query parameter that may repeat (`?name=a&name=b`), as its values in order. */
export function repeatedParam(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.filter((item): item is string => typeof item === 'string');
}
