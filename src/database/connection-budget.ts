import pg from 'pg';

/** What the database still lets this deployment open, as counted at start-up. */
export interface ConnectionBudget {
  /** Connections that can still be opened by this role on this database. */
  readonly available: number;
  /** How the figure was reached, for the log and for the refusal message. */
  readonly explanation: string;
}

/**
 * Free connection slots for the role of `url` on its database: `max_connections` minus the
 * slots reserved for superusers and `pg_use_reserved_connections` and minus every connection
 * already open, bounded by the role's and the database's own CONNECTION LIMIT (which bind
 * everyone but superusers). The connection asking is counted as used: it closes right after,
 * which leaves a slot of slack.
 */
export async function connectionBudget(url: string): Promise<ConnectionBudget> {
  const client = new pg.Client({ connectionString: url, application_name: 'strata-start' });
  await client.connect();
  try {
    const { rows } = await client.query<{
      max: number;
      reserved: number;
      used: number;
      superuser: boolean;
      roleLimit: number;
      roleUsed: number;
      databaseLimit: number;
      databaseUsed: number;
    }>(
      `SELECT current_setting('max_connections')::int AS max,
              current_setting('superuser_reserved_connections')::int
                + coalesce(current_setting('reserved_connections', true), '0')::int AS reserved,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS used,
              r.rolsuper AS superuser,
              r.rolconnlimit AS "roleLimit",
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND usesysid = r.oid) AS "roleUsed",
              d.datconnlimit AS "databaseLimit",
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND datid = d.oid) AS "databaseUsed"
         FROM pg_roles r, pg_database d
        WHERE r.rolname = current_user AND d.datname = current_database()`,
    );
    const row = rows[0];
    const limits = [
      {
        free: row.max - row.reserved - row.used,
        text: `max_connections ${row.max} - ${row.reserved} reserved - ${row.used} open`,
      },
    ];
    if (!row.superuser && row.roleLimit >= 0) {
      limits.push({
        free: row.roleLimit - row.roleUsed,
        text: `the role's CONNECTION LIMIT ${row.roleLimit} - ${row.roleUsed} open`,
      });
    }
    if (!row.superuser && row.databaseLimit >= 0) {
      limits.push({
        free: row.databaseLimit - row.databaseUsed,
        text: `the database's CONNECTION LIMIT ${row.databaseLimit} - ${row.databaseUsed} open`,
      });
    }
    const tightest = limits.reduce((a, b) => (b.free < a.free ? b : a));
    return { available: Math.max(0, tightest.free), explanation: tightest.text };
  } finally {
    await client.end();
  }
}

/** Connections one serving process opens: its pool and its change-feed LISTEN session. */
export function connectionsPerProcess(poolSize: number): number {
  return poolSize + 1;
}

/**
 * `WORKERS=auto`: as many workers as there are CPUs, but no more than the database has
 * connections for. Throws, with a message saying what to change, when not even one fits.
 */
export function fitWorkers(wanted: number, poolSize: number, budget: ConnectionBudget): number {
  const each = connectionsPerProcess(poolSize);
  const fitting = Math.min(wanted, Math.floor(budget.available / each));
  if (fitting < 1) {
    throw new Error(
      `WORKERS=auto: the database accepts ${budget.available} more connections ` +
        `(${budget.explanation}), fewer than one worker needs (DB_POOL_SIZE ${poolSize} + 1 for ` +
        'change notifications). Lower DB_POOL_SIZE or raise the database limit.',
    );
  }
  return fitting;
}
