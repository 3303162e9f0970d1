import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { eventually } from '../utils/eventually.js';
import { apiJson } from '../utils/process-api.js';
import { startServerProcess, stopServerProcess } from '../utils/server-process.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';
import { buildZip, storedEntry } from '../utils/zip-bytes.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const ADMIN = { username: 'link-admin', password: 'link-admin-password' };

/**
 * A real Strata process killed after it moved an upload's bytes into place and before the
 * transaction recording them committed. The test holds the point open with a PostgreSQL lock:
 * a files-multi upload claims its blob rows and moves every entry's bytes into place before it
 * locks the dataset row, which this test's session holds.
 */
describe('a server killed between linking a blob and committing its row', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess | undefined;
  let port: number;
  let client: pg.Client;

  const json = (method: string, pathname: string, body?: unknown, token?: string) =>
    apiJson(port, method, pathname, body, token);
  const blobPath = (handle: string) =>
    path.join(dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4), handle);
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );

  async function start(): Promise<string> {
    ({ child: server, port } = await startServerProcess({
      databaseUrl: database.url,
      dataDir,
      admin: ADMIN,
    }));
    return (await json('POST', '/v1/auth/obtain', ADMIN)).body.access;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-link-'));
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await stopServerProcess(server, 'SIGKILL');
    await client.end();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should leave no row, and collect the linked bytes once they are old enough', async () => {
    let token = await start();
    const team = await json('POST', '/v1/teams/create', { name: 'link' }, token);
    const project = await json(
      'POST',
      '/v1/projects/create',
      { name: 'p', team: team.body.pk },
      token,
    );
    const dataset = await json(
      'POST',
      '/v1/datasets/create',
      { name: 'd', project: project.body.pk, licence: 11, tags: '' },
      token,
    );
    expect(dataset.status).toBe(201);
    const first = sha256('linked, never committed');
    const second = sha256('the entry the server waits for');

    await client.query('BEGIN');
    await client.query('SELECT 1 FROM datasets WHERE id = $1 FOR UPDATE', [dataset.body.pk]);
    const upload = fetch(`http://127.0.0.1:${port}/v1/datasets/${dataset.body.pk}/files-multi`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/data',
        'Content-Disposition': 'attachment; filename=both.zip',
      },
      body: buildZip([
        storedEntry('first.txt', 'linked, never committed'),
        storedEntry('second.txt', 'the entry the server waits for'),
      ]),
    }).catch(() => undefined); // The server dies under it.
    // The server's lock of the dataset row now waits for this session.
    await eventually(async () => {
      const waiting = await client.query(
        `SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
      );
      return waiting.rows.length > 0;
    }, 20_000);
    expect(await exists(blobPath(first))).toBe(true);
    expect(await exists(blobPath(second))).toBe(true);

    await stopServerProcess(server, 'SIGKILL');
    server = undefined;
    await upload;
    await client.query('ROLLBACK');

    // Linked bytes, but nothing in the database: the killed transaction rolled back.
    expect((await client.query('SELECT * FROM dataset_files')).rows).toEqual([]);
    expect((await client.query('SELECT * FROM blobs')).rows).toEqual([]);
    expect(await exists(blobPath(first))).toBe(true);

    // Bytes with no row are kept for an hour (they may be an upload about to commit): age them.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(blobPath(first), twoHoursAgo, twoHoursAgo);
    await utimes(blobPath(second), twoHoursAgo, twoHoursAgo);
    token = await start();
    await eventually(
      async () => !(await exists(blobPath(first))) && !(await exists(blobPath(second))),
      20_000,
    );
    expect((await client.query('SELECT * FROM blobs')).rows).toEqual([]);

    // Still consistent: the same bytes upload and read back whole.
    const again = await fetch(
      `http://127.0.0.1:${port}/v1/datasets/${dataset.body.pk}/files/first.txt`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/data',
          'Content-Disposition': 'attachment; filename=first.txt',
        },
        body: 'linked, never committed',
      },
    );
    expect(again.status).toBe(200);
    const read = await fetch(
      `http://127.0.0.1:${port}/v1/datasets/${dataset.body.pk}/files/first.txt`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(await read.text()).toBe('linked, never committed');
    await stopServerProcess(server, 'SIGTERM');
    server = undefined;
  });
});
