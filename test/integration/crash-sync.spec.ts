import { createHash } from 'node:crypto';
import request from 'supertest';
import { SourcesService } from '../../src/modules/sources/sources.service.js';
import { adminToken } from '../utils/auth.js';
import { createDataset } from '../utils/datasets.js';
import { eventually } from '../utils/eventually.js';
import { authed, createProject, unique } from '../utils/fixtures.js';
import type { SourceServer } from '../utils/source-server.js';
import { startSyncRig, type SyncRig } from '../utils/sync-rig.js';
import type { TestApp } from '../utils/test-app.js';

/** A short fetch timeout, so that the job of a killed process expires within seconds. */
const SOURCES_ENV = { SOURCES_ALLOW_PRIVATE: 'true', SOURCES_FETCH_TIMEOUT: '3' };

/**
 * A real Strata process killed while it fetches a source; the next process to start on the
 * same database fetches it again once the dead process's job expires. The test's own app
 * (same database, SOURCES_CONCURRENCY=0) only sets the source and reads its state.
 */
describe('a server killed during a sync', () => {
  let rig: SyncRig;
  let testApp: TestApp;
  let source: SourceServer;

  beforeAll(async () => {
    rig = await startSyncRig(SOURCES_ENV);
    ({ testApp, source } = rig);
  });

  afterAll(async () => {
    await rig.close();
  });

  const start = () => rig.start();

  it('should finish the fetch after a restart', async () => {
    const body = 'id,value\n1,finished after the restart\n';
    const route = rig.stallingRoute('/data.csv', body);
    const token = await adminToken(testApp);
    const team = await request(testApp.app.getHttpServer())
      .post('/v1/teams/create')
      .set(authed(token))
      .send({ name: unique('sync') })
      .expect(201);
    const project = await createProject(testApp, token, (team.body as { pk: number }).pk);
    const { pk } = await createDataset(testApp, token, project.pk);
    const sources = testApp.app.get(SourcesService);

    await start();
    await sources.setSources(pk, [{ filename: 'data.csv', url: source.url('/data.csv') }]);
    await eventually(() => Promise.resolve(source.requested.length > 0), 20_000);
    await rig.stop('SIGKILL');
    route.unstall();
    expect((await sources.listSources(pk))[0]).toMatchObject({
      syncStatus: 'INPROGRESS',
      syncPending: true,
    });
    // Still running as far as anyone can tell: a sync now is refused.
    await expect(sources.sync(pk)).rejects.toMatchObject({ status: 429 });

    await start();
    await eventually(async () => (await sources.listSources(pk))[0].syncStatus === 'OK', 40_000);
    expect(source.requested).toEqual(['/data.csv', '/data.csv']);
    const dataset = await request(testApp.app.getHttpServer())
      .get(`/v1/datasets/${pk}`)
      .set(authed(token))
      .expect(200);
    expect(dataset.body.files).toEqual({
      'data.csv': createHash('sha256').update(body).digest('hex'),
    });
    expect(await sources.datasetStatus(pk)).toBe('LOADED');
  });
});
