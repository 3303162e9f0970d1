import { randomBytes } from 'node:crypto';
import { access, mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BlobCollectorService } from '../../src/modules/dataset-files/blob-collector.service.js';
import { eventually } from '../utils/eventually.js';
import { sql } from '../utils/sql.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

const newHandle = () => randomBytes(32).toString('hex');

const blobRowExists = async (testApp: TestApp, handle: string) =>
  (await sql(testApp.database, 'SELECT 1 FROM blobs WHERE handle = $1', [handle])).length > 0;

/** A blob row that no file references, as a crash between unlinking and collecting leaves. */
const unreferencedRow = (testApp: TestApp, handle: string) =>
  sql(testApp.database, 'INSERT INTO blobs (handle, size) VALUES ($1, 0)', [handle]);

describe('blob collector', () => {
  describe('periodically', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp({ env: { BLOB_COLLECT_INTERVAL: '1' } });
    });

    afterAll(async () => {
      await testApp.close();
    });

    it('should collect what is left unreferenced after start-up, with no request', async () => {
      const first = newHandle();
      await unreferencedRow(testApp, first);
      await eventually(async () => !(await blobRowExists(testApp, first)), 10_000);
      // The start-up sweep is over by now: only a later one can collect this.
      const second = newHandle();
      await unreferencedRow(testApp, second);
      await eventually(async () => !(await blobRowExists(testApp, second)), 10_000);
    });
  });

  describe('across instances of one cluster', () => {
    let one: TestApp;
    let other: TestApp;
    let client: pg.Client;

    beforeAll(async () => {
      one = await createTestApp({ env: { BLOB_COLLECT_INTERVAL: '0' } });
      other = await createTestApp({ env: { BLOB_COLLECT_INTERVAL: '0' }, database: one.database });
      client = new pg.Client({ connectionString: one.database.url });
      await client.connect();
    });

    afterAll(async () => {
      await client.end();
      await other.close();
      await one.close();
    });

    const collector = (testApp: TestApp) => testApp.app.get(BlobCollectorService);

    it('should let one instance sweep at a time', async () => {
      // The start-up sweeps first.
      await eventually(async () => (await collector(one).sweepOnceInCluster()) !== undefined);
      await eventually(async () => (await collector(other).sweepOnceInCluster()) !== undefined);

      // Bytes with no row, old enough to be collected, in the first instance's store.
      const handle = newHandle();
      const file = path.join(
        one.config.dataDir,
        'blobs',
        handle.slice(0, 2),
        handle.slice(2, 4),
        handle,
      );
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, 'orphaned bytes');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
      await utimes(file, twoHoursAgo, twoHoursAgo);

      // An uncommitted upload of the same bytes: the first instance's sweep waits for it.
      await client.query('BEGIN');
      await client.query('INSERT INTO blobs (handle, size) VALUES ($1, 0)', [handle]);
      const sweeping = collector(one).sweepOnceInCluster();
      await eventually(async () => {
        const waiting = await sql(
          one.database,
          `SELECT 1 FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO blobs%'`,
        );
        return waiting.length > 0;
      }, 10_000);

      // Meanwhile the other instance does not sweep, however often it is asked.
      expect(await collector(other).sweepOnceInCluster()).toBeUndefined();
      expect(await collector(other).sweepOnceInCluster()).toBeUndefined();

      await client.query('ROLLBACK');
      expect(await sweeping).toBe(1);
      await expect(access(file)).rejects.toThrow();
      expect(await blobRowExists(one, handle)).toBe(false);
      // Lock released: the other instance sweeps again.
      expect(await collector(other).sweepOnceInCluster()).toBe(0);
    });

    it('should skip a sweep while another session holds the collector lock', async () => {
      const handle = newHandle();
      await unreferencedRow(one, handle);
      await client.query('SELECT pg_advisory_lock(73031, 1)');
      try {
        expect(await collector(one).sweepOnceInCluster()).toBeUndefined();
        expect(await blobRowExists(one, handle)).toBe(true);
      } finally {
        await client.query('SELECT pg_advisory_unlock(73031, 1)');
      }
      expect(await collector(one).sweepOnceInCluster()).toBe(1);
      expect(await blobRowExists(one, handle)).toBe(false);
    });
  });
});
