import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
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
    await query(running.url, "CREATE TABLE lost AS SELECT 'half' AS value");
    await running.stop();
    running = undefined;
    // What an initdb cut short leaves: files, but no control file and no marker.
    await rm(path.join(dataDir, 'postgres', 'strata-initialised'));
    await rm(path.join(dataDir, 'postgres', 'global', 'pg_control'));
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    expect(await query(running.url, "SELECT to_regclass('lost') AS found")).toEqual([
      { found: null },
    ]);
  });

  it('should adopt a cluster that lost only its marker, never re-initialise it', async () => {
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    await query(running.url, "CREATE TABLE kept AS SELECT 'restored' AS value");
    await running.stop();
    running = undefined;
    // A restore or a copy of the cluster without Strata's marker file.
    await rm(path.join(dataDir, 'postgres', 'strata-initialised'));
    running = await startEmbeddedPostgres({ dataDir, durable: false, log: quiet });
    expect(await query(running.url, 'SELECT value FROM kept')).toEqual([{ value: 'restored' }]);
    expect(existsSync(path.join(dataDir, 'postgres', 'strata-initialised'))).toBe(true);
  });

  it('should refuse a cluster directory holding something else, and leave it alone', async () => {
    await mkdir(path.join(dataDir, 'postgres'));
    await writeFile(path.join(dataDir, 'postgres', 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir, durable: false, log: quiet })).rejects.toThrow(
      /is not a PostgreSQL cluster/,
    );
    expect(await readFile(path.join(dataDir, 'postgres', 'notes.txt'), 'utf8')).toBe('mine');
  });
});

/**
 * A clone in root's home (mode 0700) with DATA_DIR inside it: as root, PostgreSQL runs as the
 * postgres user, who cannot enter that home. The cluster must go where that user can reach it,
 * and no directory above DATA_DIR may be opened up for it.
 */
describe('embedded PostgreSQL with DATA_DIR in a home closed to others', () => {
  const asRoot = process.getuid?.() === 0;
  let home: string;
  let dataDir: string;
  let relocationBase: string;
  let running: EmbeddedPostgres | undefined;

  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'strata-home-')); // 0700, as /root is
    dataDir = path.join(home, 'strata', 'data');
    relocationBase = path.join(os.tmpdir(), `strata-relocated-${path.basename(home)}`);
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await rm(home, { recursive: true, force: true });
    await rm(relocationBase, { recursive: true, force: true });
  });

  /** Every directory from / down to DATA_DIR's parent, with its mode. */
  async function ancestorModes(): Promise<Record<string, number>> {
    const modes: Record<string, number> = {};
    for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
      modes[dir] = (await stat(dir)).mode & 0o7777;
      if (dir === path.dirname(dir)) {
        return modes;
      }
    }
  }

  it('should run the cluster where it can, keep its data across restarts, and loosen nothing', async () => {
    await mkdir(dataDir, { recursive: true });
    const before = await ancestorModes();
    expect(before[home]).toBe(0o700);

    running = await startEmbeddedPostgres({ dataDir, relocationBase, durable: false, log: quiet });
    await query(running.url, "CREATE TABLE kept AS SELECT 'in the closed home' AS value");
    await running.stop();
    running = await startEmbeddedPostgres({ dataDir, relocationBase, durable: false, log: quiet });
    expect(await query(running.url, 'SELECT value FROM kept')).toEqual([
      { value: 'in the closed home' },
    ]);

    expect(await ancestorModes()).toEqual(before);
    const link = path.join(dataDir, 'postgres');
    if (asRoot) {
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await realpath(link)).toMatch(
        new RegExp(`^${relocationBase}/data-[0-9a-f]{12}/postgres$`),
      );
      expect((await stat(link)).uid).not.toBe(0);
    } else {
      expect((await lstat(link)).isDirectory()).toBe(true);
    }
  });
});
