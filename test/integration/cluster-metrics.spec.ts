import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../utils/eventually.js';
import { startServerProcess, stopServerProcess } from '../utils/server-process.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

const METRICS_TOKEN = 'cluster-metrics-token-0123456789';

/** The value of a sample line `name{labels} value` (undefined when absent). */
function sampleOf(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

/**
 * `WORKERS=2`: whichever worker takes a scrape, it answers the whole server's metrics (the
 * primary gathers both workers'), so a counter does not jump between the workers' own values.
 */
describe('/metrics of a server with WORKERS=2', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-cluster-metrics-'));
    ({ child: server, port } = await startServerProcess({
      databaseUrl: database.url,
      dataDir,
      admin: { username: 'metrics-admin', password: 'metrics-admin-password' },
      env: { WORKERS: '2', METRICS_TOKEN },
    }));
  }, 60_000);

  afterAll(async () => {
    await stopServerProcess(server, 'SIGTERM');
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const scrape = async (): Promise<string> => {
    // A connection of its own each time, so the workers take turns.
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}`, Connection: 'close' },
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  it("should answer every scrape with both workers' requests", async () => {
    // Both workers have joined (the first alone answered the start-up's health checks): each
    // pool may open DB_POOL_SIZE (20 by default).
    await eventually(
      async () => sampleOf(await scrape(), 'strata_db_pool_max_connections') === 40,
      30_000,
    );
    const live = 'strata_http_requests_total{method="GET",route="/health/live",status="200"}';
    const before = sampleOf(await scrape(), live) ?? 0;
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health/live`, {
          headers: { Connection: 'close' },
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses).toEqual(Array(20).fill(200));
    for (let i = 0; i < 6; i += 1) {
      const text = await scrape();
      expect(sampleOf(text, live)).toBe(before + 20);
      // The queue's count is the same in both workers: given once, not summed.
      expect(sampleOf(text, 'strata_source_fetch_jobs{state="waiting"}')).toBe(0);
      expect(sampleOf(text, 'strata_db_pool_max_connections')).toBe(40);
    }
  }, 60_000);
});
