import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from '../utils/sql.js';
import { eventually } from '../utils/eventually.js';
import { childrenOf } from '../utils/processes.js';
import { startServerProcess } from '../utils/server-process.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

const ADMIN = { username: 'cluster-admin', password: 'cluster-admin-password' };

/** Change-feed connections to the database: each serving worker holds one. */
async function feedConnections(database: TestDatabase): Promise<number> {
  const rows = await sql<{ n: number }>(
    database,
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE application_name = 'strata-change-feed' AND datname = current_database()`,
  );
  return rows[0].n;
}

/**
 * `WORKERS=2`: the built server as `npm start` runs it, forking two HTTP workers that share
 * the port. A killed worker is replaced; SIGTERM stops them all.
 */
describe('a server with WORKERS=2', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-cluster-'));
    ({ child: server, port } = await startServerProcess({
      databaseUrl: database.url,
      dataDir,
      admin: ADMIN,
      env: { WORKERS: '2' },
    }));
  });

  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
    }
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const health = async (): Promise<number> =>
    (await fetch(`http://127.0.0.1:${port}/health`)).status;

  it('should serve from two worker processes, replace one that dies, and stop on SIGTERM', async () => {
    // Each worker opens its own change-feed connection once it serves.
    await eventually(async () => (await feedConnections(database)) === 2, 30_000);

    // Both workers answer: many requests over fresh connections are all 200.
    const statuses = await Promise.all(Array.from({ length: 20 }, () => health()));
    expect(statuses).toEqual(Array(20).fill(200));
    const login = await fetch(`http://127.0.0.1:${port}/v1/auth/obtain`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);

    // Kill one worker (found as the child of the server process), and a new one replaces it.
    const children = childrenOf(server.pid!);
    expect(children).toHaveLength(2);
    process.kill(children[0], 'SIGKILL');
    await eventually(() => {
      const now = childrenOf(server.pid!);
      return Promise.resolve(now.length === 2 && !now.includes(children[0]));
    }, 30_000);
    const replaced = childrenOf(server.pid!);
    expect(replaced).toContain(children[1]);
    await eventually(async () => (await feedConnections(database)) === 2, 30_000);
    expect(await health()).toBe(200);

    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await feedConnections(database)).toBe(0);
    for (const pid of replaced) {
      expect(() => process.kill(pid, 0)).toThrow();
    }
  }, 90_000);
});
