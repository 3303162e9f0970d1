import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../../src/database/embedded-postgres.js';

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number): Promise<void> {
  while (isAlive(pid)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  let running: EmbeddedPostgres | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-embedded-'));
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should initialise a cluster, create the database, and stop cleanly', async () => {
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    const [row] = await query<{ db: string; version: string }>(
      running.url,
      'SELECT current_database() AS db, version() AS version',
    );
    expect(row?.db).toBe('strata');
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
    expect((await stat(path.join(dataDir, 'postgres', 'PG_VERSION'))).isFile()).toBe(true);
    const pid = running.pid;
    await running.stop();
    running = undefined;
    expect(isAlive(pid)).toBe(false);
  });

  it('should reuse the same data on the next start', async () => {
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    await query(running.url, "CREATE TABLE kept AS SELECT 'still here' AS value");
    await running.stop();
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    expect(await query(running.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
  });

  it('should recover from a postmaster left running by a killed owner', async () => {
    const lost = await startEmbeddedPostgres({ dataDir, log: quiet });
    await query(lost.url, "CREATE TABLE kept AS SELECT 'survived' AS value");
    // Start again without stopping the first: exactly what a SIGKILLed Strata leaves behind.
    running = await startEmbeddedPostgres({ dataDir, log: quiet });
    expect(isAlive(lost.pid)).toBe(false);
    expect(await query(running.url, 'SELECT value FROM kept')).toEqual([{ value: 'survived' }]);
  });

  it('should start after its postmaster was SIGKILLed (stale postmaster.pid)', async () => {
    const killed = await startEmbeddedPostgres({ dataDir, log: quiet });
    await query(killed.url, "CREATE TABLE kept AS SELECT 'durable' AS value");
    process.kill(killed.pid, 'SIGKILL');
    await waitForExit(killed.pid);
    running = await startEmbeddedPostgres({ dataDir, log: quiet });
    expect(await query(running.url, 'SELECT value FROM kept')).toEqual([{ value: 'durable' }]);
    await killed.stop(); // already dead: must be a no-op
  });

  it('should redo an initialisation that never finished', async () => {
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    await running.stop();
    running = undefined;
    await rm(path.join(dataDir, 'postgres', 'strata-initialised'));
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    expect(await query(running.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
