import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectionBudget, fitWorkers } from '../../src/database/connection-budget.js';
import { sql } from '../utils/sql.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

/**
 * `WORKERS=auto` counts the database's free connections at start-up (here bounded by a role's
 * CONNECTION LIMIT, which binds like max_connections does) and forks only what fits.
 */
describe('the connection budget', () => {
  let database: TestDatabase;
  let limitedUrl: string;
  const role = `strata_budget_${process.pid}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await sql(database, `CREATE ROLE ${role} LOGIN PASSWORD 'budget'`);
    await sql(database, `GRANT postgres TO ${role}`);
    const url = new URL(database.url);
    url.username = role;
    url.password = 'budget';
    limitedUrl = url.toString();
  });

  afterAll(async () => {
    await database.drop();
    await sql(database, `DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  });

  it('should count the tightest limit, its own connection included', async () => {
    await sql(database, `ALTER ROLE ${role} CONNECTION LIMIT 7`);
    const budget = await connectionBudget(limitedUrl);
    expect(budget.available).toBe(6);
    expect(budget.explanation).toMatch(/CONNECTION LIMIT 7/);
    // Each worker: a pool of 2 and the change-feed session.
    expect(fitWorkers(8, 2, budget)).toBe(2);
    expect(fitWorkers(1, 2, budget)).toBe(1);
    expect(() => fitWorkers(8, 6, budget)).toThrow(/DB_POOL_SIZE 6/);
  });

  it('should count max_connections less what is reserved and open', async () => {
    const budget = await connectionBudget(database.url);
    const [row] = await sql<{ max: number }>(database, 'SELECT current_setting($1)::int AS max', [
      'max_connections',
    ]);
    expect(budget.available).toBeGreaterThan(0);
    expect(budget.available).toBeLessThan(row.max);
    expect(budget.explanation).toMatch(/^max_connections/);
  });

  it('should refuse to start WORKERS=auto when not one worker fits, saying why', async () => {
    await sql(database, `ALTER ROLE ${role} CONNECTION LIMIT 3`);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-budget-'));
    try {
      const child = spawn(process.execPath, ['dist/src/main.js'], {
        env: {
          ...process.env,
          DATABASE_URL: limitedUrl,
          DATA_DIR: dataDir,
          PORT: '0',
          LOG_LEVEL: 'warn',
          WORKERS: 'auto',
          DB_POOL_SIZE: '4',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The refusal is the start-up's one fatal log line (stdout), or stderr if it fails earlier.
      let output = '';
      const collect = (chunk: Buffer) => (output += chunk.toString());
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(output).toMatch(/WORKERS=auto: the database accepts \d+ more connections/);
      expect(output).toMatch(/Lower DB_POOL_SIZE/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
