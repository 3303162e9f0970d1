import { createHash } from 'node:crypto';
import request from 'supertest';
import yazl from 'yazl';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, MIT, upload } from '../utils/datasets.js';
import {
  allowed,
  authed,
  createCast,
  createProject,
  createTeam,
  ROLES,
  unique,
  type Cast,
  type Role,
} from '../utils/fixtures.js';

/**
 * Every dataset, file and metadata route of /v1, called by every role on a private dataset,
 * and the read routes on a public one: pins who may do what (spec 6.1 with Part A 7-9).
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Context {
  project: number;
  dataset: number;
  publicDataset: number;
}

interface RouteCase {
  name: string;
  method: Method;
  path: (context: Context) => string;
  body?: object | Buffer;
  headers?: Record<string, string>;
  expect: Partial<Record<Role, number>>;
  otherwise: number;
}

const FILE = 'f.txt';
const HANDLE = createHash('sha256').update('file content').digest('hex');

const UPLOAD_HEADERS = {
  'Content-Type': 'application/data',
  'Content-Disposition': 'attachment; filename=data',
};

function tinyZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('zipped'), 'zipped.txt');
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('/v1/datasets authorisation matrix (every route, every role)', () => {
  let testApp: TestApp;
  let cast: Cast;
  let zip: Buffer;
  const http = () => request(testApp.app.getHttpServer());

  const routes = (): RouteCase[] => [
    {
      name: 'list',
      method: 'post',
      path: () => '/v1/datasets/list',
      expect: allowed.everyone(200),
      otherwise: 200,
    },
    {
      name: 'create',
      method: 'post',
      path: () => '/v1/datasets/create',
      body: { name: unique('new'), project: 0, licence: MIT, tags: '' },
      expect: allowed.writers(201),
      otherwise: 403,
    },
    {
      name: 'retrieve',
      method: 'get',
      path: (c) => `/v1/datasets/${c.dataset}`,
      expect: allowed.members(200),
      otherwise: 403,
    },
    {
      name: 'retrieve (public)',
      method: 'get',
      path: (c) => `/v1/datasets/${c.publicDataset}`,
      expect: allowed.everyone(200),
      otherwise: 200,
    },
    {
      name: 'update',
      method: 'put',
      path: (c) => `/v1/datasets/${c.dataset}`,
      body: { name: unique('renamed'), project: 0, licence: MIT, tags: 'x' },
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'partial_update',
      method: 'patch',
      path: (c) => `/v1/datasets/${c.dataset}`,
      body: { tags: 'patched' },
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'partial_update (public)',
      method: 'patch',
      path: (c) => `/v1/datasets/${c.publicDataset}`,
      body: { tags: 'patched' },
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'add_file',
      method: 'post',
      path: (c) => `/v1/datasets/${c.dataset}/files/new.txt`,
      body: Buffer.from('new'),
      headers: UPLOAD_HEADERS,
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'add_files (zip)',
      method: 'post',
      path: (c) => `/v1/datasets/${c.dataset}/files-multi`,
      body: Buffer.alloc(0), // replaced by the zip at run time
      headers: UPLOAD_HEADERS,
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'get_file',
      method: 'get',
      path: (c) => `/v1/datasets/${c.dataset}/files/${FILE}`,
      expect: allowed.members(200),
      otherwise: 403,
    },
    {
      name: 'get_file (public)',
      method: 'get',
      path: (c) => `/v1/datasets/${c.publicDataset}/files/${FILE}`,
      expect: allowed.everyone(200),
      otherwise: 200,
    },
    {
      name: 'get_file_by_handle',
      method: 'get',
      path: (c) => `/v1/datasets/${c.dataset}/file-handles/${HANDLE}`,
      expect: allowed.members(200),
      otherwise: 403,
    },
    {
      name: 'delete_file',
      method: 'delete',
      path: (c) => `/v1/datasets/${c.dataset}/files/${FILE}`,
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'set_metadata',
      method: 'post',
      path: (c) => `/v1/datasets/${c.dataset}/metadata/${FILE}`,
      body: { metadata: 'm' },
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'get_metadata',
      method: 'get',
      path: (c) => `/v1/datasets/${c.dataset}/metadata/${FILE}`,
      expect: allowed.members(200),
      otherwise: 403,
    },
    {
      name: 'get_all_metadata',
      method: 'get',
      path: (c) => `/v1/datasets/${c.dataset}/metadata`,
      expect: allowed.members(200),
      otherwise: 403,
    },
    {
      name: 'destroy',
      method: 'delete',
      path: (c) => `/v1/datasets/${c.dataset}`,
      expect: allowed.writers(204),
      otherwise: 403,
    },
    {
      name: 'hard_delete',
      method: 'delete',
      path: (c) => `/v1/datasets/${c.dataset}/hard`,
      expect: allowed.siteAdmins(200),
      otherwise: 403,
    },
    {
      name: 'reinstate',
      method: 'delete',
      path: (c) => `/v1/datasets/${c.dataset}/reinstate`,
      expect: allowed.siteAdmins(200),
      otherwise: 403,
    },
    {
      name: 'clear',
      method: 'delete',
      path: (c) => `/v1/datasets/${c.dataset}/clear`,
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'copy',
      method: 'post',
      path: (c) => `/v1/datasets/${c.dataset}/copy`,
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'copy (public source)',
      method: 'post',
      path: (c) => `/v1/datasets/${c.publicDataset}/copy`,
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'merge',
      method: 'post',
      path: (c) => `/v1/datasets/${c.dataset}/merge/${c.publicDataset}`,
      body: { delete: false },
      expect: allowed.writers(200),
      otherwise: 403,
    },
    {
      name: 'download',
      method: 'post',
      path: (c) => `/v1/datasets/${c.dataset}/download`,
      expect: allowed.members(200),
      otherwise: 403,
    },
    {
      name: 'download (public)',
      method: 'post',
      path: (c) => `/v1/datasets/${c.publicDataset}/download`,
      expect: allowed.everyone(200),
      otherwise: 200,
    },
    {
      name: 'get_all_metadata (public)',
      method: 'get',
      path: (c) => `/v1/datasets/${c.publicDataset}/metadata`,
      expect: allowed.everyone(200),
      otherwise: 200,
    },
  ];

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    zip = await tinyZip();
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function freshContext(): Promise<Context> {
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk);
    const dataset = await createDataset(testApp, cast.admin, project.pk);
    const publicDataset = await createDataset(testApp, cast.admin, project.pk, { is_public: true });
    for (const pk of [dataset.pk, publicDataset.pk]) {
      await upload(testApp, cast.admin, pk, FILE, 'file content').expect(200);
    }
    return { project: project.pk, dataset: dataset.pk, publicDataset: publicDataset.pk };
  }

  describe.each(routes())('$name', (route) => {
    // Reads (the POST list and download too) change nothing, so every role may share one
    // dataset: the matrix then takes about half the time.
    const readOnly = route.method === 'get' || /^(list|download)\b/.test(route.name);
    let shared: Promise<Context> | undefined;
    it.each(ROLES.map((role) => [role]))('as %s', async (role) => {
      const context = readOnly ? await (shared ??= freshContext()) : await freshContext();
      const expected = route.expect[role] ?? route.otherwise;
      let call = http()[route.method](route.path(context)).set(authed(cast.actors[role].token));
      if (route.headers) {
        call = call.set(route.headers);
      }
      if (Buffer.isBuffer(route.body)) {
        call = call.send(route.name.startsWith('add_files') ? zip : route.body);
      } else if (route.body) {
        const body: Record<string, unknown> = { ...route.body };
        if ('project' in body) {
          body.project = context.project;
        }
        call = call.send(body);
      }
      const response = await call;
      expect({ role, status: response.status, body: response.body }).toMatchObject({
        role,
        status: expected,
      });
      if (role !== 'anonymous') {
        expect(response.status).not.toBe(401);
      }
      if (expected === 403 || expected === 401) {
        // A refused write changed nothing.
        const after = await http().get(`/v1/datasets/${context.dataset}`).set(authed(cast.admin));
        expect(after.body.files).toEqual({ [FILE]: HANDLE });
        expect(after.body.tags).toBe('');
      }
    });
  });
});
