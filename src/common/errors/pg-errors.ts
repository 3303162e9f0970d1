/** PostgreSQL's SQLSTATE for a unique violation, and the constraint it names. */
export function uniqueViolation(error: unknown): string | undefined {
  const pgError = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint } = (pgError ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' ? (typeof constraint === 'string' ? constraint : '') : undefined;
}

/** PostgreSQL's SQLSTATE for a foreign key violation (a row still referenced, or missing). */
export function foreignKeyViolation(error: unknown): boolean {
  const pgError = (error as { driverError?: unknown }).driverError ?? error;
  return (pgError as { code?: unknown } | null)?.code === '23503';
}

/** PostgreSQL's SQLSTATE for an exclusion constraint violation, and the constraint it names. */
export function exclusionViolation(error: unknown): string | undefined {
  const pgError = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint } = (pgError ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23P01' ? (typeof constraint === 'string' ? constraint : '') : undefined;
}
