import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from '../utils/sql.js';
import { freePort } from '../utils/free-port.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

const ADMIN = { username: 'cluster-admin', password: 'cluster-admin-password' };

async function until<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() - started > ms) {
      throw new Error(`not reached within ${ms} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Change-feed connections to the database: each serving worker holds one. */
async function feedConnections(database: TestDatabase): Promise<number> {
  const rows = await sql<{ n: number }>(
    database,
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE application_name = 'strata-change-feed' AND datname = current_database()`,
  );
  return rows[0].n;
}

/** Child processes of `pid`, from /proc (field 4 of /proc/<pid>/stat is the parent). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces: read after its closing parenthesis.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) {
        children.push(Number(entry));
      }
    } catch {
      // Exited while we looked.
    }
  }
  return children.sort((a, b) => a - b);
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
    port = await freePort();
    server = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        WORKERS: '2',
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
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
    await until(async () => ((await health()) === 200 ? true : undefined));
    // Each worker opens its own change-feed connection once it serves.
    await until(async () => ((await feedConnections(database)) === 2 ? true : undefined));

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
    const replaced = await until(() => {
      const now = childrenOf(server.pid!);
      return Promise.resolve(now.length === 2 && !now.includes(children[0]) ? now : undefined);
    });
    expect(replaced).toContain(children[1]);
    await until(async () => ((await feedConnections(database)) === 2 ? true : undefined));
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
