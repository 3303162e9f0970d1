import request from 'supertest';
import { SourcesService } from '../../../src/modules/sources/sources.service.js';
import { upload } from '../../utils/datasets.js';
import { eventually } from '../../utils/eventually.js';
import { authed, createCast, type Cast, type Role } from '../../utils/fixtures.js';
import { startSourceServer, type SourceServer } from '../../utils/source-server.js';
import { sql } from '../../utils/sql.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { v0Dataset } from '../../utils/v0.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * `GET /v0/datasets/{owner}/{id}` (data.world's DatasetSummaryResponse), `GET /v0/user`, and the
 * query paths that answer 404.
 */

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let testApp: TestApp;
let cast: Cast;
let source: SourceServer;
const http = () => request(testApp.app.getHttpServer());
const tokenOf = (role: Role) => cast.actors[role].token;

beforeAll(async () => {
  testApp = await createTestApp({ env: { SOURCES_ALLOW_PRIVATE: 'true' } });
  cast = await createCast(testApp);
  source = await startSourceServer();
});

afterAll(async () => {
  await source.close();
  await testApp.close();
});

async function licenceNamed(dataworldName: string): Promise<number> {
  const [row] = await sql<{ id: number }>(
    testApp.database,
    'SELECT id FROM licences WHERE dataworld_name = $1',
    [dataworldName],
  );
  return row.id;
}

const apiToken = (role: Role, scope: string) => mintApiToken(testApp, tokenOf(role), [scope]);

describe('GET /v0/datasets/{owner}/{id}', () => {
  it('should answer every field of a dataset that has them all, in order', async () => {
    const dataset = await v0Dataset(testApp, cast, {
      name: 'Census Of Birds',
      is_public: true,
      description: 'Birds counted',
      tags: ' birds , counts,, ,spring survey ',
    });
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(cast.admin))
      .send({ licence: await licenceNamed('CC-BY') })
      .expect(200);
    await sql(testApp.database, 'UPDATE datasets SET summary = $2 WHERE id = $1', [
      dataset.pk,
      '# Birds\nCounted by hand.',
    ]);
    await upload(testApp, cast.admin, dataset.pk, 'birds.csv', 'a,b\n1,2\n').expect(200);

    const response = await http()
      .get(dataset.path)
      .set(authed(tokenOf('W')))
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(response.body)).toEqual([
      'owner',
      'id',
      'title',
      'description',
      'summary',
      'tags',
      'license',
      'visibility',
      'status',
      'accessLevel',
      'isProject',
      'version',
      'created',
      'updated',
      'files',
    ]);
    expect(response.body).toEqual({
      owner: dataset.owner,
      id: dataset.id,
      title: 'Census Of Birds',
      description: 'Birds counted',
      summary: '# Birds\nCounted by hand.',
      tags: ['birds', 'counts', 'spring survey'],
      license: 'CC-BY',
      visibility: 'OPEN',
      status: 'LOADED',
      accessLevel: 'WRITE',
      isProject: false,
      version: '1',
      created: expect.stringMatching(ISO_MS),
      updated: expect.stringMatching(ISO_MS),
      files: [
        {
          name: 'birds.csv',
          sizeInBytes: 8,
          created: expect.stringMatching(ISO_MS),
          updated: expect.stringMatching(ISO_MS),
        },
      ],
    });
    expect(dataset.id).toBe('census-of-birds');
    const [row] = await sql<{ creation_time: Date }>(
      testApp.database,
      'SELECT creation_time FROM datasets WHERE id = $1',
      [dataset.pk],
    );
    expect(response.body.created).toBe(row.creation_time.toISOString());
    // The upload changed the dataset after its creation.
    expect(Date.parse(response.body.updated)).toBeGreaterThanOrEqual(
      Date.parse(response.body.created),
    );
  });

  it('should leave out empty optional fields: no description or summary, tags [], licence Other', async () => {
    // MIT, the fixtures' licence, has no data.world name.
    const dataset = await v0Dataset(testApp, cast);
    const response = await http()
      .get(dataset.path)
      .set(authed(tokenOf('A')))
      .expect(200);
    expect(response.body).toEqual({
      owner: dataset.owner,
      id: dataset.id,
      title: expect.any(String),
      tags: [],
      license: 'Other',
      visibility: 'PRIVATE',
      status: 'LOADED',
      accessLevel: 'ADMIN',
      isProject: false,
      version: '1',
      created: expect.stringMatching(ISO_MS),
      updated: expect.stringMatching(ISO_MS),
      files: [],
    });
    expect(response.body).not.toHaveProperty('description');
    expect(response.body).not.toHaveProperty('summary');
  });

  it('should list sourced files with their sync state, and a failed one without a size', async () => {
    source.route('/ok.csv', (_request, response) => response.end('x,y\n'));
    const dataset = await v0Dataset(testApp, cast);
    const sources = testApp.app.get(SourcesService);
    await sources.setSources(dataset.pk, [
      { filename: 'ok.csv', url: source.url('/ok.csv') },
      { filename: 'missing.csv', url: source.url('/missing.csv') },
    ]);
    await eventually(async () => {
      const views = await sources.listSources(dataset.pk);
      return views.every((view) => !view.syncPending && view.syncStatus !== 'INPROGRESS');
    }, 20_000);
    await sources.setFileDetails(dataset.pk, 'ok.csv', {
      description: 'Fetched',
      labels: ['raw data', 'report'],
    });
    await sources.setFileDetails(dataset.pk, 'missing.csv', { description: 'Not yet' });

    const response = await http()
      .get(dataset.path)
      .set(authed(tokenOf('R')))
      .expect(200);
    expect(response.body.status).toBe('SYSTEMERROR');
    expect(response.body.accessLevel).toBe('READ');
    expect(response.body.files).toEqual([
      {
        name: 'ok.csv',
        sizeInBytes: 4,
        created: expect.stringMatching(ISO_MS),
        updated: expect.stringMatching(ISO_MS),
        description: 'Fetched',
        labels: ['raw data', 'report'],
        source: {
          url: source.url('/ok.csv'),
          expandArchive: false,
          syncStatus: 'OK',
          lastSyncStart: expect.stringMatching(ISO_MS),
          lastSyncSuccess: expect.stringMatching(ISO_MS),
        },
      },
      {
        name: 'missing.csv',
        created: expect.stringMatching(ISO_MS),
        updated: expect.stringMatching(ISO_MS),
        description: 'Not yet',
        source: {
          url: source.url('/missing.csv'),
          expandArchive: false,
          syncStatus: 'SYSTEMERROR',
          lastSyncStart: expect.stringMatching(ISO_MS),
          lastSyncFailure: expect.stringMatching(ISO_MS),
          syncSummary: expect.any(String),
        },
      },
    ]);
  });

  it('should move updated, not created, when the dataset changes', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const before = (await http().get(dataset.path).set(authed(cast.admin)).expect(200)).body;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(cast.admin))
      .send({ description: 'changed' })
      .expect(200);
    const after = (await http().get(dataset.path).set(authed(cast.admin)).expect(200)).body;
    expect(after.created).toBe(before.created);
    expect(Date.parse(after.updated)).toBeGreaterThan(Date.parse(before.updated));
    expect(after.description).toBe('changed');
  });

  it('should hide a private dataset from outsiders and anonymous callers (404)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    for (const role of ['anonymous', 'outsider'] as const) {
      const response = await http()
        .get(dataset.path)
        .set(authed(tokenOf(role)))
        .expect(404);
      expect(response.body).toEqual({ code: 404, message: expect.any(String) });
    }
  });

  it('should let anyone read an OPEN dataset, at READ', async () => {
    const dataset = await v0Dataset(testApp, cast, { is_public: true });
    for (const role of ['anonymous', 'outsider'] as const) {
      const response = await http()
        .get(dataset.path)
        .set(authed(tokenOf(role)))
        .expect(200);
      expect(response.body).toMatchObject({ visibility: 'OPEN', accessLevel: 'READ' });
    }
  });

  it.each([
    ['R', 'READ'],
    ['X', 'READ'],
    ['W', 'WRITE'],
    ['A', 'ADMIN'],
    ['admin', 'ADMIN'],
  ] as const)('should show a %s member accessLevel %s', async (role, level) => {
    const dataset = await v0Dataset(testApp, cast);
    const response = await http()
      .get(dataset.path)
      .set(authed(tokenOf(role)))
      .expect(200);
    expect(response.body.accessLevel).toBe(level);
  });

  it.each([
    ['read', 'READ'],
    ['write', 'WRITE'],
    ['admin', 'ADMIN'],
  ])('should cap a team admin with a %s token at %s', async (scope, level) => {
    const dataset = await v0Dataset(testApp, cast);
    const token = await apiToken('A', scope);
    const response = await http().get(dataset.path).set(authed(token)).expect(200);
    expect(response.body.accessLevel).toBe(level);
  });

  it("should cap a writer's admin token at WRITE (a scope never adds rights)", async () => {
    const dataset = await v0Dataset(testApp, cast);
    const token = await apiToken('W', 'admin');
    const response = await http().get(dataset.path).set(authed(token)).expect(200);
    expect(response.body.accessLevel).toBe('WRITE');
  });

  it('should resolve to the newest active version, and fall back when it is deleted', async () => {
    const dataset = await v0Dataset(testApp, cast, { description: 'first' });
    const copy = await http()
      .post(`/v1/datasets/${dataset.pk}/copy`)
      .set(authed(cast.admin))
      .expect(200);
    const copyPk = (copy.body as { pk: number }).pk;
    await http()
      .patch(`/v1/datasets/${copyPk}`)
      .set(authed(cast.admin))
      .send({ description: 'second' })
      .expect(200);

    const newest = await http().get(dataset.path).set(authed(cast.admin)).expect(200);
    expect(newest.body).toMatchObject({ id: dataset.id, version: '2', description: 'second' });

    await http().delete(`/v1/datasets/${copyPk}`).set(authed(cast.admin)).expect(204);
    const previous = await http().get(dataset.path).set(authed(cast.admin)).expect(200);
    expect(previous.body).toMatchObject({ id: dataset.id, version: '1', description: 'first' });
  });

  it.each([
    ['an owner that is no slug', '/v0/datasets/Not_A_Slug/some-dataset'],
    ['an id that is too short', '/v0/datasets/some-team/ab'],
    ['an id with a double hyphen', '/v0/datasets/some-team/a--b'],
  ])('should answer 400 for %s', async (_case, path) => {
    const response = await http().get(path).set(authed(cast.admin)).expect(400);
    expect(response.body).toEqual({ code: 400, message: expect.any(String) });
  });

  it('should answer 404 for an unknown owner or id', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await http()
      .get(`/v0/datasets/${dataset.owner}/no-such-dataset`)
      .set(authed(cast.admin))
      .expect(404);
    await http().get(`/v0/datasets/no-such-team/${dataset.id}`).set(authed(cast.admin)).expect(404);
  });

  it('should accept Content-Type: application/json on a GET without a body', async () => {
    const dataset = await v0Dataset(testApp, cast, { is_public: true });
    const response = await http()
      .get(dataset.path)
      .set(authed(tokenOf('R')))
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(response.body.id).toBe(dataset.id);
  });

  it('should answer 401 for a bad token, even on an OPEN dataset', async () => {
    const dataset = await v0Dataset(testApp, cast, { is_public: true });
    const response = await http()
      .get(dataset.path)
      .set(authed('strata_pat_not-a-real-token'))
      .expect(401);
    expect(response.body).toEqual({ code: 401, message: expect.any(String) });
  });
});

describe('GET /v0/user', () => {
  it('should answer the caller: username as id, created and updated', async () => {
    const user = cast.actors.R.user!;
    const response = await http()
      .get('/v0/user')
      .set(authed(tokenOf('R')))
      .expect(200);
    expect(response.body).toEqual({
      id: user.username,
      created: expect.stringMatching(ISO_MS),
      updated: expect.stringMatching(ISO_MS),
    });
  });

  it('should show a display name made of first and last name', async () => {
    const user = cast.actors.W.user!;
    await sql(
      testApp.database,
      "UPDATE users SET first_name = 'Ada', last_name = 'L' WHERE id = $1",
      [user.id],
    );
    const token = await apiToken('W', 'read');
    const response = await http()
      .get('/v0/user')
      .set(authed(token))
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(response.body).toMatchObject({ id: user.username, displayName: 'Ada L' });
  });

  it('should answer 401 to anonymous callers', async () => {
    const response = await http().get('/v0/user').expect(401);
    expect(response.body).toEqual({ code: 401, message: expect.any(String) });
  });
});

describe('query paths (out of scope)', () => {
  it.each(['get', 'post', 'put', 'delete'] as const)(
    'should answer %s on /sql and /sparql with a 404 in the /v0 shape',
    async (method) => {
      for (const path of ['/sql/some-team/some-dataset', '/sparql/some-team/some-dataset']) {
        const response = await http()
          [method](path)
          .set(authed(cast.admin))
          .set('Content-Type', 'application/json')
          .expect(404);
        expect(response.body).toEqual({ code: 404, message: expect.any(String) });
      }
    },
  );
});
