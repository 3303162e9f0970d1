import { createHash } from 'node:crypto';
import request from 'supertest';
import {
  SyncInProgressError,
  InvalidSourceError,
} from '../../src/modules/sources/sources.errors.js';
import { SourcesService } from '../../src/modules/sources/sources.service.js';
import { adminToken } from '../utils/auth.js';
import { createDataset } from '../utils/datasets.js';
import { eventually } from '../utils/eventually.js';
import { authed, createProject, unique } from '../utils/fixtures.js';
import { startSourceServer, type SourceServer } from '../utils/source-server.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

describe('SourcesService', () => {
  let testApp: TestApp;
  let sources: SourcesService;
  let source: SourceServer;
  let token: string;
  let project: number;

  beforeAll(async () => {
    testApp = await createTestApp({
      env: { SOURCES_ALLOW_PRIVATE: 'true', SOURCES_IDLE_TIMEOUT: '1', SOURCES_MAX_BYTES: '1000' },
    });
    sources = testApp.app.get(SourcesService);
    source = await startSourceServer();
    token = await adminToken(testApp);
    const team = await request(testApp.app.getHttpServer())
      .post('/v1/teams/create')
      .set(authed(token))
      .send({ name: unique('sources') })
      .expect(201);
    project = (await createProject(testApp, token, (team.body as { pk: number }).pk)).pk;
  });

  afterAll(async () => {
    await source.close();
    await testApp.close();
  });

  const filesOf = async (pk: number) =>
    (
      await request(testApp.app.getHttpServer())
        .get(`/v1/datasets/${pk}`)
        .set(authed(token))
        .expect(200)
    ).body.files as Record<string, string>;
  const settled = (pk: number) =>
    eventually(async () => {
      const [view] = await sources.listSources(pk);
      return !view.syncPending && view.syncStatus !== 'INPROGRESS';
    }, 20_000);

  it('should call a dataset without sources LOADED', async () => {
    const { pk } = await createDataset(testApp, token, project);
    expect(await sources.datasetStatus(pk)).toBe('LOADED');
    expect(await sources.listSources(pk)).toEqual([]);
  });

  it('should fetch a sourced file into the dataset, and replace it on a later sync', async () => {
    let body = 'a,b\n1,2\n';
    source.route('/data.csv', (_request, response) => response.end(body));
    const { pk } = await createDataset(testApp, token, project);
    const [queued] = await sources.setSources(pk, [
      { filename: 'data.csv', url: source.url('/data.csv') },
    ]);
    expect(queued).toMatchObject({ filename: 'data.csv', syncStatus: 'NEW', syncPending: true });
    // Not fetched yet: no bytes, so no file.
    expect(await filesOf(pk)).toEqual({});
    expect(await sources.datasetStatus(pk)).toMatch(/^(NEW|INPROGRESS)$/);

    await settled(pk);
    const [done] = await sources.listSources(pk);
    expect(done).toMatchObject({ syncStatus: 'OK', syncPending: false, syncSummary: undefined });
    expect(done.lastSyncStart).toBeInstanceOf(Date);
    expect(done.lastSyncSuccess!.getTime()).toBeGreaterThanOrEqual(done.lastSyncStart!.getTime());
    expect(await filesOf(pk)).toEqual({ 'data.csv': sha256(body) });
    expect(await sources.datasetStatus(pk)).toBe('LOADED');

    body = 'a,b\n3,4\n';
    await sources.sync(pk);
    await settled(pk);
    expect(await filesOf(pk)).toEqual({ 'data.csv': sha256(body) });
  });

  it('should refuse a second sync while one is queued or running', async () => {
    source.route('/stalls.csv', (_request, response) => {
      response.writeHead(200);
      response.write('partial');
    });
    const { pk } = await createDataset(testApp, token, project);
    await sources.setSources(pk, [{ filename: 'stalls.csv', url: source.url('/stalls.csv') }]);
    const refused = await sources.sync(pk).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncInProgressError);
    const retryAfter = (refused as SyncInProgressError).retryAfterSeconds;
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect((refused as SyncInProgressError).status).toBe(429);
    await settled(pk);
    // Once it has ended, a sync is accepted again.
    await expect(sources.sync(pk)).resolves.toBeUndefined();
    await settled(pk);
  });

  it('should fail a source that goes silent (idle timeout), storing nothing', async () => {
    source.route('/silent.csv', (_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('a,b\n');
    });
    const { pk } = await createDataset(testApp, token, project);
    await sources.setSources(pk, [{ filename: 'silent.csv', url: source.url('/silent.csv') }]);
    await settled(pk);
    const [failed] = await sources.listSources(pk);
    expect(failed).toMatchObject({
      syncStatus: 'SYSTEMERROR',
      syncSummary: 'The source sent nothing for 1 second.',
    });
    expect(failed.lastSyncFailure).toBeInstanceOf(Date);
    expect(await sources.datasetStatus(pk)).toBe('SYSTEMERROR');
    expect(await filesOf(pk)).toEqual({});
  });

  it('should fail a source larger than the cap', async () => {
    source.route('/big.bin', (_request, response) => response.end(Buffer.alloc(1001)));
    const { pk } = await createDataset(testApp, token, project);
    await sources.setSources(pk, [{ filename: 'big.bin', url: source.url('/big.bin') }]);
    await settled(pk);
    const [failed] = await sources.listSources(pk);
    expect(failed.syncStatus).toBe('SYSTEMERROR');
    expect(failed.syncSummary).toBe("The source's file is larger than the limit of 1000 bytes.");
    expect(await filesOf(pk)).toEqual({});
  });

  it('should derive the dataset status from all its sources', async () => {
    source.route('/ok.csv', (_request, response) => response.end('fine'));
    const { pk } = await createDataset(testApp, token, project);
    await sources.setSources(pk, [
      { filename: 'ok.csv', url: source.url('/ok.csv') },
      { filename: 'missing.csv', url: source.url('/missing.csv') },
    ]);
    await eventually(
      async () => (await sources.listSources(pk)).every((s) => !s.syncPending),
      20_000,
    );
    const views = await sources.listSources(pk);
    expect(views.map((view) => [view.filename, view.syncStatus])).toEqual([
      ['missing.csv', 'SYSTEMERROR'],
      ['ok.csv', 'OK'],
    ]);
    expect(views[0].syncSummary).toBe('The source answered HTTP 404.');
    expect(await sources.datasetStatus(pk)).toBe('SYSTEMERROR');
    expect(await filesOf(pk)).toEqual({ 'ok.csv': sha256('fine') });
    // Dropping the failing source leaves the dataset LOADED.
    await sources.setSources(pk, [{ filename: 'ok.csv', url: source.url('/ok.csv') }], {
      replace: true,
    });
    expect(await sources.datasetStatus(pk)).toBe('LOADED');
  });

  it.each([
    ['a file URL', { filename: 'x.csv', url: 'file:///etc/passwd' }, /must be http or https/],
    ['no URL', { filename: 'x.csv', url: 'not a url' }, /Not a valid URL/],
    [
      'a URL over 4096 characters',
      { filename: 'x.csv', url: `http://h/${'a'.repeat(4100)}` },
      /at most 4096/,
    ],
    ['a directory name', { filename: 'dir/', url: 'http://h/x' }, /not a directory/],
    [
      'expandArchive (not built yet)',
      { filename: 'x.zip', url: 'http://h/x.zip', expandArchive: true },
      /expandArchive is not supported/,
    ],
    ['a name outside the dataset', { filename: '../x', url: 'http://h/x' }, /Cannot extend beyond/],
  ])('should refuse %s', async (_what, spec, message) => {
    const { pk } = await createDataset(testApp, token, project);
    const refused = await sources.setSources(pk, [spec]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidSourceError);
    expect((refused as Error).message).toMatch(message);
    expect(await sources.listSources(pk)).toEqual([]);
  });
});

describe('SourcesService without SOURCES_ALLOW_PRIVATE', () => {
  let testApp: TestApp;
  let source: SourceServer;

  beforeAll(async () => {
    // localhost is allowed by name, so the first hop reaches the test's server.
    testApp = await createTestApp({ env: { SOURCES_ALLOWED_HOSTS: 'localhost' } });
    source = await startSourceServer();
  });

  afterAll(async () => {
    await source.close();
    await testApp.close();
  });

  it('should refuse a redirect to a private address and store nothing', async () => {
    source.route('/hop', (_request, response) =>
      response.writeHead(302, { location: source.url('/secret') }).end(),
    );
    source.route('/secret', (_request, response) => response.end('internal'));
    const sources = testApp.app.get(SourcesService);
    const token = await adminToken(testApp);
    const team = await request(testApp.app.getHttpServer())
      .post('/v1/teams/create')
      .set(authed(token))
      .send({ name: unique('private') })
      .expect(201);
    const project = await createProject(testApp, token, (team.body as { pk: number }).pk);
    const { pk } = await createDataset(testApp, token, project.pk);
    await sources.setSources(pk, [
      { filename: 'hop.csv', url: `http://localhost:${source.port}/hop` },
    ]);
    await eventually(async () => !(await sources.listSources(pk))[0].syncPending, 20_000);
    const [failed] = await sources.listSources(pk);
    expect(failed.syncStatus).toBe('SYSTEMERROR');
    expect(failed.syncSummary).toBe('127.0.0.1 is not a public address; it may not be fetched.');
    expect(source.requested).toEqual(['/hop']);
    const dataset = await request(testApp.app.getHttpServer())
      .get(`/v1/datasets/${pk}`)
      .set(authed(token))
      .expect(200);
    expect(dataset.body.files).toEqual({});
  });
});
