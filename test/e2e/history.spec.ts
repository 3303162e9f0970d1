import { createHash } from 'node:crypto';
import request from 'supertest';
import { createDataset, setFileMetadata, upload } from '../utils/datasets.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  ROLES,
  type Cast,
  type Role,
} from '../utils/fixtures.js';
import { OpenApiSchemas, type OpenApiDocument } from '../utils/openapi-schema.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Issue #13 item 4: `GET /api/datasets/{pk}/history` (the versions of a lineage) and
 * `GET /api/datasets/{pk}/diff?from=` (what changed in the files), through the real app,
 * their answers checked against the OpenAPI document the app serves.
 */

const HISTORY = '/api/datasets/{pk}/history';
const DIFF = '/api/datasets/{pk}/diff';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

interface Change {
  change: string;
  old_name: string | null;
  new_name: string | null;
  old_handle: string | null;
  new_handle: string | null;
  old_metadata: string | null;
  new_metadata: string | null;
}

let testApp: TestApp;
let cast: Cast;
let schemas: OpenApiSchemas;
let project: { pk: number };
const http = () => request(testApp.app.getHttpServer());
const token = (role: Role) => cast.actors[role].token;

beforeAll(async () => {
  testApp = await createTestApp();
  const served = await http().get('/docs-json').expect(200);
  schemas = new OpenApiSchemas(served.body as OpenApiDocument);
  cast = await createCast(testApp);
  const team = await createTeam(testApp, cast);
  project = await createProject(testApp, cast.admin, team.pk);
});

afterAll(async () => {
  await testApp.close();
});

async function withFiles(files: Record<string, string>, fields: { is_public?: boolean } = {}) {
  const dataset = await createDataset(testApp, token('W')!, project.pk, fields);
  for (const [name, content] of Object.entries(files)) {
    await upload(testApp, token('W'), dataset.pk, name, content).expect(200);
  }
  return dataset;
}

async function copy(pk: number, body: object = {}): Promise<{ pk: number; name: string }> {
  const response = await http()
    .post(`/v1/datasets/${pk}/copy`)
    .set(authed(token('W')))
    .send(body)
    .expect(200);
  return response.body;
}

const deleteFile = (pk: number, name: string) =>
  http()
    .delete(`/v1/datasets/${pk}/files/${name}`)
    .set(authed(token('W')))
    .expect(200);

/** An answer of one of the two routes, checked against the document for its status. */
async function get(url: string, role: Role = 'R') {
  const response = await http()
    .get(url)
    .set(authed(token(role)));
  const path = url.includes('/history') ? HISTORY : DIFF;
  expect(schemas.answerErrors('get', path, response.status, response.body)).toEqual([]);
  return response;
}

const added = (name: string, content: string, metadata = ''): Change => ({
  change: 'added',
  old_name: null,
  new_name: name,
  old_handle: null,
  new_handle: sha256(content),
  old_metadata: null,
  new_metadata: metadata,
});

describe('GET /api/datasets/{pk}/diff', () => {
  let v1: { pk: number; name: string };
  let v2: { pk: number };

  beforeAll(async () => {
    v1 = await withFiles({
      'keep.txt': 'K',
      'change.txt': 'C1',
      'meta.txt': 'M',
      'gone.txt': 'G',
      'old-name.txt': 'R',
      'dup-a.txt': 'D',
      'dup-b.txt': 'D',
    });
    v2 = await copy(v1.pk);
    // /v1 uploads refuse a name in use: other bytes under a name are a delete and an upload.
    await deleteFile(v2.pk, 'change.txt');
    await upload(testApp, token('W'), v2.pk, 'change.txt', 'C2').expect(200);
    await setFileMetadata(testApp, token('W')!, v2.pk, 'meta.txt', 'new-meta');
    await deleteFile(v2.pk, 'gone.txt');
    await deleteFile(v2.pk, 'old-name.txt');
    await upload(testApp, token('W'), v2.pk, 'new-name.txt', 'R').expect(200);
    await deleteFile(v2.pk, 'dup-b.txt');
    await upload(testApp, token('W'), v2.pk, 'dup-c.txt', 'D').expect(200);
    await upload(testApp, token('W'), v2.pk, 'added.txt', 'A').expect(200);
    await upload(testApp, token('W'), v2.pk, 'Zeta.txt', 'Z').expect(200);
  });

  /** Every change of the designed case, in byte order of the key ('Z' sorts before 'a'). */
  const EXPECTED: Change[] = [
    added('Zeta.txt', 'Z'),
    added('added.txt', 'A'),
    {
      change: 'changed',
      old_name: 'change.txt',
      new_name: 'change.txt',
      old_handle: sha256('C1'),
      new_handle: sha256('C2'),
      old_metadata: '',
      new_metadata: '',
    },
    {
      change: 'renamed',
      old_name: 'dup-b.txt',
      new_name: 'dup-c.txt',
      old_handle: sha256('D'),
      new_handle: sha256('D'),
      old_metadata: '',
      new_metadata: '',
    },
    {
      change: 'removed',
      old_name: 'gone.txt',
      new_name: null,
      old_handle: sha256('G'),
      new_handle: null,
      old_metadata: '',
      new_metadata: null,
    },
    {
      change: 'metadata',
      old_name: 'meta.txt',
      new_name: 'meta.txt',
      old_handle: sha256('M'),
      new_handle: sha256('M'),
      old_metadata: '',
      new_metadata: 'new-meta',
    },
    {
      change: 'renamed',
      old_name: 'old-name.txt',
      new_name: 'new-name.txt',
      old_handle: sha256('R'),
      new_handle: sha256('R'),
      old_metadata: '',
      new_metadata: '',
    },
  ];

  it('should answer every kind of change, in byte order of the names', async () => {
    const response = await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ from: v1.pk, to: v2.pk, changes: EXPECTED, next: null });
  });

  it('should answer the reverse diff with additions and removals swapped, renames reversed', async () => {
    const response = await get(`/api/datasets/${v1.pk}/diff?from=${v2.pk}`);
    expect(response.status).toBe(200);
    const kinds = (response.body.changes as Change[]).map((c) => [
      c.change,
      c.old_name,
      c.new_name,
    ]);
    expect(kinds).toEqual([
      ['removed', 'Zeta.txt', null],
      ['removed', 'added.txt', null],
      ['changed', 'change.txt', 'change.txt'],
      ['renamed', 'dup-c.txt', 'dup-b.txt'],
      ['added', null, 'gone.txt'],
      ['metadata', 'meta.txt', 'meta.txt'],
      ['renamed', 'new-name.txt', 'old-name.txt'],
    ]);
  });

  it('should page with limit and after, the pages adding up to the whole diff', async () => {
    const pages: Change[][] = [];
    let after: string | null = null;
    do {
      const query: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
      const response = await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}&limit=3${query}`);
      expect(response.status).toBe(200);
      pages.push(response.body.changes);
      after = response.body.next;
    } while (after !== null && pages.length < 10);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(EXPECTED);
    // `next` is the last key of its page: a removal's key is its old name.
    const first = await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}&limit=5`);
    expect(first.body.next).toBe('gone.txt');
  });

  it('should answer no changes between a version and itself or an unchanged copy', async () => {
    const same = await get(`/api/datasets/${v1.pk}/diff?from=${v1.pk}`);
    expect(same.body).toEqual({ from: v1.pk, to: v1.pk, changes: [], next: null });
    const unchanged = await copy(v2.pk);
    const response = await get(`/api/datasets/${unchanged.pk}/diff?from=${v2.pk}`);
    expect(response.body.changes).toEqual([]);
  });

  it('should see what a merge brought into a copy', async () => {
    const base = await withFiles({ 'a.txt': 'A1' });
    const next = await copy(base.pk);
    const source = await withFiles({ 'a.txt': 'A2', 'b.txt': 'B' });
    await http()
      .post(`/v1/datasets/${next.pk}/merge/${source.pk}`)
      .set(authed(token('W')))
      .send({ delete: false })
      .expect(200);
    const response = await get(`/api/datasets/${next.pk}/diff?from=${base.pk}`);
    // The clashing name is kept and the incoming bytes land under the next free name.
    expect(response.body.changes).toEqual([added('a-0001.txt', 'A2'), added('b.txt', 'B')]);
    // The merged-in dataset is another lineage.
    const across = await get(`/api/datasets/${next.pk}/diff?from=${source.pk}`);
    expect(across.status).toBe(400);
    expect(across.body.detail).toMatch(/not versions of one dataset/);
  });

  it('should refuse versions of different lineages, a copy under a new name included', async () => {
    const renamed = await copy(v1.pk, { new_name: `${v1.name}-fork` });
    const response = await get(`/api/datasets/${renamed.pk}/diff?from=${v1.pk}`);
    expect(response.status).toBe(400);
    const other = await withFiles({});
    expect((await get(`/api/datasets/${v1.pk}/diff?from=${other.pk}`)).status).toBe(400);
  });

  it('should refuse bad input: pk not digits, from missing or bad, limit out of range, unknown pks', async () => {
    expect((await http().get(`/api/datasets/x1/diff?from=${v1.pk}`)).status).toBe(404);
    const missing = await get(`/api/datasets/${v2.pk}/diff`);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ from: ['This field is required.'] });
    const bad = await get(`/api/datasets/${v2.pk}/diff?from=1e3`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(['from']);
    expect((await get(`/api/datasets/${v2.pk}/diff?from=0`)).status).toBe(400);
    expect((await get(`/api/datasets/${v2.pk}/diff?from=99999999999`)).status).toBe(400);
    for (const limit of ['0', '10001', '-1', 'ten']) {
      const response = await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}&limit=${limit}`);
      expect(response.status).toBe(400);
      expect(Object.keys(response.body)).toEqual(['limit']);
    }
    expect((await get(`/api/datasets/${v2.pk}/diff?from=2147483647`)).status).toBe(404);
    expect((await get(`/api/datasets/2147483647/diff?from=${v1.pk}`)).status).toBe(404);
  });
});

describe('GET /api/datasets/{pk}/history', () => {
  it('should list every version oldest first, soft-deleted ones with their deletion time', async () => {
    const v1 = await withFiles({ 'a.txt': 'AA', 'b.txt': 'B' });
    const v2 = await copy(v1.pk);
    await upload(testApp, token('W'), v2.pk, 'c.txt', 'CCC').expect(200);
    const v3 = await copy(v2.pk);
    await http()
      .delete(`/v1/datasets/${v3.pk}`)
      .set(authed(token('W')))
      .expect(204);
    // Another lineage of the project, and a fork under another name: not in this history.
    await withFiles({ 'a.txt': 'AA' });
    await copy(v2.pk, { new_name: `${v1.name}-fork` });

    const response = await get(`/api/datasets/${v2.pk}/history`);
    expect(response.status).toBe(200);
    const creator = { pk: cast.actors.W.user!.id, username: cast.actors.W.user!.username };
    expect(response.body).toMatchObject({ project: project.pk, name: v1.name });
    expect(response.body.versions).toMatchObject([
      { pk: v1.pk, version: 1, previous_version: -1, creator, file_count: 2, total_bytes: 3 },
      { pk: v2.pk, version: 2, previous_version: 1, creator, file_count: 3, total_bytes: 6 },
      { pk: v3.pk, version: 3, previous_version: 2, creator, file_count: 3, total_bytes: 6 },
    ]);
    const [first, , last] = response.body.versions;
    expect(first.deletion_time).toBeNull();
    expect(last.deletion_time).toMatch(/Z$/);
    expect(Object.keys(first)).toEqual([
      'pk',
      'version',
      'previous_version',
      'is_public',
      'creator',
      'creation_time',
      'deletion_time',
      'file_count',
      'total_bytes',
    ]);
    // Any version names the same lineage, the soft-deleted one too.
    const fromDeleted = await get(`/api/datasets/${v3.pk}/history`);
    expect(fromDeleted.body).toEqual(response.body);
  });

  it('should show a caller outside the team only the public versions', async () => {
    const v1 = await withFiles({ 'p.txt': 'P' }, { is_public: true });
    const v2 = await copy(v1.pk);
    await http()
      .patch(`/v1/datasets/${v2.pk}`)
      .set(authed(token('W')))
      .send({ is_public: false })
      .expect(200);
    const pks = async (role: Role, pk: number) =>
      ((await get(`/api/datasets/${pk}/history`, role)).body.versions as { pk: number }[]).map(
        (version) => version.pk,
      );
    expect(await pks('anonymous', v1.pk)).toEqual([v1.pk]);
    expect(await pks('outsider', v1.pk)).toEqual([v1.pk]);
    expect(await pks('R', v1.pk)).toEqual([v1.pk, v2.pk]);
    expect(await pks('admin', v1.pk)).toEqual([v1.pk, v2.pk]);
    expect((await get(`/api/datasets/${v2.pk}/history`, 'anonymous')).status).toBe(401);
    expect((await get(`/api/datasets/${v2.pk}/history`, 'outsider')).status).toBe(403);
    // A diff needs both versions readable.
    expect((await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}`, 'anonymous')).status).toBe(401);
    expect((await get(`/api/datasets/${v1.pk}/diff?from=${v2.pk}`, 'outsider')).status).toBe(403);
    expect((await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}`, 'R')).status).toBe(200);
  });

  it('should refuse a pk that is not digits and an unknown one', async () => {
    expect((await http().get('/api/datasets/abc/history')).status).toBe(404);
    expect((await get('/api/datasets/2147483647/history')).status).toBe(404);
  });
});

describe('authorisation of both routes on a private dataset', () => {
  const EXPECTED: Record<Role, number> = {
    anonymous: 401,
    outsider: 403,
    R: 200,
    X: 200,
    W: 200,
    A: 200,
    admin: 200,
  };

  it.each(ROLES)('should answer %s as GET /v1/datasets/{pk} does', async (role) => {
    const v1 = await withFiles({ 'f.txt': 'F' });
    const v2 = await copy(v1.pk);
    const v1Answer = await http()
      .get(`/v1/datasets/${v1.pk}`)
      .set(authed(token(role)));
    expect(v1Answer.status).toBe(EXPECTED[role]);
    expect((await get(`/api/datasets/${v1.pk}/history`, role)).status).toBe(EXPECTED[role]);
    expect((await get(`/api/datasets/${v2.pk}/diff?from=${v1.pk}`, role)).status).toBe(
      EXPECTED[role],
    );
  });

  it('should refuse a bad token even where anonymous callers may read', async () => {
    const open = await withFiles({}, { is_public: true });
    const response = await http()
      .get(`/api/datasets/${open.pk}/history`)
      .set(authed('not-a-token'));
    expect(response.status).toBe(401);
  });
});
