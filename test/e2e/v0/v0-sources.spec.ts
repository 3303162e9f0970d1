import { createHash } from 'node:crypto';
import request from 'supertest';
import type {
  DatasetSummaryJson,
  FileSummaryJson,
} from '../../../src/modules/dataworld/v0/dataset.presenter.js';
import { eventually } from '../../utils/eventually.js';
import { authed, createCast, createTeam, unique, type Cast } from '../../utils/fixtures.js';
import { startSourceServer, type SourceServer } from '../../utils/source-server.js';
import { startSyncRig, type SyncRig } from '../../utils/sync-rig.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { asBytes, teamSlug, v0Dataset, type V0Dataset } from '../../utils/v0.js';
import { mintApiToken } from '../../utils/auth.js';
import { FileSourcesRepository } from '../../../src/modules/sources/file-sources.repository.js';
import { SourceFetchWorker } from '../../../src/modules/sources/source-fetch.worker.js';

/**
 * Files added by URL source through /v0, fetched in the background, as a data.world client sees
 * them: the file's `source` (syncStatus, dates, summary), the dataset's `status`, and the bytes.
 * The sources are a local HTTP server reached as `localhost` (allowed by name); every other
 * private address stays refused, as in production.
 */

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Small limits, so that timeouts and the size cap are reached within a test. */
const LIMITS = {
  SOURCES_ALLOWED_HOSTS: 'localhost',
  SOURCES_IDLE_TIMEOUT: '1',
  SOURCES_FETCH_TIMEOUT: '3',
  SOURCES_MAX_BYTES: '1000',
};

/** Any answer's status and body as bytes. */
const bytesOf = async (test: request.Test) => {
  const response = await asBytes(test);
  return { status: response.status, body: response.body as Buffer };
};

describe('v0 sources (background sync)', () => {
  let testApp: TestApp;
  let cast: Cast;
  let source: SourceServer;
  const http = () => request(testApp.app.getHttpServer());
  /** A URL through the allowed host name (the server itself listens on 127.0.0.1). */
  const sourceUrl = (route: string) => `http://localhost:${source.port}${route}`;

  beforeAll(async () => {
    testApp = await createTestApp({ env: LIMITS });
    cast = await createCast(testApp);
    source = await startSourceServer();
  });

  afterAll(async () => {
    await source.close();
    await testApp.close();
  });

  const summary = async (dataset: { path: string }) => {
    const response = await http()
      .get(dataset.path)
      .set(authed(cast.admin))
      .set('Content-Type', 'application/json')
      .expect(200);
    return response.body as DatasetSummaryJson;
  };
  const fileOf = async (dataset: { path: string }, name: string) => {
    const file = (await summary(dataset)).files.find((entry) => entry.name === name);
    expect(file).toBeDefined();
    return file!;
  };
  const v1Files = async (pk: number) =>
    (await http().get(`/v1/datasets/${pk}`).set(authed(cast.admin)).expect(200)).body
      .files as Record<string, string>;
  /** Waits until no source of the dataset is NEW or INPROGRESS any more. */
  const settled = async (dataset: { path: string }) => {
    await eventually(async () => {
      const { files } = await summary(dataset);
      return files.every(
        (file) => !['NEW', 'INPROGRESS'].includes(file.source?.syncStatus ?? 'OK'),
      );
    }, 20_000);
    return summary(dataset);
  };
  const addSource = (dataset: V0Dataset, name: string, url: string, token = cast.admin) =>
    http()
      .post(`${dataset.path}/files`)
      .set(authed(token))
      .send({ files: [{ name, source: { url } }] })
      .expect(200);
  const sync = (dataset: V0Dataset) =>
    http()
      .post(`${dataset.path}/sync`)
      .set(authed(cast.admin))
      .set('Content-Type', 'application/json')
      .expect(200);
  const failedSource = (file: FileSummaryJson) => {
    expect(file.sizeInBytes).toBeUndefined();
    expect(file.source).toMatchObject({ syncStatus: 'SYSTEMERROR' });
    expect(Date.parse(file.source!.lastSyncFailure!)).not.toBeNaN();
    expect(file.source!.lastSyncSuccess).toBeUndefined();
    return file.source!;
  };

  /**
   * A route that sends the head and the first bytes of `body`, then holds the rest until
   * `release()`; `reached()` waits until a fetch is being held there.
   */
  const heldRoute = (route: string, body: Buffer, sentFirst = 3) => {
    let finish: (() => void) | undefined;
    source.route(route, (_request, response) => {
      response.writeHead(200, { 'content-length': String(body.length) });
      response.write(body.subarray(0, sentFirst));
      finish = () => response.end(body.subarray(sentFirst));
    });
    return {
      reached: () => eventually(() => Promise.resolve(finish !== undefined), 10_000),
      release: () => finish!(),
    };
  };

  it('should fetch a file added by POST .../files: NEW/INPROGRESS, then OK with its bytes', async () => {
    const body = Buffer.from('id,value\n1,one\n2,two\n');
    const held = heldRoute('/held.csv', body);
    const dataset = await v0Dataset(testApp, cast);
    await addSource(dataset, 'held.csv', sourceUrl('/held.csv'), cast.actors.W.token);

    // Not fetched yet: listed with its source, no size, and the dataset is not LOADED.
    const pending = await summary(dataset);
    expect(pending.status).toMatch(/^(NEW|INPROGRESS)$/);
    expect(pending.files).toEqual([
      expect.objectContaining({
        name: 'held.csv',
        source: expect.objectContaining({
          url: sourceUrl('/held.csv'),
          expandArchive: false,
          syncStatus: expect.stringMatching(/^(NEW|INPROGRESS)$/),
        }),
      }),
    ]);
    expect(pending.files[0].sizeInBytes).toBeUndefined();
    expect(await v1Files(dataset.pk)).toEqual({});

    await held.reached();
    const running = await fileOf(dataset, 'held.csv');
    expect(running.source!.syncStatus).toBe('INPROGRESS');
    expect(Date.parse(running.source!.lastSyncStart!)).not.toBeNaN();
    expect((await summary(dataset)).status).toBe('INPROGRESS');
    held.release();

    const done = await settled(dataset);
    expect(done.status).toBe('LOADED');
    const [file] = done.files;
    expect(file).toMatchObject({ name: 'held.csv', sizeInBytes: body.length });
    expect(file.source).toMatchObject({ syncStatus: 'OK' });
    expect(file.source!.syncSummary).toBeUndefined();
    expect(file.source!.lastSyncFailure).toBeUndefined();
    const started = Date.parse(file.source!.lastSyncStart!);
    expect(Date.parse(file.source!.lastSyncSuccess!)).toBeGreaterThanOrEqual(started);

    // The bytes on both faces are the source's, hashed as an upload of them would be.
    const v0Bytes = await bytesOf(
      http()
        .get(`/v0/file_download/${dataset.owner}/${dataset.id}/held.csv`)
        .set(authed(cast.admin)),
    );
    expect(v0Bytes.status).toBe(200);
    expect(v0Bytes.body.equals(body)).toBe(true);
    const v1Bytes = await bytesOf(
      http().get(`/v1/datasets/${dataset.pk}/files/held.csv`).set(authed(cast.admin)),
    );
    expect(v1Bytes.status).toBe(200);
    expect(v1Bytes.body.equals(body)).toBe(true);
    expect(await v1Files(dataset.pk)).toEqual({ 'held.csv': sha256(body) });

    const uploaded = await v0Dataset(testApp, cast);
    await http()
      .put(`/v0/uploads/${uploaded.owner}/${uploaded.id}/files/held.csv`)
      .set(authed(cast.admin))
      .set('Content-Type', 'application/octet-stream')
      .send(body)
      .expect(200);
    expect(await v1Files(uploaded.pk)).toEqual(await v1Files(dataset.pk));
  }, 40_000);

  // The worker checks its source is current before it records, and again under the dataset's
  // lock as it records. The first check is made to pass here, as a race would let it: the
  // upload, which drops the source in the commit that records its bytes, must still win.
  it('should keep an upload that lands while a fetch of that name runs (the fetch records nothing)', async () => {
    const fetched = Buffer.from('id\nfetched\n');
    const uploaded = Buffer.from('id\nuploaded\n');
    const held = heldRoute('/raced.csv', fetched);
    const worker = testApp.app.get(SourceFetchWorker);
    const repository = testApp.app.get(FileSourcesRepository);
    const run = worker.run.bind(worker);
    const isCurrent = repository.isCurrent.bind(repository);
    let ran!: () => void;
    const jobDone = new Promise<void>((resolve) => (ran = resolve));
    worker.run = async (job, signal) => {
      try {
        await run(job, signal);
      } finally {
        ran();
      }
    };
    repository.isCurrent = () => Promise.resolve(true);
    try {
      const dataset = await v0Dataset(testApp, cast);
      await addSource(dataset, 'raced.csv', sourceUrl('/raced.csv'));
      await held.reached();
      await http()
        .put(`/v0/uploads/${dataset.owner}/${dataset.id}/files/raced.csv`)
        .set(authed(cast.admin))
        .set('Content-Type', 'application/octet-stream')
        .send(uploaded)
        .expect(200);
      held.release();
      await jobDone;
      expect(await v1Files(dataset.pk)).toEqual({ 'raced.csv': sha256(uploaded) });
      const [file] = (await summary(dataset)).files;
      expect(file.name).toBe('raced.csv');
      expect(file.source).toBeUndefined();
    } finally {
      worker.run = run;
      repository.isCurrent = isCurrent;
    }
  }, 40_000);

  it('should fetch the sourced files of a dataset created on /v0', async () => {
    source.route('/created.csv', (_request, response) => response.end('a,b\n1,2\n'));
    const team = await createTeam(testApp, cast);
    const owner = await teamSlug(testApp, team.pk);
    const title = unique('Sourced').replace(/[^A-Za-z0-9 -]/g, ' ');
    const created = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(cast.actors.W.token))
      .send({
        title,
        visibility: 'PRIVATE',
        files: [{ name: 'created.csv', source: { url: sourceUrl('/created.csv') } }],
      })
      .expect(200);
    const uri = new URL((created.body as { uri: string }).uri);
    const dataset = { path: uri.pathname };
    const done = await settled(dataset);
    expect(done.status).toBe('LOADED');
    expect(done.files).toEqual([
      expect.objectContaining({
        name: 'created.csv',
        sizeInBytes: 8,
        source: expect.objectContaining({ syncStatus: 'OK' }),
      }),
    ]);
    const bytes = await bytesOf(
      http()
        .get(`/v0/file_download/${owner}/${done.id}/created.csv`)
        .set(authed(cast.actors.W.token)),
    );
    expect(bytes.body.toString()).toBe('a,b\n1,2\n');
  }, 30_000);

  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/secret`],
    ['10.1.2.3', () => 'http://10.1.2.3/secret'],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/'],
  ])(
    'should refuse a redirect to the private address %s: SYSTEMERROR, nothing stored',
    async (address, target) => {
      const hop = `/hop-${address}`;
      source.route(hop, (_request, response) =>
        response.writeHead(302, { location: target(source.port) }).end(),
      );
      source.route('/secret', (_request, response) => response.end('internal'));
      const before = source.requested.filter((route) => route === '/secret').length;
      const dataset = await v0Dataset(testApp, cast);
      await addSource(dataset, 'hop.csv', sourceUrl(hop));

      const done = await settled(dataset);
      expect(done.status).toBe('SYSTEMERROR');
      const failed = failedSource(done.files[0]);
      expect(failed.syncSummary).toBe(`${address} is not a public address; it may not be fetched.`);
      expect(source.requested.filter((route) => route === '/secret')).toHaveLength(before);
      expect(await v1Files(dataset.pk)).toEqual({});
      expect(
        (
          await http()
            .get(`/v0/file_download/${dataset.owner}/${dataset.id}/hop.csv`)
            .set(authed(cast.admin))
        ).status,
      ).toBe(404);
    },
    30_000,
  );

  it('should fail a source that goes silent (idle timeout)', async () => {
    source.route('/silent.csv', (_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('a,b\n');
    });
    const dataset = await v0Dataset(testApp, cast);
    await addSource(dataset, 'silent.csv', sourceUrl('/silent.csv'));
    const done = await settled(dataset);
    expect(done.status).toBe('SYSTEMERROR');
    expect(failedSource(done.files[0]).syncSummary).toBe('The source sent nothing for 1 second.');
    expect(await v1Files(dataset.pk)).toEqual({});
  }, 30_000);

  it('should fail a source that trickles past the total timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    source.route('/slow.csv', (_request, response) => {
      response.writeHead(200);
      // A byte every 300 ms: never idle for a second, never done within 3.
      const timer = setInterval(() => response.write('x'), 300);
      timers.push(timer);
      response.on('close', () => clearInterval(timer));
    });
    try {
      const dataset = await v0Dataset(testApp, cast);
      await addSource(dataset, 'slow.csv', sourceUrl('/slow.csv'));
      const done = await settled(dataset);
      expect(done.status).toBe('SYSTEMERROR');
      expect(failedSource(done.files[0]).syncSummary).toBe(
        'The source did not deliver its file within 3 seconds.',
      );
      expect(await v1Files(dataset.pk)).toEqual({});
    } finally {
      timers.forEach(clearInterval);
    }
  }, 30_000);

  it('should fail a source over the size cap, then a later successful sync keeps lastSyncFailure', async () => {
    let body = Buffer.alloc(1001, 'b');
    source.route('/big.bin', (_request, response) => response.end(body));
    const dataset = await v0Dataset(testApp, cast);
    await addSource(dataset, 'big.bin', sourceUrl('/big.bin'));
    const failed = await settled(dataset);
    expect(failed.status).toBe('SYSTEMERROR');
    const failure = failedSource(failed.files[0]);
    expect(failure.syncSummary).toBe("The source's file is larger than the limit of 1000 bytes.");
    expect(await v1Files(dataset.pk)).toEqual({});

    // The next fetch is held until released: until then it shows as queued or running, not as
    // the earlier failure (a client polls `status` after a sync).
    body = Buffer.alloc(1000, 'c');
    const held = heldRoute('/big.bin', body, 10);
    await sync(dataset);
    const queued = await summary(dataset);
    expect(queued.status).toBe('INPROGRESS');
    expect(queued.files[0].source).toMatchObject({
      syncStatus: 'INPROGRESS',
      syncSummary: failure.syncSummary,
      lastSyncFailure: failure.lastSyncFailure,
    });
    await held.reached();
    held.release();
    const done = await settled(dataset);
    expect(done.status).toBe('LOADED');
    expect(done.files[0]).toMatchObject({ name: 'big.bin', sizeInBytes: 1000 });
    expect(done.files[0].source).toMatchObject({
      syncStatus: 'OK',
      lastSyncFailure: failure.lastSyncFailure,
    });
    expect(done.files[0].source!.syncSummary).toBeUndefined();
    expect(Date.parse(done.files[0].source!.lastSyncSuccess!)).toBeGreaterThan(
      Date.parse(failure.lastSyncFailure!),
    );
    expect(await v1Files(dataset.pk)).toEqual({ 'big.bin': sha256(body) });
  }, 40_000);
});

describe('v0 sources: a server killed during a sync', () => {
  let rig: SyncRig;
  let testApp: TestApp;
  let source: SourceServer;
  let base = '';

  beforeAll(async () => {
    // A short fetch timeout, so that the job of the killed process expires within seconds.
    rig = await startSyncRig({ SOURCES_ALLOW_PRIVATE: 'true', SOURCES_FETCH_TIMEOUT: '3' });
    ({ testApp, source } = rig);
  });

  afterAll(async () => {
    await rig.close();
  });

  const start = async () => {
    base = await rig.start();
  };

  it('should finish the fetch after a restart (kill -9 mid-body)', async () => {
    const body = 'id,value\n1,finished after the restart\n';
    const route = rig.stallingRoute('/data.csv', body);
    const cast = await createCast(testApp);
    const dataset = await v0Dataset(testApp, cast);
    // An API token lives in the database: the child process accepts it (a JWT's secret may differ).
    const token = await mintApiToken(testApp, cast.actors.W.token, ['write']);
    const call = (method: string, route: string, json?: unknown) =>
      fetch(`${base}${route}`, {
        method,
        headers: { ...authed(token), 'Content-Type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
    const summary = async () => {
      const response = await call('GET', dataset.path);
      expect(response.status).toBe(200);
      return (await response.json()) as DatasetSummaryJson;
    };

    await start();
    const added = await call('POST', `${dataset.path}/files`, {
      files: [{ name: 'data.csv', source: { url: source.url('/data.csv') } }],
    });
    expect(added.status).toBe(200);
    await eventually(() => Promise.resolve(source.requested.length > 0), 20_000);
    await rig.stop('SIGKILL');
    route.unstall();

    // Still running as far as anyone can tell (asked of the test's app: no server is up), until
    // the dead process's job expires: a sync now is refused.
    const during = await request(testApp.app.getHttpServer())
      .get(dataset.path)
      .set(authed(token))
      .expect(200);
    expect((during.body as DatasetSummaryJson).status).toBe('INPROGRESS');
    expect((during.body as DatasetSummaryJson).files[0].source?.syncStatus).toBe('INPROGRESS');
    const refused = await request(testApp.app.getHttpServer())
      .post(`${dataset.path}/sync`)
      .set(authed(token))
      .set('Content-Type', 'application/json')
      .expect(429);
    expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);

    await start();
    await eventually(async () => (await summary()).files[0].source?.syncStatus === 'OK', 40_000);
    expect(source.requested).toEqual(['/data.csv', '/data.csv']);
    const done = await summary();
    expect(done.status).toBe('LOADED');
    expect(done.files[0]).toMatchObject({ name: 'data.csv', sizeInBytes: body.length });
    const bytes = await call('GET', `/v0/file_download/${dataset.owner}/${dataset.id}/data.csv`);
    expect(bytes.status).toBe(200);
    expect(await bytes.text()).toBe(body);
  }, 90_000);
});
