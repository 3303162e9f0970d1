import pg from 'pg';
import { MIGRATIONS } from '../../migrations/index.js';
import {
  diffEntitiesAgainstMigrations,
  revertLastMigration,
  runMigrations,
} from '../../src/database/migrator.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';
import { testServerUrl } from '../utils/test-env.js';

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    return result.rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase({ migrated: false });
  });

  afterEach(async () => {
    await database.drop();
  });

  it('should apply every migration to an empty database, then nothing more', async () => {
    const applied = await runMigrations(database.url);
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tables(database.url)).toEqual(expect.arrayContaining(['migrations', 'users']));
    expect(await runMigrations(database.url)).toEqual([]);
  });

  it('should revert every migration down to an empty schema and apply them again', async () => {
    await runMigrations(database.url);
    for (let i = 0; i < MIGRATIONS.length; i++) {
      await revertLastMigration(database.url);
    }
    expect(await tables(database.url)).toEqual(['migrations']);
    expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length);
  });

  it('should apply each migration once when several processes migrate at the same time', async () => {
    const results = await Promise.all([
      runMigrations(database.url),
      runMigrations(database.url),
      runMigrations(database.url),
    ]);
    expect(results.map((applied) => applied.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
  });

  it('should match the entities exactly (no drift)', async () => {
    const diff = await diffEntitiesAgainstMigrations(testServerUrl());
    expect(diff.up).toEqual([]);
  });
});
