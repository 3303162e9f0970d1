// What the benchmarks that run a real Strata process share: a server on a fresh database and
// data dir, its memory as the kernel counts it, and a signed-in admin with a team and project.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const ADMIN = { username: 'bench', password: 'bench-password' };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS') * 1024, hwm: field('VmHWM') * 1024 };
}

export function resetPeak(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work({ port, pid, dataDir, db })` against a Strata process (`npm run build` first) on a
 * fresh database and data dir, both removed afterwards; `env` adds to the server's environment,
 * `nodeArgs` to node's command line (`--cpu-prof` is refused in NODE_OPTIONS).
 */
export async function withStrata(work, env = {}, nodeArgs = []) {
  const database = `strata_bench_v_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  const dataDir = fs.mkdtempSync(path.join(ROOT, 'bench', '.tmp-versioning-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      ACCESS_TOKEN_LIFETIME: '3600',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Listened for from the start: a server that dies while starting must not hang the clean-up.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (let i = 0; ; i += 1) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        break;
      }
      if (i > 600) {
        throw new Error('Strata did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      return await work({ port, pid: child.pid, dataDir, db });
    } finally {
      await db.end();
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function api(port, method, pathname, body, token) {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${pathname}: ${response.status} ${text.slice(0, 300)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

export async function setUp(port) {
  const { access } = await api(port, 'POST', '/v1/auth/obtain', ADMIN);
  const team = await api(port, 'POST', '/v1/teams/create', { name: 'bench' }, access);
  const project = await api(
    port,
    'POST',
    '/v1/projects/create',
    { name: 'bench', team: team.pk },
    access,
  );
  const dataset = (name) =>
    api(
      port,
      'POST',
      '/v1/datasets/create',
      { name, project: project.pk, licence: 11, tags: '' },
      access,
    );
  return { token: access, project: project.pk, dataset };
}

/**
 * `count` distinct blob rows and the dataset's files referencing them (`images/000001.jpg`...):
 * rows only, no bytes, for benchmarks of work that never reads bytes (copy, merge, diff).
 */
export async function seedFileRows(db, datasetPk, count) {
  await db.query(
    `INSERT INTO blobs (handle, size)
     SELECT encode(sha256(convert_to(i::text, 'UTF8')), 'hex'), 1024 FROM generate_series(1, $1) i`,
    [count],
  );
  await db.query(
    `INSERT INTO dataset_files (manifest_id, filename, blob_handle, metadata)
     SELECT (SELECT manifest_id FROM datasets WHERE id = $1),
            'images/' || lpad(i::text, 6, '0') || '.jpg',
            encode(sha256(convert_to(i::text, 'UTF8')), 'hex'), '{"label":"cat"}'
     FROM generate_series(1, $2) i ORDER BY i`,
    [datasetPk, count],
  );
}
