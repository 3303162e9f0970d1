import { createHash } from 'node:crypto';
import request from 'supertest';
import { createDataset, upload } from '../../utils/datasets.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  ROLES,
  type Cast,
  type Role,
} from '../../utils/fixtures.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { datasetSlug, teamSlug } from '../../utils/v0.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * Every /v0 route (and /datapackage), called by every role and by API tokens whose scope is
 * below their user's level, on a private dataset and, for reads and writes, a public one: pins
 * who may do what on the data.world face. A dataset an authenticated caller cannot see is 404
 * (never 403); one they can see but may not change is 403; anonymous writes are 401.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The cast's roles, plus a writer holding a read-scope token and a team admin a write-scope one. */
type Caller = Role | 'W-read-token' | 'A-write-token';
const CALLERS: readonly Caller[] = [...ROLES, 'W-read-token', 'A-write-token'];

interface Context {
  owner: string;
  id: string;
  publicId: string;
  pk: number;
}

interface RouteCase {
  name: string;
  method: Method;
  path: (context: Context) => string;
  json?: object;
  raw?: Buffer;
  multipart?: boolean;
  expect: Record<Caller, number>;
}

const FILE = 'f.txt';
const CONTENT = 'file content';
const HANDLE = createHash('sha256').update(CONTENT).digest('hex');

/** Reads of a private dataset: its team's members and site admins; nobody else may know it. */
const READ_PRIVATE: Record<Caller, number> = {
  anonymous: 404,
  outsider: 404,
  R: 200,
  X: 200,
  W: 200,
  A: 200,
  admin: 200,
  'W-read-token': 200,
  'A-write-token': 200,
};
const EVERYONE = (status: number) =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Record<Caller, number>;
/**
 * Writes to a private dataset: W and A members and site admins, within their token's scope.
 * Write routes need a token before anything is looked up, so anonymous callers get 401 whether
 * or not the dataset exists (nothing is revealed).
 */
const WRITE_PRIVATE: Record<Caller, number> = {
  ...READ_PRIVATE,
  anonymous: 401,
  R: 403,
  X: 403,
  'W-read-token': 403,
};
/** Writes to a public dataset: everyone sees it, so refusals are 401/403, not 404. */
const WRITE_PUBLIC: Record<Caller, number> = {
  ...WRITE_PRIVATE,
  anonymous: 401,
  outsider: 403,
};
const ADMIN_PRIVATE: Record<Caller, number> = {
  ...WRITE_PRIVATE,
  W: 403,
  'A-write-token': 403,
};
/** Team-level writes (create): the team is no secret, so outsiders get 403. */
const TEAM_WRITE: Record<Caller, number> = { ...WRITE_PUBLIC };
const AUTHENTICATED = { ...EVERYONE(200), anonymous: 401 };

const dataset = (c: Context) => `/v0/datasets/${c.owner}/${c.id}`;

const routes = (): RouteCase[] => [
  { name: 'GET dataset', method: 'get', path: dataset, expect: READ_PRIVATE },
  {
    name: 'GET public dataset',
    method: 'get',
    path: (c) => `/v0/datasets/${c.owner}/${c.publicId}`,
    expect: EVERYONE(200),
  },
  {
    name: 'PATCH dataset',
    method: 'patch',
    path: dataset,
    json: { description: 'changed' },
    expect: WRITE_PRIVATE,
  },
  {
    name: 'PATCH public dataset',
    method: 'patch',
    path: (c) => `/v0/datasets/${c.owner}/${c.publicId}`,
    json: { description: 'changed' },
    expect: WRITE_PUBLIC,
  },
  {
    name: 'PUT dataset',
    method: 'put',
    path: dataset,
    json: { title: 'Replaced', visibility: 'PRIVATE' },
    expect: WRITE_PRIVATE,
  },
  { name: 'DELETE dataset', method: 'delete', path: dataset, expect: ADMIN_PRIVATE },
  {
    name: 'POST create in team',
    method: 'post',
    path: (c) => `/v0/datasets/${c.owner}`,
    json: { title: 'Brand new', visibility: 'PRIVATE' },
    expect: TEAM_WRITE,
  },
  {
    name: 'POST files by source',
    method: 'post',
    path: (c) => `${dataset(c)}/files`,
    json: { files: [{ name: 'sourced.csv', source: { url: 'http://127.0.0.1:9/x.csv' } }] },
    expect: WRITE_PRIVATE,
  },
  {
    name: 'PUT raw upload',
    method: 'put',
    path: (c) => `/v0/uploads/${c.owner}/${c.id}/files/new.txt`,
    raw: Buffer.from('new bytes'),
    expect: WRITE_PRIVATE,
  },
  {
    name: 'POST multipart upload',
    method: 'post',
    path: (c) => `/v0/uploads/${c.owner}/${c.id}/files`,
    multipart: true,
    expect: WRITE_PRIVATE,
  },
  {
    name: 'DELETE one file',
    method: 'delete',
    path: (c) => `${dataset(c)}/files/${FILE}`,
    expect: WRITE_PRIVATE,
  },
  {
    name: 'DELETE files by name',
    method: 'delete',
    path: (c) => `${dataset(c)}/files?name=${FILE}`,
    expect: WRITE_PRIVATE,
  },
  { name: 'POST sync', method: 'post', path: (c) => `${dataset(c)}/sync`, expect: WRITE_PRIVATE },
  { name: 'GET sync', method: 'get', path: (c) => `${dataset(c)}/sync`, expect: WRITE_PRIVATE },
  {
    name: 'GET download zip',
    method: 'get',
    path: (c) => `/v0/download/${c.owner}/${c.id}`,
    expect: READ_PRIVATE,
  },
  {
    name: 'GET public download zip',
    method: 'get',
    path: (c) => `/v0/download/${c.owner}/${c.publicId}`,
    expect: EVERYONE(200),
  },
  {
    name: 'GET file_download',
    method: 'get',
    path: (c) => `/v0/file_download/${c.owner}/${c.id}/${FILE}`,
    expect: READ_PRIVATE,
  },
  {
    name: 'GET datapackage',
    method: 'get',
    path: (c) => `/datapackage/${c.owner}/${c.id}`,
    expect: READ_PRIVATE,
  },
  {
    name: 'GET /v0/user',
    method: 'get',
    path: () => '/v0/user',
    expect: AUTHENTICATED,
  },
  {
    name: 'GET own datasets',
    method: 'get',
    path: () => '/v0/user/datasets/own',
    expect: AUTHENTICATED,
  },
  {
    name: 'GET contributing datasets',
    method: 'get',
    path: () => '/v0/user/datasets/contributing',
    expect: AUTHENTICATED,
  },
  {
    name: 'GET liked datasets',
    method: 'get',
    path: () => '/v0/user/datasets/liked',
    expect: AUTHENTICATED,
  },
  {
    name: 'GET datasets by owner',
    method: 'get',
    path: (c) => `/v0/datasets/${c.owner}`,
    expect: EVERYONE(200),
  },
];

describe('/v0 authorisation matrix (every route, every role, scoped tokens)', () => {
  let testApp: TestApp;
  let cast: Cast;
  const tokens = new Map<Caller, string | undefined>();
  const http = () => request(testApp.app.getHttpServer());

  const apiToken = (jwt: string, scope: string) => mintApiToken(testApp, jwt, [scope]);

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    for (const role of ROLES) {
      tokens.set(role, cast.actors[role].token);
    }
    tokens.set('W-read-token', await apiToken(cast.actors.W.token!, 'read'));
    tokens.set('A-write-token', await apiToken(cast.actors.A.token!, 'write'));
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function freshContext(): Promise<Context> {
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk);
    const priv = await createDataset(testApp, cast.admin, project.pk);
    const pub = await createDataset(testApp, cast.admin, project.pk, { is_public: true });
    for (const pk of [priv.pk, pub.pk]) {
      await upload(testApp, cast.admin, pk, FILE, CONTENT).expect(200);
    }
    return {
      owner: await teamSlug(testApp, team.pk),
      id: await datasetSlug(testApp, priv.pk),
      publicId: await datasetSlug(testApp, pub.pk),
      pk: priv.pk,
    };
  }

  describe.each(routes())('$name', (route) => {
    // A read changes nothing (a GET of sync does: it queues fetches), so every caller of one
    // may share a dataset: the matrix then takes half the time.
    const readOnly = route.method === 'get' && !route.name.includes('sync');
    let shared: Promise<Context> | undefined;
    it.each(CALLERS.map((caller) => [caller]))('as %s', async (caller) => {
      const context = readOnly ? await (shared ??= freshContext()) : await freshContext();
      const expected = route.expect[caller];
      // data.world's client labels every request JSON, bodiless ones included (Part C).
      let call = http()
        [route.method](route.path(context))
        .set(authed(tokens.get(caller)));
      if (route.multipart) {
        call = call.attach('file', Buffer.from('multipart bytes'), 'm.txt');
      } else if (route.raw) {
        call = call.set('Content-Type', 'application/octet-stream').send(route.raw);
      } else {
        call = call.set('Content-Type', 'application/json');
        if (route.json) {
          call = call.send(route.json);
        }
      }
      const response = await call;
      expect({ caller, status: response.status, body: response.body as unknown }).toMatchObject({
        caller,
        status: expected,
      });
      if (expected >= 400) {
        expect(response.body).toEqual(
          expect.objectContaining({ code: expected, message: expect.any(String) }),
        );
        // A refused write changed nothing.
        const after = await http().get(`/v1/datasets/${context.pk}`).set(authed(cast.admin));
        expect(after.body).toMatchObject({ files: { [FILE]: HANDLE }, description: '' });
        expect(after.body.deletion_time ?? null).toBeNull();
      }
    });
  });
});
