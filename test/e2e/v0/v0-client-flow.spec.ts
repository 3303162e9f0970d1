import { createHash } from 'node:crypto';
import type http from 'node:http';
import { SourcesService } from '../../../src/modules/sources/sources.service.js';
import { eventually } from '../../utils/eventually.js';
import { createCast, createTeam, type Cast } from '../../utils/fixtures.js';
import { multipartBody, type FormPart } from '../../utils/multipart.js';
import { listen, rawRequest, type RawResponse } from '../../utils/raw-http.js';
import { sql } from '../../utils/sql.js';
import { startSourceServer, type SourceServer } from '../../utils/source-server.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { teamSlug } from '../../utils/v0.js';
import { buildZip, storedEntry } from '../../utils/zip-bytes.js';
import { unzip } from '../../utils/zip-read.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * data.world's Python client (`datadotworld` 2.0.0) replayed on the wire, one call after another
 * on one dataset: the requests carry exactly the headers, bodies, path and query encodings that
 * client's generated REST layer (urllib3) and its `requests`-based helpers send, and each answer
 * is checked for what the client reads from it, where a null, a missing header, another status
 * or a timestamp without milliseconds would make it fail.
 */

const USER_AGENT = 'data.world-py - 2.0.0';
/** The client's own check on owners and ids (`parse_dataset_key`). */
const CLIENT_ID = /^[a-z0-9-]+$/;
/**
 * `datetime.strptime(updated, '%Y-%m-%dT%H:%M:%S.%fZ')`, as `load_dataset` parses it (`%f` takes
 * 1-6 digits; the contract says milliseconds).
 */
const PY_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Python's `quote(value, safe='')`: everything but unreserved characters is escaped. */
const pyQuote = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** Python's `json.dumps` defaults: `, ` and `: ` separators, non-ASCII as `\uXXXX`. */
function pyJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(pyJson).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pyJson(key)}: ${pyJson(item)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

let testApp: TestApp;
let cast: Cast;
let sources: SourcesService;
let source: SourceServer;
let token: string;
let owner: string;
const server = () => testApp.app.getHttpServer() as http.Server;

/** A long-lived API token of the actor's, asked for with data.world's scope names. */
const apiToken = (jwt: string | undefined, scopes: string[]) => mintApiToken(testApp, jwt, scopes);

/**
 * One call of the generated client (`RestApiClient` over urllib3): `Content-Type:
 * application/json` on every request; a JSON body only when the model has fields set, else
 * POST/PUT/PATCH go out with `Content-Length: 0` and GET/DELETE with no length at all; query
 * tuples form-encoded (`name=a&name=b`, spaces as `+`, Python booleans as `True`).
 */
function api(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { json?: unknown; query?: [string, string][]; bearer?: string } = {},
): Promise<RawResponse> {
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return rawRequest(server(), {
    method,
    path: `/v0${path}${query}`,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
      Authorization: `Bearer ${options.bearer ?? token}`,
    },
    body: hasBody ? (options.json === undefined ? '' : pyJson(options.json)) : undefined,
  });
}

/** What the client's `requests.get` helpers send (data package, `open_remote_file` read). */
const plainGet = (path: string) =>
  rawRequest(server(), {
    method: 'GET',
    path,
    headers: {
      'User-Agent': USER_AGENT,
      Authorization: `Bearer ${token}`,
      Accept: '*/*',
      'Accept-Encoding': 'gzip, deflate',
    },
  });

/**
 * `upload_files`: urllib3 encodes the parts (all named `file`, raw UTF-8 filenames, the type
 * `mimetypes` guesses) and replaces the JSON type with its own multipart one.
 */
function postParts(path: string, parts: FormPart[], query = '') {
  const body = multipartBody(parts);
  const boundary = /^--([^\r]+)\r\n/.exec(body.toString('latin1'))![1];
  return rawRequest(server(), {
    method: 'POST',
    path: `/v0${path}${query}`,
    headers: {
      Accept: 'application/json',
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'User-Agent': USER_AGENT,
      Authorization: `Bearer ${token}`,
    },
    body,
  });
}

/** Asserts a 2xx the client accepts and returns the JSON it deserialises. */
function ok(response: RawResponse): Record<string, unknown> {
  expect([response.status, response.text]).toEqual([200, expect.any(String)]);
  return JSON.parse(response.text) as Record<string, unknown>;
}

/** The required (non-null) fields of the client's models, with their Python types. */
function expectClientDataset(body: Record<string, unknown>) {
  for (const field of ['owner', 'id', 'title', 'visibility', 'accessLevel', 'status', 'version']) {
    expect([field, typeof body[field]]).toEqual([field, 'string']);
  }
  expect(body.isProject).toBe(false);
  expect(body.owner).toMatch(CLIENT_ID);
  expect(body.id).toMatch(CLIENT_ID);
  expect(body.created).toMatch(PY_TIMESTAMP);
  expect(body.updated).toMatch(PY_TIMESTAMP);
  const files = (body.files ?? []) as Record<string, unknown>[];
  for (const file of files) {
    expect(typeof file.name).toBe('string');
    expect(file.created).toMatch(PY_TIMESTAMP);
    expect(file.updated).toMatch(PY_TIMESTAMP);
    if (file.sizeInBytes !== undefined) {
      expect(Number.isInteger(file.sizeInBytes)).toBe(true);
    }
    if (file.source !== undefined) {
      const source = file.source as Record<string, unknown>;
      expect(typeof source.syncStatus).toBe('string');
    }
  }
}

beforeAll(async () => {
  // A short fetch timeout keeps the Retry-After of a running sync within a test's patience.
  testApp = await createTestApp({
    env: { SOURCES_ALLOW_PRIVATE: 'true', SOURCES_FETCH_TIMEOUT: '5' },
  });
  await listen(server());
  cast = await createCast(testApp);
  sources = testApp.app.get(SourcesService);
  source = await startSourceServer();
  const team = await createTeam(testApp, cast);
  owner = await teamSlug(testApp, team.pk);
  token = await apiToken(cast.actors.A.token, [
    'user_api_read',
    'user_api_write',
    'user_api_admin',
  ]);
});

afterAll(async () => {
  await source.close();
  await testApp.close();
});

describe('datadotworld 2.0.0, one dataset from create to delete', () => {
  const remoteCsv = 'city,people\nLyon,513275\nNantes,320732\n';
  let id: string;
  let path: string;

  const getDataset = async () => {
    const body = ok(await api('GET', path));
    expectClientDataset(body);
    return body;
  };
  const fileNames = async () =>
    ((await getDataset()).files as { name: string }[] | undefined)?.map((f) => f.name).sort() ?? [];
  const datasetPk = async () => {
    const rows = await sql<{ id: number }>(
      testApp.database,
      `SELECT d.id FROM datasets d JOIN teams t ON t.id = d.team_id
        WHERE t.slug = $1 AND d.slug = $2 AND d.deletion_time IS NULL
        ORDER BY d.version DESC, d.id DESC LIMIT 1`,
      [owner, id],
    );
    return rows[0].id;
  };
  /** No fetch of the dataset queued or running any more. */
  const settled = async () => {
    const pk = await datasetPk();
    await eventually(
      async () => (await sources.listSources(pk)).every((view) => !view.syncPending),
      20_000,
    );
  };
  const fetched = (name: string) =>
    eventually(async () => {
      const files = ((await getDataset()).files ?? []) as { name: string; source?: unknown }[];
      const file = files.find((f) => f.name === name);
      return (file?.source as { syncStatus?: string } | undefined)?.syncStatus === 'OK';
    }, 20_000);

  beforeAll(() => {
    source.route('/cities.csv', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv' }).end(remoteCsv);
    });
  });

  it('get_user_data: GET /v0/user answers the caller with id, created and updated', async () => {
    const user = ok(await api('GET', '/user'));
    expect(user.id).toBe(cast.actors.A.user!.username);
    expect(user.created).toMatch(PY_TIMESTAMP);
    expect(user.updated).toMatch(PY_TIMESTAMP);
  });

  it('create_dataset: 200 with a uri, and a Location header the client returns', async () => {
    const response = await api('POST', `/datasets/${pyQuote(owner)}`, {
      json: {
        title: 'Client Flow Cities',
        visibility: 'PRIVATE',
        description: 'French cities',
        tags: ['cities', 'france'],
        license: 'CC-BY',
        files: [
          {
            name: 'cities.csv',
            source: { url: source.url('/cities.csv'), expandArchive: false },
            description: 'Population',
            labels: ['raw data'],
          },
        ],
      },
    });
    const body = ok(response);
    expect(typeof body.message).toBe('string');
    expect(typeof body.uri).toBe('string');
    expect(response.headers.location).toBe(body.uri);
    // The client hands Location back to its caller, who passes it on as a dataset key.
    const key = /^https?:\/\/[^/]+\/(?:v0\/datasets\/)?([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(
      body.uri as string,
    );
    expect(key?.[1]).toBe(owner);
    id = key![2];
    expect(id).toMatch(CLIENT_ID);
    expect(id.length).toBeGreaterThanOrEqual(3);
    path = `/datasets/${pyQuote(owner)}/${pyQuote(id)}`;
  });

  it('get_dataset: every field the client requires is there, files fetched in the background', async () => {
    await fetched('cities.csv');
    const body = await getDataset();
    expect(body).toMatchObject({
      owner,
      id,
      title: 'Client Flow Cities',
      visibility: 'PRIVATE',
      accessLevel: 'ADMIN',
      status: 'LOADED',
      version: expect.stringMatching(/^\d+$/),
      description: 'French cities',
      tags: ['cities', 'france'],
      license: 'CC-BY',
    });
    expect(body.files).toEqual([
      expect.objectContaining({
        name: 'cities.csv',
        sizeInBytes: Buffer.byteLength(remoteCsv),
        description: 'Population',
        labels: ['raw data'],
        source: expect.objectContaining({ url: source.url('/cities.csv'), syncStatus: 'OK' }),
      }),
    ]);
  });

  it('update_dataset: PATCH with the changed fields, and an empty PATCH, both 200', async () => {
    ok(await api('PATCH', path, { json: { description: 'Big French cities', tags: ['towns'] } }));
    // update_dataset() with nothing to change: a model without fields, sent as no body at all.
    ok(await api('PATCH', path));
    const body = await getDataset();
    expect(body).toMatchObject({
      title: 'Client Flow Cities',
      description: 'Big French cities',
      tags: ['towns'],
      license: 'CC-BY',
    });
  });

  it('replace_dataset: PUT with title and visibility makes a new version under the same id', async () => {
    const before = await getDataset();
    ok(
      await api('PUT', path, {
        json: { title: 'Client Flow Towns', visibility: 'OPEN', summary: '# Towns' },
      }),
    );
    const body = await getDataset();
    expect(body).toMatchObject({
      id,
      title: 'Client Flow Towns',
      visibility: 'OPEN',
      summary: '# Towns',
      license: 'Other',
      tags: [],
    });
    expect(Number(body.version)).toBe(Number(before.version) + 1);
    // replace_dataset never sends files: the new version has none.
    expect(body.files ?? []).toEqual([]);
  });

  it('a PUT without a body (Content-Length: 0, JSON type) is a field error, never 400 or 500', async () => {
    const response = await api('PUT', path);
    expect(response.status).toBe(422);
    expect(JSON.parse(response.text)).toEqual({ code: 422, message: expect.any(String) });
  });

  it('add_files_via_url: POST files with sources, fetched in the background', async () => {
    ok(
      await api('POST', `${path}/files`, {
        json: {
          files: [
            {
              name: 'cities.csv',
              source: { url: source.url('/cities.csv'), expandArchive: false },
              description: 'Population again',
              labels: ['clean data'],
            },
          ],
        },
      }),
    );
    await fetched('cities.csv');
    expect(await fileNames()).toEqual(['cities.csv']);
  });

  it('sync_files: POST and GET /sync (bodiless, JSON type) are 200', async () => {
    ok(await api('POST', `${path}/sync`));
    await settled();
    ok(await api('GET', `${path}/sync`));
    await settled();
    await fetched('cities.csv');
  });

  it('the retry rule: a GET refused with 429 waits out Retry-After (whole seconds) and succeeds', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    source.route('/cities.csv', (_req, res) => {
      void held.then(() => res.writeHead(200, { 'Content-Type': 'text/csv' }).end(remoteCsv));
    });
    ok(await api('POST', `${path}/sync`));
    await eventually(
      async () =>
        (await sources.listSources(await datasetPk())).some((s) => s.syncStatus === 'INPROGRESS'),
      20_000,
    );
    const refused = await api('GET', `${path}/sync`);
    expect(refused.status).toBe(429);
    const wait = refused.headers['retry-after'];
    expect(wait).toMatch(/^\d+$/);
    expect(Number(wait)).toBeGreaterThanOrEqual(1);
    release();
    // urllib3's Retry(3): GET, PUT and DELETE wait Retry-After and try again, three times.
    let response = refused;
    for (let retry = 0; retry < 3 && response.status === 429; retry += 1) {
      await new Promise((resume) =>
        setTimeout(resume, Number(response.headers['retry-after']) * 1000),
      );
      response = await api('GET', `${path}/sync`);
    }
    expect(response.status).toBe(200);
    await settled();
    await fetched('cities.csv');
  }, 60_000);

  it('upload_files: multipart parts named file, raw UTF-8 filenames, guessed types', async () => {
    const response = await postParts(`/uploads/${pyQuote(owner)}/${pyQuote(id)}/files`, [
      { filename: 'notes.txt', type: 'text/plain', content: 'Some notes\n' },
      { filename: 'données été.csv', type: 'text/csv', content: 'a,b\n1,2\n' },
    ]);
    ok(response);
    expect(await fileNames()).toEqual(['cities.csv', 'données été.csv', 'notes.txt']);
  });

  it('upload_files(expand_archives=True): ?expandArchives=True stores the zip entries', async () => {
    const zip = buildZip([
      storedEntry('inner/a.csv', 'x,y\n1,2\n'),
      storedEntry('b.json', '{"k": 1}'),
    ]);
    const response = await postParts(
      `/uploads/${pyQuote(owner)}/${pyQuote(id)}/files`,
      [{ filename: 'bundle.zip', type: 'application/zip', content: zip }],
      '?expandArchives=True',
    );
    ok(response);
    const names = await fileNames();
    expect(names).toEqual(expect.arrayContaining(['inner/a.csv', 'b.json']));
    expect(names).not.toContain('bundle.zip');
  });

  it('upload_file: the generated client sends an empty PUT with a JSON type; 200, an empty file', async () => {
    // FilesApi.upload_file picks application/json from ['application/octet-stream', '*/*'] and
    // has no body to send: the file is named but empty.
    ok(
      await api('PUT', `/uploads/${pyQuote(owner)}/${pyQuote(id)}/files/${pyQuote('empty.csv')}`, {
        query: [['expandArchive', 'False']],
      }),
    );
    // The client's `name` is a local path, quoted whole: `/` arrives as %2F.
    ok(
      await api(
        'PUT',
        `/uploads/${pyQuote(owner)}/${pyQuote(id)}/files/${pyQuote('/tmp/data/example.csv')}`,
      ),
    );
    const files = (await getDataset()).files as { name: string; sizeInBytes?: number }[];
    expect(files.find((f) => f.name === 'empty.csv')).toMatchObject({ sizeInBytes: 0 });
    expect(files.find((f) => f.name.endsWith('data/example.csv'))).toMatchObject({
      sizeInBytes: 0,
    });
  });

  it('open_remote_file(mode="w"): chunked PUT, no Content-Type, a literal / in the name', async () => {
    const written = 'line one\nligne deux é\n';
    const response = await rawRequest(server(), {
      method: 'PUT',
      path: `/v0/uploads/${owner}/${id}/files/reports/written.txt`,
      headers: { 'User-Agent': USER_AGENT, Authorization: `Bearer ${token}` },
      body: Buffer.from(written),
      chunked: true,
    });
    ok(response);
    const files = (await getDataset()).files as { name: string; sizeInBytes?: number }[];
    expect(files.find((f) => f.name === 'reports/written.txt')).toMatchObject({
      sizeInBytes: Buffer.byteLength(written),
    });
  });

  it('open_remote_file(mode="w") closed unwritten: an empty chunked PUT stores an empty file', async () => {
    const response = await rawRequest(server(), {
      method: 'PUT',
      path: `/v0/uploads/${owner}/${id}/files/unwritten.txt`,
      headers: { 'User-Agent': USER_AGENT, Authorization: `Bearer ${token}` },
      body: Buffer.alloc(0),
      chunked: true,
    });
    ok(response);
    const files = (await getDataset()).files as { name: string; sizeInBytes?: number }[];
    expect(files.find((f) => f.name === 'unwritten.txt')).toMatchObject({ sizeInBytes: 0 });
  });

  it('upload_file(expand_archive=True): ?expandArchive=True on the raw PUT stores the entries', async () => {
    const response = await rawRequest(server(), {
      method: 'PUT',
      path: `/v0/uploads/${owner}/${id}/files/more.zip?expandArchive=True`,
      headers: { 'User-Agent': USER_AGENT, Authorization: `Bearer ${token}` },
      body: buildZip([storedEntry('from-zip.csv', 'q\n1\n')]),
      chunked: true,
    });
    ok(response);
    const names = await fileNames();
    expect(names).toContain('from-zip.csv');
    expect(names).not.toContain('more.zip');
  });

  it('a token asked for with user_api_read reads through the client but cannot write', async () => {
    const reader = await apiToken(cast.actors.A.token, ['user_api_read']);
    expect((await api('GET', path, { bearer: reader })).status).toBe(200);
    const refused = await api('PATCH', path, { bearer: reader, json: { description: 'no' } });
    expect([refused.status, JSON.parse(refused.text).code]).toEqual([403, 403]);
    expect((await api('DELETE', path, { bearer: reader })).status).toBe(403);
    expect((await getDataset()).description).not.toBe('no');
  });

  it('open_remote_file(mode="r"): GET {query host}/file_download/{o}/{i}/{file}, no /v0', async () => {
    const response = await plainGet(`/file_download/${owner}/${id}/reports/written.txt`);
    expect(response.status).toBe(200);
    expect(response.bytes.toString()).toBe('line one\nligne deux é\n');
    const csv = await plainGet(`/file_download/${owner}/${id}/cities.csv`);
    expect([csv.status, csv.text]).toEqual([200, remoteCsv]);
  });

  it('download_file / download_dataset: GET /v0/file_download (name quoted) and /v0/download', async () => {
    const file = await api(
      'GET',
      `/file_download/${pyQuote(owner)}/${pyQuote(id)}/${pyQuote('reports/written.txt')}`,
    );
    expect([file.status, file.text]).toEqual([200, 'line one\nligne deux é\n']);
    const zip = await api('GET', `/download/${pyQuote(owner)}/${pyQuote(id)}`);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toMatch(/^application\/zip/);
    const names = (await unzip(zip.bytes)).map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['cities.csv', 'reports/written.txt']));
  });

  it('load_dataset: GET /datapackage/{o}/{i}, {o}-{i}/datapackage.json describes every file', async () => {
    const response = await plainGet(`/datapackage/${owner}/${id}`);
    expect(response.status).toBe(200);
    const entries = new Map(await unzip(response.bytes));
    const prefix = `${owner}-${id}/`;
    const descriptor = entries.get(`${prefix}datapackage.json`);
    expect(descriptor).toBeDefined();
    const pack = JSON.parse(descriptor!.toString()) as {
      name: string;
      resources: {
        name: string;
        path: string;
        bytes: number;
        hash: string;
        schema?: { fields: { name: string }[] };
      }[];
    };
    // LocalDataset indexes resources by name: unique, and in Frictionless' alphabet.
    const FRICTIONLESS_NAME = /^[-a-z0-9._/]+$/;
    expect(pack.name).toMatch(FRICTIONLESS_NAME);
    const resourceNames = pack.resources.map((r) => r.name);
    resourceNames.forEach((name) => expect(name).toMatch(FRICTIONLESS_NAME));
    expect(new Set(resourceNames).size).toBe(resourceNames.length);
    expect(pack.resources.find((r) => r.path === 'data/cities.csv')?.schema?.fields).toEqual([
      expect.objectContaining({ name: 'city' }),
      expect.objectContaining({ name: 'people' }),
    ]);
    const names = await fileNames();
    expect(pack.resources.map((r) => r.path).sort()).toEqual(names.map((n) => `data/${n}`).sort());
    for (const resource of pack.resources) {
      const data = entries.get(`${prefix}${resource.path}`);
      expect([resource.path, data !== undefined]).toEqual([resource.path, true]);
      expect(resource.bytes).toBe(data!.length);
      expect(resource.hash).toBe(`sha256:${sha256(data!)}`);
    }
    // The client finds the descriptor with a glob one folder down: nothing may sit at the top.
    expect([...entries.keys()].every((name) => name.startsWith(prefix))).toBe(true);
  });

  it('delete_files: DELETE .../files?name=a&name=b, form-encoded (+ for a space)', async () => {
    ok(
      await api('DELETE', `${path}/files`, {
        query: [
          ['name', 'notes.txt'],
          ['name', 'données été.csv'],
        ],
      }),
    );
    const names = await fileNames();
    expect(names).not.toContain('notes.txt');
    expect(names).not.toContain('données été.csv');
    expect(names).toContain('cities.csv');
  });

  it('fetch_datasets / contributing / liked: pages of limit, followed by next until none is left', async () => {
    // Two more datasets in the team, so that paging by one takes three pages.
    for (const title of ['Client Flow Second', 'Client Flow Third']) {
      ok(await api('POST', `/datasets/${owner}`, { json: { title, visibility: 'PRIVATE' } }));
    }
    const walk = async (list: string, bearer = token) => {
      const seen: string[] = [];
      let next: string | undefined;
      for (let page = 0; page < 50; page += 1) {
        const query: [string, string][] = [['limit', '1']];
        if (next !== undefined) {
          query.push(['next', next]);
        }
        const body = ok(await api('GET', list, { query, bearer }));
        const records = body.records as Record<string, unknown>[];
        expect(body.count).toBe(records.length);
        records.forEach(expectClientDataset);
        seen.push(...records.map((r) => `${r.owner as string}/${r.id as string}`));
        next = body.nextPageToken as string | undefined;
        if (next === undefined || next === null) {
          return seen;
        }
      }
      throw new Error(`${list} never ran out of pages`);
    };
    const own = await walk('/user/datasets/own');
    expect(own.filter((key) => key.startsWith(`${owner}/`))).toHaveLength(3);
    expect(own).toContain(`${owner}/${id}`);
    expect(new Set(own).size).toBe(own.length);
    expect(await walk(`/datasets/${owner}`)).toHaveLength(3);
    // The token's user is A here, not W: nothing of this team is "contributing".
    expect((await walk('/user/datasets/contributing')).filter((k) => k.startsWith(owner))).toEqual(
      [],
    );
    expect(await walk('/user/datasets/liked')).toEqual([]);
    // The team's W member contributes to all three.
    const contributor = await apiToken(cast.actors.W.token, ['user_api_read']);
    const contributing = await walk('/user/datasets/contributing', contributor);
    expect(contributing.filter((key) => key.startsWith(`${owner}/`))).toHaveLength(3);
  });

  it('delete_dataset: DELETE is 200, then the dataset is 404 in {code, message}', async () => {
    ok(await api('DELETE', path));
    const gone = await api('GET', path);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toMatchObject({ code: 404, message: expect.any(String) });
  });
});

describe('datadotworld 2.0.0 reading a dataset whose sourced file is still being fetched', () => {
  it('get_dataset: the unfetched file has every field the client requires, and no size', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    source.route('/slow.csv', (_req, res) => {
      void held.then(() => res.writeHead(200, { 'Content-Type': 'text/csv' }).end('a\n1\n'));
    });
    const created = ok(
      await api('POST', `/datasets/${owner}`, {
        json: {
          title: 'Client Flow Pending',
          visibility: 'PRIVATE',
          files: [{ name: 'slow.csv', source: { url: source.url('/slow.csv') } }],
        },
      }),
    );
    const path = new URL(created.uri as string).pathname.replace(/^\/v0/, '');
    try {
      const body = ok(await api('GET', path));
      expectClientDataset(body);
      expect(['NEW', 'INPROGRESS']).toContain(body.status);
      const [file] = body.files as Record<string, unknown>[];
      expect(file.name).toBe('slow.csv');
      expect(file.sizeInBytes).toBeUndefined();
      expect(['NEW', 'INPROGRESS']).toContain((file.source as { syncStatus: string }).syncStatus);
    } finally {
      release();
    }
  });
});
