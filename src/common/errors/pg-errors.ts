/**
 * PostgreSQL errors by class rather than by single code: servers of different versions report
 * the same situation with different codes inside a class (a RESTRICT foreign key still
 * referenced is 23503 on PostgreSQL 15 and 23001 on 18), so every check here names a class.
 */

/** What a database error means for the request that met it. */
export type DatabaseErrorKind =
  /** 23xxx: the write breaks a constraint; the client's request, as given, cannot succeed. */
  | 'integrity'
  /** 22xxx: a value the database cannot take (out of range, malformed); the client's mistake. */
  | 'data'
  /** 40001/40P01: lost a race with another transaction; the same request may succeed if retried. */
  | 'contention'
  /** No connection, too many connections, shutting down, a statement cut by its timeout. */
  | 'unavailable';

/** Node's socket errors that mean the server cannot be reached (or went away mid-query). */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * pg and pg-pool report a lost or impossible connection with a plain Error and no code:
 * "Connection terminated unexpectedly", "Connection terminated due to connection timeout",
 * "timeout exceeded when trying to connect", "Client has encountered a connection error and is
 * not queryable".
 */
const CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** The pg error below TypeORM's wrapper (QueryFailedError keeps it as `driverError`). */
function driverError(error: unknown): { code?: unknown; constraint?: unknown; message?: unknown } {
  const wrapped = (error as { driverError?: unknown } | null)?.driverError;
  const inner = wrapped ?? error;
  return typeof inner === 'object' && inner !== null ? inner : {};
}

/** The error's SQLSTATE (five characters), when it came from PostgreSQL. */
export function sqlState(error: unknown): string | undefined {
  const { code } = driverError(error);
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The constraint a unique violation (23505) names ('' when unnamed); undefined for any other. */
export function uniqueViolation(error: unknown): string | undefined {
  const { constraint } = driverError(error);
  return sqlState(error) === '23505'
    ? typeof constraint === 'string'
      ? constraint
      : ''
    : undefined;
}

/**
 * A foreign key stands in the way: the referenced row is missing (23503), or a row being deleted
 * is still referenced (23503 with NO ACTION; 23001 restrict_violation with RESTRICT on
 * PostgreSQL 18).
 */
export function foreignKeyViolation(error: unknown): boolean {
  const state = sqlState(error);
  return state === '23503' || state === '23001';
}

/** Classifies a database or connection error; undefined for anything else (a bug: 500). */
export function databaseErrorKind(error: unknown): DatabaseErrorKind | undefined {
  const state = sqlState(error);
  if (state !== undefined) {
    return kindOfState(state);
  }
  return connectionLost(error) ? 'unavailable' : undefined;
}

function kindOfState(state: string): DatabaseErrorKind | undefined {
  const stateClass = state.slice(0, 2);
  switch (stateClass) {
    case '23':
      return 'integrity';
    case '22':
      return 'data';
    case '40':
      // 40001 serialization_failure, 40P01 deadlock_detected; 40002/40003 are not races.
      return state === '40001' || state === '40P01' ? 'contention' : undefined;
    // 08 connection exception, 53 insufficient resources (53300 too many connections),
    // 57 operator intervention (57P01 admin shutdown, 57014 statement timeout, 57P03 cannot
    // connect now), 55P03 lock_not_available (lock timeout).
    case '08':
    case '53':
    case '57':
      return 'unavailable';
    case '55':
      return state === '55P03' ? 'unavailable' : undefined;
    // 25P03 idle_in_transaction_session_timeout ends the session like a lost connection.
    case '25':
      return state === '25P03' ? 'unavailable' : undefined;
    default:
      return undefined;
  }
}

/**
 * TypeORM's word for a transaction whose connection was lost under it: pg ended the client, so
 * TypeORM released the query runner, and the transaction's next query finds it gone.
 */
const RELEASED_RUNNER = 'QueryRunnerProviderAlreadyReleasedError';

function connectionLost(error: unknown, depth = 0): boolean {
  if (error instanceof Error && error.name === RELEASED_RUNNER) {
    return true;
  }
  const inner = driverError(error);
  if (typeof inner.code === 'string' && CONNECTION_ERRNOS.has(inner.code)) {
    return true;
  }
  if (typeof inner.message === 'string' && CONNECTION_MESSAGE.test(inner.message)) {
    return true;
  }
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  if (error instanceof AggregateError && depth < 2) {
    return error.errors.some((each) => connectionLost(each, depth + 1));
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && depth < 2 && connectionLost(cause, depth + 1);
}

/** PostgreSQL's SQLSTATE for an exclusion constraint violation, and the constraint it names. */
export function exclusionViolation(error: unknown): string | undefined {
  const pgError = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint } = (pgError ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23P01' ? (typeof constraint === 'string' ? constraint : '') : undefined;
}
