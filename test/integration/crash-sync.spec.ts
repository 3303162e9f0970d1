import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { SourcesService } from '../../src/modules/sources/sources.service.js';
import { adminToken } from '../utils/auth.js';
import { createDataset } from '../utils/datasets.js';
import { eventually } from '../utils/eventually.js';
import { authed, createProject, unique } from '../utils/fixtures.js';
import { startServerProcess, stopServerProcess } from '../utils/server-process.js';
import { startSourceServer, type SourceServer } from '../utils/source-server.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

const ADMIN = { username: 'sync-admin', password: 'sync-admin-password' };
/** A short fetch timeout, so that the job of a killed process expires within seconds. */
const SOURCES_ENV = { SOURCES_ALLOW_PRIVATE: 'true', SOURCES_FETCH_TIMEOUT: '3' };

/**
 * A real Strata process killed while it fetches a source; the next process to start on the
 * same database fetches it again once the dead process's job expires. The test's own app
 * (same database, SOURCES_CONCURRENCY=0) only sets the source and reads its state.
 */
describe('a server killed during a sync', () => {
  let database: TestDatabase;
  let dataDir: string;
  let testApp: TestApp;
  let source: SourceServer;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-sync-'));
    testApp = await createTestApp({
      database,
      env: { ...SOURCES_ENV, SOURCES_CONCURRENCY: '0' },
    });
    source = await startSourceServer();
  });

  afterAll(async () => {
    await stopServerProcess(server, 'SIGKILL');
    await source.close();
    await testApp.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    ({ child: server } = await startServerProcess({
      databaseUrl: database.url,
      dataDir,
      admin: ADMIN,
      env: { ...SOURCES_ENV, SOURCES_CONCURRENCY: '1' },
    }));
  };

  it('should finish the fetch after a restart', async () => {
    const body = 'id,value\n1,finished after the restart\n';
    let stall = true;
    source.route('/data.csv', (_request, response) => {
      if (stall) {
        // The first attempt hangs mid-body until its process dies.
        response.writeHead(200, { 'content-length': String(body.length) });
        response.write(body.slice(0, 5));
      } else {
        response.end(body);
      }
    });
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
    await stopServerProcess(server, 'SIGKILL');
    stall = false;
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
