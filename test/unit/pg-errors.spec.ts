import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import {
  databaseErrorKind,
  foreignKeyViolation,
  uniqueViolation,
} from '../../src/common/errors/pg-errors.js';

/** pg's DatabaseError carries the SQLSTATE as `code`; TypeORM wraps it as `driverError`. */
const pgError = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`error ${code}`), { code, ...extra });
const wrapped = (error: Error) => Object.assign(new Error('query failed'), { driverError: error });

describe('PostgreSQL error classes', () => {
  it('should take a still-referenced row as a foreign key violation on every version', () => {
    expect(foreignKeyViolation(wrapped(pgError('23503')))).toBe(true);
    // PostgreSQL 18 reports a RESTRICT foreign key as restrict_violation.
    expect(foreignKeyViolation(wrapped(pgError('23001')))).toBe(true);
    expect(foreignKeyViolation(wrapped(pgError('23505')))).toBe(false);
  });

  it('should name the constraint of a unique violation only', () => {
    expect(uniqueViolation(wrapped(pgError('23505', { constraint: 'UQ_x' })))).toBe('UQ_x');
    expect(uniqueViolation(pgError('23505'))).toBe('');
    expect(uniqueViolation(pgError('23503'))).toBeUndefined();
  });

  it.each([
    ['23505', 'integrity'],
    ['23001', 'integrity'],
    ['23514', 'integrity'],
    ['22003', 'data'],
    ['22P02', 'data'],
    ['40001', 'contention'],
    ['40P01', 'contention'],
    ['53300', 'unavailable'],
    ['57P01', 'unavailable'],
    ['57014', 'unavailable'],
    ['08006', 'unavailable'],
    ['08001', 'unavailable'],
    ['25P03', 'unavailable'],
    ['42P01', undefined],
    ['40002', undefined],
  ])('should classify SQLSTATE %s as %s', (code, kind) => {
    expect(databaseErrorKind(wrapped(pgError(code)))).toBe(kind);
  });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool wait that timed out', new Error('timeout exceeded when trying to connect')],
    ['a transaction whose connection was lost', new QueryRunnerProviderAlreadyReleasedError()],
    [
      'a refusal on every address',
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]),
    ],
  ])('should take %s as unavailable', (_name, error) => {
    expect(databaseErrorKind(error)).toBe('unavailable');
  });

  it('should leave errors that are not the database unclassified', () => {
    expect(databaseErrorKind(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseErrorKind(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeUndefined();
    expect(databaseErrorKind(undefined)).toBeUndefined();
  });
});
