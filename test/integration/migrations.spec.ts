import pg from 'pg';
import { DataSource } from 'typeorm';
import { FileManifests1796172389478 } from '../../migrations/1796172389478-file-manifests.js';
import { FileDetailsModificationTime1796677318560 } from '../../migrations/1796677318560-file-details-modification-time.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import {
  diffEntitiesAgainstMigrations,
  revertLastMigration,
  runMigrations,
} from '../../src/database/migrator.js';
import { sql } from '../utils/sql.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';
import { testServerUrl } from '../utils/test-env.js';

/** Applies the first `count` migrations only, to seed data in an older schema. */
async function migrateTo(url: string, count: number): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url, 2),
    migrations: MIGRATIONS.slice(0, count),
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

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

  it('should move existing dataset files into manifests, and back to datasets on revert', async () => {
    const index = MIGRATIONS.indexOf(FileManifests1796172389478);
    await migrateTo(database.url, index);
    const query = (text: string, values: unknown[] = []) => sql(database, text, values);
    await query(`INSERT INTO teams (id, name, slug) VALUES (1, 't', 't')`);
    await query(`INSERT INTO projects (id, name, team_id) VALUES (1, 'p', 1)`);
    await query(
      `INSERT INTO datasets (id, name, project_id, licence_id, slug)
       SELECT i, 'd' || i, 1, 11, 'd' || i FROM generate_series(1, 3) i`,
    );
    await query(`SELECT setval('datasets_id_seq', 3)`);
    await query(
      `INSERT INTO blobs (handle, size) SELECT repeat(c, 64), 1 FROM unnest('{a,b,c}'::text[]) c`,
    );
    // Names in an order that is not alphabetical: the file order is the id order.
    await query(
      `INSERT INTO dataset_files (dataset_id, filename, blob_handle, metadata) VALUES
         (1, 'z', repeat('a', 64), 'm1'), (1, 'a', repeat('b', 64), ''), (2, 'c', repeat('c', 64), '')`,
    );
    await migrateTo(database.url, index + 1);

    expect(await query('SELECT id, manifest_id FROM datasets ORDER BY id')).toEqual([
      { id: 1, manifest_id: 1 },
      { id: 2, manifest_id: 2 },
      { id: 3, manifest_id: 3 },
    ]);
    expect(
      await query('SELECT manifest_id, filename, metadata FROM dataset_files ORDER BY id'),
    ).toEqual([
      { manifest_id: 1, filename: 'z', metadata: 'm1' },
      { manifest_id: 1, filename: 'a', metadata: '' },
      { manifest_id: 2, filename: 'c', metadata: '' },
    ]);
    // New manifests number on from the converted ones.
    const [created] = await query('INSERT INTO file_manifests DEFAULT VALUES RETURNING id');
    expect(created.id).toBe(4);
    // Dataset 4 shares dataset 1's manifest; manifest 4 is used by no one.
    await query(
      `INSERT INTO datasets (id, name, version, project_id, licence_id, slug, manifest_id)
       VALUES (4, 'd1', 2, 1, 11, 'd1', 1)`,
    );
    await query(
      `INSERT INTO dataset_files (manifest_id, filename, blob_handle) VALUES (4, 'x', repeat('a', 64))`,
    );

    await revertLastMigration(database.url); // The last applied: this one.
    expect(
      await query('SELECT dataset_id, filename, metadata FROM dataset_files ORDER BY id'),
    ).toEqual([
      { dataset_id: 1, filename: 'z', metadata: 'm1' },
      { dataset_id: 1, filename: 'a', metadata: '' },
      { dataset_id: 2, filename: 'c', metadata: '' },
      { dataset_id: 4, filename: 'z', metadata: 'm1' },
      { dataset_id: 4, filename: 'a', metadata: '' },
    ]);
    expect(await tables(database.url)).not.toContain('file_manifests');
    expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length - index);
  });

  it('should date existing datasets and files by their creation, and drop the columns on revert', async () => {
    const index = MIGRATIONS.indexOf(FileDetailsModificationTime1796677318560);
    await migrateTo(database.url, index);
    const query = (text: string, values: unknown[] = []) => sql(database, text, values);
    await query(`INSERT INTO teams (id, name, slug) VALUES (1, 't', 't')`);
    await query(`INSERT INTO projects (id, name, team_id) VALUES (1, 'p', 1)`);
    await query(`INSERT INTO file_manifests (id) VALUES (1), (2)`);
    // Versions 1 and 2 share manifest 1 (a copy); version 3 has manifest 2.
    await query(
      `INSERT INTO datasets (id, name, version, project_id, team_id, licence_id, slug,
         manifest_id, creation_time) VALUES
         (1, 'd', 1, 1, 1, 11, 'd', 1, '2020-01-02T00:00:00Z'),
         (2, 'd', 2, 1, 1, 11, 'd', 1, '2021-01-02T00:00:00Z'),
         (3, 'd', 3, 1, 1, 11, 'd', 2, '2022-01-02T00:00:00Z')`,
    );
    await query(`INSERT INTO blobs (handle, size) VALUES (repeat('a', 64), 1)`);
    await query(
      `INSERT INTO dataset_files (manifest_id, filename, blob_handle) VALUES
         (1, 'x', repeat('a', 64)), (2, 'y', repeat('a', 64))`,
    );
    await query(
      `INSERT INTO file_sources (dataset_id, filename, url) VALUES (3, 'z', 'http://example.com/')`,
    );
    await migrateTo(database.url, index + 1);

    const iso = (rows: Record<string, unknown>[]) =>
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            value instanceof Date ? value.toISOString() : value,
          ]),
        ),
      );
    expect(iso(await query('SELECT id, modification_time FROM datasets ORDER BY id'))).toEqual([
      { id: 1, modification_time: '2020-01-02T00:00:00.000Z' },
      { id: 2, modification_time: '2021-01-02T00:00:00.000Z' },
      { id: 3, modification_time: '2022-01-02T00:00:00.000Z' },
    ]);
    expect(
      iso(
        await query(
          'SELECT filename, created_at, updated_at, description, labels FROM dataset_files ORDER BY id',
        ),
      ),
    ).toEqual([
      // The oldest version sharing the manifest.
      {
        filename: 'x',
        created_at: '2020-01-02T00:00:00.000Z',
        updated_at: '2020-01-02T00:00:00.000Z',
        description: null,
        labels: null,
      },
      {
        filename: 'y',
        created_at: '2022-01-02T00:00:00.000Z',
        updated_at: '2022-01-02T00:00:00.000Z',
        description: null,
        labels: null,
      },
    ]);
    expect(await query('SELECT description, labels FROM file_sources')).toEqual([
      { description: null, labels: null },
    ]);

    await revertLastMigration(database.url);
    const columns = await query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_name IN ('datasets', 'dataset_files', 'file_sources')
         AND column_name IN ('modification_time', 'created_at', 'updated_at', 'description', 'labels')
       ORDER BY 1, 2`,
    );
    // datasets.description and the sources' own times were there before.
    expect(columns).toEqual([
      { table_name: 'datasets', column_name: 'description' },
      { table_name: 'file_sources', column_name: 'created_at' },
      { table_name: 'file_sources', column_name: 'updated_at' },
    ]);
  });

  it('should match the entities exactly (no drift)', async () => {
    const diff = await diffEntitiesAgainstMigrations(testServerUrl());
    expect(diff.up).toEqual([]);
  });
});
