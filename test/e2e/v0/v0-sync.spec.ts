import type http from 'node:http';
import request from 'supertest';
import { SourcesService } from '../../../src/modules/sources/sources.service.js';
import { eventually } from '../../utils/eventually.js';
import { authed, createCast, type Cast, type Role } from '../../utils/fixtures.js';
import { listen, rawRequest } from '../../utils/raw-http.js';
import { startSourceServer, type SourceServer } from '../../utils/source-server.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { v0Dataset, type V0Dataset } from '../../utils/v0.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * `POST|GET /v0/datasets/{owner}/{id}/sync`: re-fetch every sourced file, refused with 429 and
 * Retry-After while a fetch of the dataset is queued or running.
 */

let testApp: TestApp;
let cast: Cast;
let sources: SourcesService;
let source: SourceServer;
const server = () => testApp.app.getHttpServer() as http.Server;
const http0 = () => request(server());

beforeAll(async () => {
  testApp = await createTestApp({ env: { SOURCES_ALLOW_PRIVATE: 'true' } });
  await listen(server());
  cast = await createCast(testApp);
  sources = testApp.app.get(SourcesService);
  source = await startSourceServer();
});

afterAll(async () => {
  await source.close();
  await testApp.close();
});

/** As data.world's client sends it: a JSON content type and an empty body. */
const syncRequest = (dataset: V0Dataset, method: 'POST' | 'GET', token = cast.admin) =>
  rawRequest(server(), {
    method,
    path: `${dataset.path}/sync`,
    headers: { ...authed(token), 'Content-Type': 'application/json' },
    body: method === 'POST' ? '' : undefined,
  });

const settled = (dataset: V0Dataset) =>
  eventually(
    async () => (await sources.listSources(dataset.pk)).every((view) => !view.syncPending),
    20_000,
  );

const fetchedBody = async (dataset: V0Dataset, filename: string) => {
  const response = await http0()
    .get(`/v1/datasets/${dataset.pk}/files/${filename}`)
    .set(authed(cast.admin))
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks).toString()));
    })
    .expect(200);
  return response.body as string;
};

describe('sync', () => {
  it.each(['POST', 'GET'] as const)(
    'should re-fetch every sourced file (%s), then refuse another sync while one is pending',
    async (method) => {
      const path = `/sync-${method}.csv`;
      source.route(path, (_request, response) => response.end('first'));
      const dataset = await v0Dataset(testApp, cast);
      await sources.setSources(dataset.pk, [{ filename: 'data.csv', url: source.url(path) }]);
      await settled(dataset);
      expect(await fetchedBody(dataset, 'data.csv')).toBe('first');

      // The next fetch stalls until released: the sync stays pending (queued, then running).
      let release: (() => void) | undefined;
      source.route(path, (_request, response) => {
        response.writeHead(200);
        response.write('sec');
        release = () => response.end('ond');
      });
      const started = await syncRequest(dataset, method);
      expect(started.status).toBe(200);
      expect(JSON.parse(started.text)).toEqual({ message: 'Sync started.' });

      for (const again of ['POST', 'GET'] as const) {
        const refused = await syncRequest(dataset, again);
        expect(refused.status).toBe(429);
        expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
        expect(JSON.parse(refused.text)).toEqual({ code: 429, message: expect.any(String) });
      }

      await eventually(() => Promise.resolve(release !== undefined), 10_000);
      release!();
      await settled(dataset);
      expect(await fetchedBody(dataset, 'data.csv')).toBe('second');
      // Once it has ended, a sync is accepted again.
      source.route(path, (_request, response) => response.end('third'));
      expect((await syncRequest(dataset, method)).status).toBe(200);
      await settled(dataset);
      expect(await fetchedBody(dataset, 'data.csv')).toBe('third');
    },
    40_000,
  );

  it('should accept a sync of a dataset without sources (nothing to fetch)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    expect((await syncRequest(dataset, 'POST')).status).toBe(200);
    expect((await syncRequest(dataset, 'POST')).status).toBe(200);
  });

  it('should answer 404 for an unknown dataset and 400 for a bad owner', async () => {
    const dataset = await v0Dataset(testApp, cast);
    expect(
      (await syncRequest({ ...dataset, path: `/v0/datasets/${dataset.owner}/nope-nope` }, 'POST'))
        .status,
    ).toBe(404);
    expect(
      (await syncRequest({ ...dataset, path: '/v0/datasets/No_Team/some-id' }, 'GET')).status,
    ).toBe(400);
  });

  describe('who may sync', () => {
    let dataset: V0Dataset;
    let readToken: string;

    beforeAll(async () => {
      dataset = await v0Dataset(testApp, cast, { is_public: false });
      readToken = await mintApiToken(testApp, cast.actors.A.token, ['read']);
    });

    const expected: Record<Role, number> = {
      anonymous: 401,
      outsider: 404,
      R: 403,
      X: 403,
      W: 200,
      A: 200,
      admin: 200,
    };

    it.each(Object.entries(expected))('%s: %i (POST and GET)', async (role, status) => {
      for (const method of ['POST', 'GET'] as const) {
        const response = await rawRequest(server(), {
          method,
          path: `${dataset.path}/sync`,
          headers: authed(cast.actors[role as Role].token),
        });
        expect(response.status).toBe(status);
      }
    });

    it('should refuse a read-scope token of a team admin (403)', async () => {
      expect((await syncRequest(dataset, 'POST', readToken)).status).toBe(403);
      expect((await syncRequest(dataset, 'GET', readToken)).status).toBe(403);
    });
  });
});
