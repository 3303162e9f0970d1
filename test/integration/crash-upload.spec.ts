import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { adminWithDataset, apiJson } from '../utils/process-api.js';
import { startServerProcess, stopServerProcess } from '../utils/server-process.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

/**
 * A real Strata process, killed with SIGKILL in the middle of an upload: nothing of the upload
 * may be visible afterwards (no file reference, no blob under a handle), and the next start
 * clears the staging leftover.
 */
const ADMIN = { username: 'crash-admin', password: 'crash-admin-password' };

async function filesUnder(dir: string): Promise<{ path: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => ({ path: path.join(entry.parentPath, entry.name) }));
}

describe('a server killed mid-upload', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess | undefined;
  let port: number;

  async function start(): Promise<void> {
    ({ child: server, port } = await startServerProcess({
      databaseUrl: database.url,
      dataDir,
      admin: ADMIN,
      env: { STAGING_CLEANUP_AGE_SECONDS: '0' },
    }));
  }

  async function kill(signal: NodeJS.Signals): Promise<void> {
    const child = server;
    server = undefined;
    await stopServerProcess(child, signal);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-crash-'));
  });

  afterAll(async () => {
    await kill('SIGKILL');
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should leave no file reference and no visible blob, and clean up at the next start', async () => {
    await start();
    const { token, dataset } = await adminWithDataset(port, ADMIN);

    // Send 8 MiB of a declared 64 MiB upload, then kill the server while it waits for more.
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/v1/datasets/${dataset}/files/big.bin`,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/data',
        'Content-Disposition': 'attachment; filename=big.bin',
        'Content-Length': String(64 * 1024 * 1024),
      },
    });
    upload.on('error', () => undefined); // the server dies under it
    const chunk = Buffer.alloc(1024 * 1024, 0xab);
    for (let i = 0; i < 8; i += 1) {
      upload.write(chunk);
    }
    const staging = path.join(dataDir, 'blobs', '.staging');
    for (let i = 0; i < 200; i += 1) {
      const staged = await filesUnder(staging);
      if (staged.length > 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await filesUnder(staging)).toHaveLength(1);
    await kill('SIGKILL');
    upload.destroy();

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query('SELECT * FROM dataset_files')).rows).toEqual([]);
      expect((await client.query('SELECT * FROM blobs')).rows).toEqual([]);
    } finally {
      await client.end();
    }
    const visible = (await filesUnder(path.join(dataDir, 'blobs'))).filter(
      (file) => !file.path.includes(`${path.sep}.staging${path.sep}`),
    );
    expect(visible).toEqual([]);
    expect(await filesUnder(staging)).toHaveLength(1);

    await start();
    expect(await filesUnder(staging)).toEqual([]);
    const token2 = (await apiJson(port, 'POST', '/v1/auth/obtain', ADMIN)).body.access;
    const after = await apiJson(port, 'GET', `/v1/datasets/${dataset}`, undefined, token2);
    expect(after.body.files).toEqual({});
    await kill('SIGTERM');
  });
});
