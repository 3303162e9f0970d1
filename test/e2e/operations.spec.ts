import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { MIGRATIONS } from '../../migrations/index.js';
import { createDataset, upload } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';
import { asBytes, v0Dataset } from '../utils/v0.js';
import { buildZip, storedEntry } from '../utils/zip-bytes.js';

/**
 * Issue #13, operations: the probes an orchestrator asks (`/health/live`, `/health/ready`) and
 * the metrics Prometheus scrapes (`/metrics`), through the real app on real PostgreSQL.
 */

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const scrapeAuth = { Authorization: `Bearer ${METRICS_TOKEN}` };

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) {
      continue;
    }
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = value;
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample of `name` with exactly `labels` (0 when there is none yet). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (sample) =>
      sample.name === name &&
      Object.keys(sample.labels).length === Object.keys(labels).length &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value ?? 0;
}

async function scrape(testApp: TestApp): Promise<Sample[]> {
  const response = await request(testApp.app.getHttpServer())
    .get('/metrics')
    .set(scrapeAuth)
    .expect(200);
  return parseExposition(response.text);
}

describe('/health/live and /health/ready', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    // A limit of one request a minute: probes and scrapes must never meet it.
    testApp = await createTestApp({ env: { RATE_LIMIT: '1', METRICS_TOKEN } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer /health/live 200 to anyone, without a rate limit', async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await http().get('/health/live').expect(200);
      expect(response.body).toEqual({ status: 'ok' });
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('should answer /health/ready 200 with every shipped migration applied, without a rate limit', async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await http().get('/health/ready').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        details: {
          database: { status: 'up' },
          migrations: { status: 'up', applied: MIGRATIONS.length },
        },
      });
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('should answer /metrics without a rate limit', async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await http().get('/metrics').set(scrapeAuth).expect(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('should ignore an Authorization header, even a bad one', async () => {
    await http().get('/health/ready').set(authed('not-a-token')).expect(200);
    await http().get('/health/live').set(authed('not-a-token')).expect(200);
  });

  it('should answer /health/ready 503 naming a missing migration, and 200 once it is back', async () => {
    const [last] = await sql<{ id: number; timestamp: string; name: string }>(
      testApp.database,
      'DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING *',
    );
    try {
      const response = await http().get('/health/ready').expect(503);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.body).toMatchObject({
        status: 'error',
        error: { migrations: { status: 'down' } },
        details: { database: { status: 'up' }, migrations: { status: 'down' } },
      });
      const { message } = (response.body as { error: { migrations: { message: string } } }).error
        .migrations;
      expect(message).toContain(last.name);
      // The process is still alive, and /health keeps its meaning (the database answers).
      await http().get('/health/live').expect(200);
      await http().get('/health').expect(200);
    } finally {
      await sql(
        testApp.database,
        'INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)',
        [last.id, last.timestamp, last.name],
      );
    }
    await http().get('/health/ready').expect(200);
  });

  it('should stay ready with a migration this build does not know (a newer instance ran it)', async () => {
    await sql(testApp.database, 'INSERT INTO migrations (timestamp, name) VALUES ($1, $2)', [
      '99999999999999',
      'FromANewerBuild99999999999999',
    ]);
    try {
      await http().get('/health/ready').expect(200);
    } finally {
      await sql(testApp.database, 'DELETE FROM migrations WHERE name = $1', [
        'FromANewerBuild99999999999999',
      ]);
    }
  });
});

describe('/health/ready while the database is unreachable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await startTcpProxy(database.url);
    testApp = await createTestApp({
      database: { name: database.name, url: proxy.url, drop: () => Promise.resolve() },
      env: { METRICS_TOKEN },
    });
    await http().get('/health/ready').expect(200);
    await proxy.cut();
  });

  afterAll(async () => {
    await proxy.restore();
    await testApp.close();
    await proxy.close();
    await database.drop();
  });

  it('should answer /health/ready 503 with Retry-After and the failed check', async () => {
    const response = await http().get('/health/ready').expect(503);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body).toMatchObject({
      status: 'error',
      error: { database: { status: 'down' } },
    });
  });

  it('should still answer /health/live 200', async () => {
    await http().get('/health/live').expect(200);
  });

  it('should still serve /metrics, with the pool gauges', async () => {
    const samples = await scrape(testApp);
    expect(samples.map((sample) => sample.name)).toEqual(
      expect.arrayContaining(['strata_db_pool_connections', 'strata_db_pool_waiting_requests']),
    );
  });
});

describe('/metrics', () => {
  describe('without METRICS_TOKEN', () => {
    let testApp: TestApp;
    let cast: Cast;

    beforeAll(async () => {
      testApp = await createTestApp();
      cast = await createCast(testApp);
    });

    afterAll(async () => {
      await testApp.close();
    });

    it.each([
      ['anonymous', () => ({})],
      ['a site admin', () => authed(cast.admin)],
      ['any bearer token', () => scrapeAuth],
    ])('should answer 404 to %s (not served)', async (_who, headers) => {
      const response = await request(testApp.app.getHttpServer())
        .get('/metrics')
        .set(headers())
        .expect(404);
      expect(response.body).toEqual({ detail: 'Not found.' });
    });
  });

  describe('with METRICS_TOKEN', () => {
    let testApp: TestApp;
    let other: TestApp;
    let cast: Cast;
    let project: { pk: number };
    const http = () => request(testApp.app.getHttpServer());

    beforeAll(async () => {
      testApp = await createTestApp({ env: { METRICS_TOKEN } });
      other = await createTestApp({ env: { METRICS_TOKEN } });
      cast = await createCast(testApp);
      const team = await createTeam(testApp, cast);
      project = await createProject(testApp, cast.admin, team.pk);
    });

    afterAll(async () => {
      await testApp.close();
      await other.close();
    });

    it.each([
      ['no Authorization header', () => ({})],
      ['a site admin token', () => authed(cast.admin)],
      ['a wrong token', () => authed(`${METRICS_TOKEN}x`)],
      ['a prefix of the token', () => authed(METRICS_TOKEN.slice(0, -1))],
      ['the token under another scheme', () => ({ Authorization: `Basic ${METRICS_TOKEN}` })],
    ])('should answer 401 to %s', async (_who, headers) => {
      const response = await http().get('/metrics').set(headers()).expect(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body).toEqual({ detail: expect.any(String) });
    });

    it('should answer the token with the Prometheus text format', async () => {
      const response = await http().get('/metrics').set(scrapeAuth).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.text).toMatch(/^# HELP /m);
    });

    it('should carry the process metrics, the pool gauges and the fetch queue', async () => {
      const samples = await scrape(testApp);
      const names = new Set(samples.map((sample) => sample.name));
      for (const name of [
        'process_cpu_user_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_seconds',
        'nodejs_heap_size_used_bytes',
        'strata_db_pool_connections',
        'strata_db_pool_idle_connections',
        'strata_db_pool_waiting_requests',
        'strata_db_pool_max_connections',
        'strata_source_fetch_jobs',
      ]) {
        expect({ name, present: names.has(name) }).toEqual({ name, present: true });
      }
      expect(valueOf(samples, 'strata_db_pool_max_connections')).toBe(
        testApp.config.database.poolSize,
      );
      // The app has answered requests: its pool holds at least one connection.
      expect(valueOf(samples, 'strata_db_pool_connections')).toBeGreaterThan(0);
      expect(valueOf(samples, 'strata_source_fetch_jobs', { state: 'waiting' })).toBe(0);
      expect(valueOf(samples, 'strata_source_fetch_jobs', { state: 'running' })).toBe(0);
    });

    it('should count requests by method, route template and status', async () => {
      const dataset = await createDataset(testApp, cast.admin, project.pk);
      const found = { method: 'GET', route: '/v1/datasets/:pk', status: '200' };
      const missing = { method: 'GET', route: '/v1/datasets/:pk', status: '404' };
      const unmatched = { method: 'GET', route: '<unmatched>', status: '404' };
      const before = await scrape(testApp);
      await http().get(`/v1/datasets/${dataset.pk}`).set(authed(cast.admin)).expect(200);
      await http().get(`/v1/datasets/${dataset.pk}`).set(authed(cast.admin)).expect(200);
      await http()
        .get(`/v1/datasets/${dataset.pk + 1000}`)
        .set(authed(cast.admin))
        .expect(404);
      await http().get(`/no/such/route/${dataset.pk}`).expect(404);
      await http()
        .get(`/no/such/route/${dataset.pk + 1}`)
        .expect(404);
      const after = await scrape(testApp);
      const moved = (name: string, labels: Record<string, string>) =>
        valueOf(after, name, labels) - valueOf(before, name, labels);
      expect(moved('strata_http_requests_total', found)).toBe(2);
      expect(moved('strata_http_requests_total', missing)).toBe(1);
      expect(moved('strata_http_requests_total', unmatched)).toBe(2);
      expect(moved('strata_http_request_duration_seconds_count', found)).toBe(2);
      expect(moved('strata_http_request_duration_seconds_bucket', { ...found, le: '+Inf' })).toBe(
        2,
      );
      // Never the raw URL: the pk of a request is no label value.
      const routes = new Set(after.map((sample) => sample.labels.route).filter(Boolean));
      expect([...routes].filter((route) => /\/\d+(\/|$)/.test(route))).toEqual([]);
      // Requests another app of the same process answered are not this app's.
      expect(valueOf(await scrape(other), 'strata_http_requests_total', found)).toBe(0);
    });

    it('should count upload and download bytes by the bytes that passed', async () => {
      const dataset = await createDataset(testApp, cast.admin, project.pk);
      const bytes = randomBytes(100_000);
      const counters = async () => {
        const samples = await scrape(testApp);
        return {
          uploaded: valueOf(samples, 'strata_upload_bytes_total'),
          file: valueOf(samples, 'strata_download_bytes_total', { kind: 'file' }),
          archive: valueOf(samples, 'strata_download_bytes_total', { kind: 'archive' }),
        };
      };
      const start = await counters();

      await upload(testApp, cast.admin, dataset.pk, 'one.bin', bytes).expect(200);
      const zip = buildZip([storedEntry('a.txt', 'alpha'), storedEntry('b.txt', 'beta')]);
      await http()
        .post(`/v1/datasets/${dataset.pk}/files-multi`)
        .set(authed(cast.admin))
        .set('Content-Type', 'application/data')
        .set('Content-Disposition', 'attachment; filename=files.zip')
        .send(zip)
        .expect(200);
      const uploaded = await counters();
      // The zip counts as sent, not as the entries it unpacks to.
      expect(uploaded).toEqual({ ...start, uploaded: start.uploaded + bytes.length + zip.length });

      const whole = await asBytes(
        http().get(`/v1/datasets/${dataset.pk}/files/one.bin`).set(authed(cast.admin)),
      ).expect(200);
      expect(Buffer.compare(whole.body as Buffer, bytes)).toBe(0);
      await asBytes(
        http()
          .get(`/v1/datasets/${dataset.pk}/files/one.bin`)
          .set(authed(cast.admin))
          .set('Range', 'bytes=10-1009'),
      ).expect(206);
      // Neither a HEAD nor a 304 sends bytes.
      await http().head(`/v1/datasets/${dataset.pk}/files/one.bin`).set(authed(cast.admin));
      await http()
        .get(`/v1/datasets/${dataset.pk}/files/one.bin`)
        .set(authed(cast.admin))
        .set('If-None-Match', whole.headers.etag)
        .expect(304);
      const archive = await asBytes(
        http().post(`/v1/datasets/${dataset.pk}/download`).set(authed(cast.admin)),
      ).expect(200);
      const archiveBytes = (archive.body as Buffer).length;
      expect(archiveBytes).toBeGreaterThan(bytes.length);
      expect(await counters()).toEqual({
        uploaded: uploaded.uploaded,
        file: start.file + bytes.length + 1000,
        archive: start.archive + archiveBytes,
      });
    });

    it('should count /v0 uploads and downloads too', async () => {
      const target = await v0Dataset(testApp, cast);
      const bytes = randomBytes(30_000);
      const before = await scrape(testApp);
      await http()
        .put(`/v0/uploads/${target.owner}/${target.id}/files/data.bin`)
        .set(authed(cast.admin))
        .set('Content-Type', 'application/octet-stream')
        .send(bytes)
        .expect(200);
      await asBytes(
        http()
          .get(`/v0/file_download/${target.owner}/${target.id}/data.bin`)
          .set(authed(cast.admin)),
      ).expect(200);
      const zip = await asBytes(
        http().get(`/v0/download/${target.owner}/${target.id}`).set(authed(cast.admin)),
      ).expect(200);
      const after = await scrape(testApp);
      const moved = (name: string, labels: Record<string, string> = {}) =>
        valueOf(after, name, labels) - valueOf(before, name, labels);
      expect(moved('strata_upload_bytes_total')).toBe(bytes.length);
      expect(moved('strata_download_bytes_total', { kind: 'file' })).toBe(bytes.length);
      expect(moved('strata_download_bytes_total', { kind: 'archive' })).toBe(
        (zip.body as Buffer).length,
      );
      expect(
        moved('strata_http_requests_total', {
          method: 'PUT',
          route: '/v0/uploads/:owner/:id/files/*file',
          status: '200',
        }),
      ).toBe(1);
    });
  });
});
