import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Arbitrary, fixed: every Strata process migrating one database serialises on this lock. */
const MIGRATION_LOCK_ID = 7_301_964_211;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several instances starting
 * against one database at once apply each migration exactly once. Returns the names applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => []);
    await lockHolder.release();
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration. */
export async function revertLastMigration(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabase(
  url: string,
  database: string,
  template?: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * The SQL that would bring a database built by the migrations in line with the entities,
 * computed by TypeORM's schema builder on a scratch database (so the answer never depends on
 * what state a developer's own database is in). Empty means no drift.
 */
export async function diffEntitiesAgainstMigrations(url: string): Promise<SchemaDiff> {
  const scratch = `strata_schema_diff_${randomBytes(4).toString('hex')}`;
  await createDatabase(url, scratch);
  try {
    const scratchUrl = withDatabase(url, scratch);
    await runMigrations(scratchUrl);
    const dataSource = new DataSource(dataSourceOptions(scratchUrl, 2));
    await dataSource.initialize();
    try {
      const sql = await dataSource.driver.createSchemaBuilder().log();
      return {
        up: sql.upQueries.map((query) => query.query),
        down: sql.downQueries.map((query) => query.query).reverse(),
      };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await dropDatabase(url, scratch);
  }
}
