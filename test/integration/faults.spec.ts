import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../../src/database/embedded-postgres.js';
import { eventually } from '../utils/eventually.js';
import { freePort } from '../utils/free-port.js';
import { openFilesUnder } from '../utils/processes.js';
import { adminWithDataset, apiJson, apiUpload } from '../utils/process-api.js';
import { startServerProcess, stopServerProcess } from '../utils/server-process.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

/**
 * Faults a real deployment meets, against the built server as a process: the database
 * restarting under write load, the disk filling up during an upload, clients hanging up. Each
 * must cost the client a clear answer at most, never an acknowledged write, a half-visible file
 * or a leaked descriptor, and the server must go on serving without a restart.
 */

const ADMIN = { username: 'fault-admin', password: 'fault-admin-password' };
const MiB = 1024 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL restarted under write load', () => {
  let pgDir: string;
  let dataDir: string;
  let pgPort: number;
  let postgres: EmbeddedPostgres | undefined;
  let server: ChildProcess | undefined;
  const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };

  const startPostgres = async (): Promise<EmbeddedPostgres> =>
    startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: 'strata', log: quiet });

  beforeAll(async () => {
    pgDir = await mkdtemp(path.join(os.tmpdir(), 'strata-fault-pg-'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-fault-data-'));
    pgPort = await freePort();
    postgres = await startPostgres();
  });

  afterAll(async () => {
    await stopServerProcess(server, 'SIGKILL');
    await postgres?.stop();
    await rm(pgDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should lose no acknowledged write, answer 503 meanwhile and recover without a restart', async () => {
    const started = await startServerProcess({
      databaseUrl: postgres!.url,
      dataDir,
      admin: ADMIN,
    });
    server = started.child;
    const { port } = started;
    const { token, project, dataset } = await adminWithDataset(port, ADMIN);

    const unexpected: string[] = [];
    const missingRetryAfter: number[] = [];
    const ackedDatasets: { pk: number; name: string }[] = [];
    const ackedFiles = new Map<string, string>();
    let phase: 'before' | 'down' | 'after' = 'before';
    let ackedAfter = 0;
    let stopping = false;

    const record = (status: number, headers: Headers, what: string): boolean => {
      if (status === 503) {
        if (!headers.get('retry-after')) {
          missingRetryAfter.push(status);
        }
        return false;
      }
      if (status !== 200 && status !== 201) {
        unexpected.push(`${what}: ${status}`);
        return false;
      }
      if (phase === 'after') {
        ackedAfter += 1;
      }
      return true;
    };

    const datasetWriter = async (writer: number): Promise<void> => {
      for (let i = 0; !stopping; i += 1) {
        const name = `load-${writer}-${i}`;
        try {
          const answer = await apiJson(
            port,
            'POST',
            '/v1/datasets/create',
            { name, project, licence: 11, tags: '' },
            token,
          );
          if (record(answer.status, answer.headers, `create ${name}`)) {
            ackedDatasets.push({ pk: answer.body.pk, name });
          } else {
            await sleep(50);
          }
        } catch (error) {
          unexpected.push(`create ${name}: ${String(error)}`);
          await sleep(50);
        }
      }
    };
    const uploadWriter = async (writer: number): Promise<void> => {
      for (let i = 0; !stopping; i += 1) {
        const name = `up-${writer}-${i}.bin`;
        const bytes = randomBytes(4096);
        try {
          const answer = await apiUpload(port, token, dataset, name, bytes);
          if (record(answer.status, answer.headers, `upload ${name}`)) {
            ackedFiles.set(name, sha256(bytes));
          } else {
            await sleep(50);
          }
        } catch (error) {
          unexpected.push(`upload ${name}: ${String(error)}`);
          await sleep(50);
        }
      }
    };

    const writers = [datasetWriter(0), datasetWriter(1), uploadWriter(0), uploadWriter(1)];
    await sleep(1500);
    // An immediate shutdown: what a crash of the database looks like to its clients.
    phase = 'down';
    process.kill(postgres!.pid, 'SIGQUIT');
    await postgres!.stop();
    await sleep(1000);
    postgres = await startPostgres();
    phase = 'after';
    await eventually(() => Promise.resolve(ackedAfter >= 20), 30_000).finally(() => {
      stopping = true;
    });
    await Promise.all(writers);

    expect(unexpected).toEqual([]);
    expect(missingRetryAfter).toEqual([]);
    expect(server.exitCode).toBeNull();
    expect(ackedDatasets.length).toBeGreaterThan(0);
    expect(ackedFiles.size).toBeGreaterThan(0);

    for (const { pk, name } of ackedDatasets) {
      const answer = await apiJson(port, 'GET', `/v1/datasets/${pk}`, undefined, token);
      expect([answer.status, answer.body]).toEqual([200, expect.objectContaining({ name })]);
    }
    const files = (await apiJson(port, 'GET', `/v1/datasets/${dataset}`, undefined, token)).body
      .files;
    for (const [name, hash] of ackedFiles) {
      expect([name, files[name]]).toEqual([name, hash]);
      const response = await fetch(
        `http://127.0.0.1:${port}/v1/datasets/${dataset}/files/${name}`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      );
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(hash);
    }
  }, 120_000);
});

/**
 * The server runs in a private mount namespace whose blob directory is a small tmpfs: a disk
 * that really fills up, without touching the machine's. As root `unshare --mount` suffices;
 * another user maps itself to root in a new user namespace to mount it.
 */
describe('a full disk and clients that hang up', () => {
  const DISK_BYTES = 24 * MiB;
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess | undefined;
  let port: number;
  let pid: number;
  let token: string;
  let dataset: number;
  const kept = randomBytes(12 * MiB);

  /** A path inside the server's mount namespace, as this process can read it. */
  const seen = (inside: string): string => `/proc/${pid}/root${inside}`;
  const staged = async (): Promise<string[]> =>
    readdir(seen(path.join(dataDir, 'blobs', '.staging'))).catch(() => []);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-fault-disk-'));
    const blobs = path.join(dataDir, 'blobs');
    await mkdir(blobs);
    const asRoot = process.getuid?.() === 0;
    const started = await startServerProcess({
      databaseUrl: database.url,
      dataDir,
      admin: ADMIN,
      env: { STRATA_TEST_BLOBS: blobs },
      wrapper: [
        'unshare',
        ...(asRoot ? [] : ['--user', '--map-root-user']),
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        `mount -t tmpfs -o size=${DISK_BYTES} strata-test "$STRATA_TEST_BLOBS" && exec "$@"`,
        'sh',
      ],
    });
    server = started.child;
    port = started.port;
    pid = server.pid!;
    ({ token, dataset } = await adminWithDataset(port, ADMIN));
    const upload = await apiUpload(port, token, dataset, 'kept.bin', kept);
    expect(upload.status).toBe(200);
  });

  afterAll(async () => {
    await stopServerProcess(server, 'SIGKILL');
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should answer 507 to an upload the disk cannot hold, store nothing and keep serving', async () => {
    const tooBig = await apiUpload(port, token, dataset, 'big.bin', randomBytes(16 * MiB));
    expect(tooBig.status).toBe(507);
    expect(tooBig.body.detail).toMatch(/storage.*full/i);

    expect(await staged()).toEqual([]);
    const after = await apiJson(port, 'GET', `/v1/datasets/${dataset}`, undefined, token);
    expect(Object.keys(after.body.files)).toEqual(['kept.bin']);
    const response = await fetch(`http://127.0.0.1:${port}/v1/datasets/${dataset}/files/kept.bin`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(kept));
    const small = await apiUpload(port, token, dataset, 'small.bin', randomBytes(1024));
    expect(small.status).toBe(200);
  });

  it('should leak no descriptor or staging file when clients hang up mid-upload', async () => {
    for (let i = 0; i < 5; i += 1) {
      const upload = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/v1/datasets/${dataset}/files/cut-${i}.bin`,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/data',
          'Content-Disposition': `attachment; filename=cut-${i}.bin`,
          'Content-Length': String(8 * MiB),
        },
      });
      upload.on('error', () => undefined);
      upload.write(randomBytes(MiB));
      await eventually(async () => (await staged()).length > 0, 5000);
      upload.destroy();
      await eventually(async () => (await staged()).length === 0, 5000);
    }
    await eventually(async () => (await openFilesUnder(pid, dataDir)).length === 0, 5000);
    const after = await apiJson(port, 'GET', `/v1/datasets/${dataset}`, undefined, token);
    expect(Object.keys(after.body.files).sort()).toEqual(['kept.bin', 'small.bin']);
  });

  it('should leak no descriptor when clients hang up mid-download', async () => {
    const downloads: { method: string; path: string; body?: string }[] = [
      { method: 'GET', path: `/v1/datasets/${dataset}/files/kept.bin` },
      { method: 'POST', path: `/v1/datasets/${dataset}/download`, body: '{}' },
    ];
    for (const download of downloads) {
      for (let i = 0; i < 3; i += 1) {
        await new Promise<void>((resolve, reject) => {
          const request = http.request(
            {
              host: '127.0.0.1',
              port,
              method: download.method,
              path: download.path,
              headers: {
                Authorization: `Bearer ${token}`,
                ...(download.body ? { 'Content-Type': 'application/json' } : {}),
              },
            },
            (response) => {
              expect(response.statusCode).toBe(200);
              // Read one chunk, stop reading, and go away with most of the body unsent.
              response.once('data', () => {
                response.pause();
                request.destroy();
                resolve();
              });
            },
          );
          request.on('error', (error) => {
            if (!request.destroyed) {
              reject(error);
            }
          });
          request.end(download.body);
        });
      }
    }
    await eventually(async () => (await openFilesUnder(pid, dataDir)).length === 0, 5000);
    expect((await apiJson(port, 'GET', '/health')).status).toBe(200);
  });
});
