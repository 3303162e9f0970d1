import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataPackageResource } from '../../../src/modules/dataworld/v0/data-package.js';
import { SourcesService } from '../../../src/modules/sources/sources.service.js';
import { upload } from '../../utils/datasets.js';
import { createCast, type Cast, type Role } from '../../utils/fixtures.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { authed, v0Dataset, type V0Dataset } from '../../utils/v0.js';
import { unzip } from '../../utils/zip-read.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * data.world's read side: the zip of a dataset (`/v0/download`), one file's bytes
 * (`/v0/file_download`, also `/file_download` as the Python client's query host asks), and the
 * Frictionless data package `load_dataset` reads (`/datapackage`), over files put in through /v1.
 */

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let testApp: TestApp;
let cast: Cast;
const http = () => request(testApp.app.getHttpServer());
const token = (role: Role) => cast.actors[role].token;

/** A GET whose body is kept as bytes, whatever its type. */
const getBytes = (path: string, bearer: string | undefined) =>
  http()
    .get(path)
    .set(authed(bearer))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

const CSV = Buffer.from('city,"pop, total",Code\r\nOslo,700000,no\nBergen,285000,no\n');
const CONTENTS: [string, Buffer][] = [
  ['cities.csv', CSV],
  ['notes/read me.txt', Buffer.from('spaces and a folder')],
  ['image.png', randomBytes(50_000)],
  ['empty.bin', Buffer.alloc(0)],
  ['Cities.CSV', Buffer.from('only,header')],
  ['LICENSE', Buffer.from('no extension')],
];

/** A dataset (through /v1) holding CONTENTS, uploaded through /v1 by a writer. */
async function populated(fields: { is_public?: boolean; description?: string } = {}) {
  const dataset = await v0Dataset(testApp, cast, fields);
  for (const [name, bytes] of CONTENTS) {
    await upload(testApp, token('W'), dataset.pk, name, bytes).expect(200);
  }
  return dataset;
}

/** A long-lived API token of `role`'s user, capped to these scopes. */
const apiToken = (role: Role, scopes: string[]) => mintApiToken(testApp, token(role), scopes);

beforeAll(async () => {
  testApp = await createTestApp();
  cast = await createCast(testApp);
});

afterAll(async () => {
  await testApp.close();
});

describe('GET /v0/download/{owner}/{id}', () => {
  let dataset: V0Dataset;

  beforeAll(async () => {
    dataset = await populated();
  });

  it('should answer a zip of every file uploaded through /v1, at its name', async () => {
    const response = await getBytes(`/v0/download/${dataset.owner}/${dataset.id}`, token('R'))
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${dataset.id}.zip"`,
    );
    const body = response.body as Buffer;
    expect(response.headers['content-length']).toBe(String(body.length));
    expect(response.headers.etag).toMatch(/^"z1-/);
    const entries = await unzip(body);
    expect(entries.map(([name, bytes]) => [name, sha256(bytes)])).toEqual(
      CONTENTS.map(([name, bytes]) => [name, sha256(bytes)]),
    );
  });

  it('should answer HEAD with the headers only', async () => {
    const response = await http()
      .head(`/v0/download/${dataset.owner}/${dataset.id}`)
      .set(authed(token('R')))
      .expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(Number(response.headers['content-length'])).toBeGreaterThan(50_000);
    expect(response.text ?? '').toBe('');
  });

  it('should answer an empty zip for a dataset without files', async () => {
    const empty = await v0Dataset(testApp, cast);
    const response = await getBytes(`/v0/download/${empty.owner}/${empty.id}`, token('R')).expect(
      200,
    );
    expect(response.headers['content-type']).toBe('application/zip');
    expect(await unzip(response.body as Buffer)).toEqual([]);
  });

  it('should show a file uploaded through /v1 in the next /v0 zip', async () => {
    const fresh = await v0Dataset(testApp, cast);
    const path = `/v0/download/${fresh.owner}/${fresh.id}`;
    expect(await unzip((await getBytes(path, token('R')).expect(200)).body as Buffer)).toEqual([]);
    await upload(testApp, token('W'), fresh.pk, 'late.txt', 'added later').expect(200);
    const entries = await unzip((await getBytes(path, token('R')).expect(200)).body as Buffer);
    expect(entries.map(([name, bytes]) => [name, bytes.toString()])).toEqual([
      ['late.txt', 'added later'],
    ]);
  });

  it('should answer 404 for an unknown id and 400 for an id that is no slug', async () => {
    const unknown = await http()
      .get(`/v0/download/${dataset.owner}/no-such-dataset`)
      .set(authed(token('R')))
      .expect(404);
    expect(unknown.body).toEqual({ code: 404, message: expect.any(String) });
    const bad = await http()
      .get(`/v0/download/${dataset.owner}/Not_A_Slug`)
      .set(authed(token('R')))
      .expect(400);
    expect(bad.body).toEqual({ code: 400, message: expect.stringContaining('Not_A_Slug') });
  });
});

describe('GET /v0/file_download/{owner}/{id}/{file}', () => {
  let dataset: V0Dataset;
  const fileUrl = (name: string) => `/v0/file_download/${dataset.owner}/${dataset.id}/${name}`;

  beforeAll(async () => {
    dataset = await populated();
  });

  it("should answer the file's bytes with its type, length and ETag", async () => {
    const response = await getBytes(fileUrl('cities.csv'), token('R'))
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(response.body).toEqual(CSV);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-length']).toBe(String(CSV.length));
    expect(response.headers.etag).toBe(`"${sha256(CSV)}"`);
    expect(response.headers['accept-ranges']).toBe('bytes');
  });

  it('should label unknown extensions application/octet-stream, and a PNG image/png', async () => {
    const license = await getBytes(fileUrl('LICENSE'), token('R')).expect(200);
    expect(license.headers['content-type']).toBe('application/octet-stream');
    expect((license.body as Buffer).toString()).toBe('no extension');
    const png = await getBytes(fileUrl('image.png'), token('R')).expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(sha256(png.body as Buffer)).toBe(sha256(CONTENTS[2][1]));
  });

  it('should answer 304 to If-None-Match with the ETag', async () => {
    await http()
      .get(fileUrl('cities.csv'))
      .set(authed(token('R')))
      .set('If-None-Match', `"${sha256(CSV)}"`)
      .expect(304);
  });

  it('should answer a single range with 206, and 416 in the /v0 shape beyond the end', async () => {
    const partial = await getBytes(fileUrl('cities.csv'), token('R'))
      .set('Range', 'bytes=5-9')
      .expect(206);
    expect(partial.body).toEqual(CSV.subarray(5, 10));
    expect(partial.headers['content-range']).toBe(`bytes 5-9/${CSV.length}`);
    expect(partial.headers['content-length']).toBe('5');
    const beyond = await http()
      .get(fileUrl('cities.csv'))
      .set(authed(token('R')))
      .set('Range', `bytes=${CSV.length + 10}-`)
      .expect(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${CSV.length}`);
    expect(beyond.body).toEqual({ code: 416, message: 'Requested range not satisfiable.' });
  });

  it.each([
    ['notes%2Fread%20me.txt', '%2F and %20'],
    ['notes/read%20me.txt', 'a literal /'],
    ['notes/read me.txt', 'a raw space'],
  ])('should find a file named %s (%s)', async (name) => {
    const response = await getBytes(fileUrl(name), token('R')).expect(200);
    expect((response.body as Buffer).toString()).toBe('spaces and a folder');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('should serve the same bytes at /file_download (the client query host path)', async () => {
    const response = await getBytes(
      `/file_download/${dataset.owner}/${dataset.id}/notes%2Fread%20me.txt`,
      token('R'),
    ).expect(200);
    expect((response.body as Buffer).toString()).toBe('spaces and a folder');
    const missing = await http()
      .get(`/file_download/${dataset.owner}/${dataset.id}/nothing.csv`)
      .set(authed(token('R')))
      .expect(404);
    expect(missing.body).toEqual({ code: 404, message: expect.any(String) });
  });

  it('should answer 404 in the /v0 shape for an unknown file', async () => {
    const response = await http()
      .get(fileUrl('nothing.csv'))
      .set(authed(token('R')))
      .expect(404);
    expect(response.body).toEqual({ code: 404, message: "File 'nothing.csv' not found." });
  });

  it('should answer 404 for a sourced file never fetched, and leave it out of archives', async () => {
    const sourced = await v0Dataset(testApp, cast);
    await upload(testApp, token('W'), sourced.pk, 'kept.txt', 'uploaded').expect(200);
    // Loopback is refused to fetches here, so it never gets bytes.
    const sources = testApp.app.get(SourcesService);
    const [view] = await sources.setSources(sourced.pk, [
      { filename: 'remote.csv', url: 'http://127.0.0.1:9/remote.csv' },
    ]);
    expect(view.filename).toBe('remote.csv');
    const response = await http()
      .get(`/v0/file_download/${sourced.owner}/${sourced.id}/remote.csv`)
      .set(authed(token('R')))
      .expect(404);
    expect(response.body).toEqual({ code: 404, message: "File 'remote.csv' not found." });
    const zip = await getBytes(`/v0/download/${sourced.owner}/${sourced.id}`, token('R')).expect(
      200,
    );
    expect((await unzip(zip.body as Buffer)).map(([name]) => name)).toEqual(['kept.txt']);
    const pack = await getBytes(`/datapackage/${sourced.owner}/${sourced.id}`, token('R')).expect(
      200,
    );
    const entries = await unzip(pack.body as Buffer);
    const descriptor = JSON.parse(entries[0][1].toString()) as { resources: DataPackageResource[] };
    expect(descriptor.resources.map((resource) => resource.title)).toEqual(['kept.txt']);
  });
});

describe('GET /datapackage/{owner}/{id}', () => {
  let dataset: V0Dataset;
  let entries: [string, Buffer][];
  let folder: string;

  beforeAll(async () => {
    dataset = await populated({ description: 'Cities and more' });
    folder = `${dataset.owner}-${dataset.id}`;
    const response = await getBytes(`/datapackage/${dataset.owner}/${dataset.id}`, token('R'))
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${folder}.zip"`);
    entries = await unzip(response.body as Buffer);
  });

  it('should write datapackage.json first, then every file under data/', () => {
    expect(entries.map(([name]) => name)).toEqual([
      `${folder}/datapackage.json`,
      ...CONTENTS.map(([name]) => `${folder}/data/${name}`),
    ]);
    for (const [name, bytes] of CONTENTS) {
      const entry = entries.find(([entryName]) => entryName === `${folder}/data/${name}`);
      expect(sha256(entry![1])).toBe(sha256(bytes));
    }
  });

  it('should describe the dataset and each file as a Frictionless resource', () => {
    const descriptor = JSON.parse(entries[0][1].toString()) as Record<string, unknown> & {
      resources: DataPackageResource[];
    };
    expect(descriptor).toEqual({
      name: dataset.id,
      title: expect.stringMatching(/^Data Set-/),
      description: 'Cities and more',
      licenses: [{ name: 'MIT', title: 'MIT', path: 'https://opensource.org/licenses/MIT' }],
      resources: expect.any(Array),
    });
    expect(descriptor.resources).toEqual([
      {
        name: 'cities',
        title: 'cities.csv',
        path: 'data/cities.csv',
        format: 'csv',
        mediatype: 'text/csv',
        bytes: CSV.length,
        hash: `sha256:${sha256(CSV)}`,
        schema: {
          fields: [
            { name: 'city', type: 'string' },
            { name: 'pop, total', type: 'string' },
            { name: 'Code', type: 'string' },
          ],
        },
      },
      {
        name: 'notes-read-me',
        title: 'notes/read me.txt',
        path: 'data/notes/read me.txt',
        format: 'txt',
        mediatype: 'text/plain',
        bytes: CONTENTS[1][1].length,
        hash: `sha256:${sha256(CONTENTS[1][1])}`,
      },
      {
        name: 'image',
        title: 'image.png',
        path: 'data/image.png',
        format: 'png',
        mediatype: 'image/png',
        bytes: 50_000,
        hash: `sha256:${sha256(CONTENTS[2][1])}`,
      },
      {
        name: 'empty',
        title: 'empty.bin',
        path: 'data/empty.bin',
        format: 'bin',
        mediatype: 'application/octet-stream',
        bytes: 0,
        hash: `sha256:${sha256(Buffer.alloc(0))}`,
      },
      {
        name: 'cities-2',
        title: 'Cities.CSV',
        path: 'data/Cities.CSV',
        format: 'csv',
        mediatype: 'text/csv',
        bytes: CONTENTS[4][1].length,
        hash: `sha256:${sha256(CONTENTS[4][1])}`,
        schema: {
          fields: [
            { name: 'only', type: 'string' },
            { name: 'header', type: 'string' },
          ],
        },
      },
      {
        name: 'license',
        title: 'LICENSE',
        path: 'data/LICENSE',
        mediatype: 'application/octet-stream',
        bytes: CONTENTS[5][1].length,
        hash: `sha256:${sha256(CONTENTS[5][1])}`,
      },
    ]);
  });

  it('should hash each resource as the sha256 of the bytes it packs', () => {
    const descriptor = JSON.parse(entries[0][1].toString()) as { resources: DataPackageResource[] };
    for (const resource of descriptor.resources) {
      const [, bytes] = entries.find(([name]) => name === `${folder}/${resource.path}`)!;
      expect(resource.hash).toBe(`sha256:${sha256(bytes)}`);
      expect(resource.bytes).toBe(bytes.length);
    }
  });

  it('should leave the description out when the dataset has none', async () => {
    const plain = await v0Dataset(testApp, cast);
    const response = await getBytes(`/datapackage/${plain.owner}/${plain.id}`, token('R')).expect(
      200,
    );
    const [[name, json]] = await unzip(response.body as Buffer);
    expect(name).toBe(`${plain.owner}-${plain.id}/datapackage.json`);
    const descriptor = JSON.parse(json.toString()) as Record<string, unknown>;
    expect(descriptor).not.toHaveProperty('description');
    expect(descriptor.resources).toEqual([]);
  });
});

describe('who may download', () => {
  let open: V0Dataset;
  let closed: V0Dataset;

  beforeAll(async () => {
    open = await v0Dataset(testApp, cast, { is_public: true });
    closed = await v0Dataset(testApp, cast, { is_public: false });
    for (const dataset of [open, closed]) {
      await upload(testApp, token('W'), dataset.pk, 'data.csv', 'a,b\n1,2\n').expect(200);
    }
  });

  const routes = (dataset: V0Dataset) => [
    `/v0/download/${dataset.owner}/${dataset.id}`,
    `/v0/file_download/${dataset.owner}/${dataset.id}/data.csv`,
    `/file_download/${dataset.owner}/${dataset.id}/data.csv`,
    `/datapackage/${dataset.owner}/${dataset.id}`,
  ];

  const PRIVATE: [Role, number][] = [
    ['anonymous', 404],
    ['outsider', 404],
    ['R', 200],
    ['X', 200],
    ['W', 200],
    ['A', 200],
    ['admin', 200],
  ];

  it.each(PRIVATE)('a private dataset: %s gets %i', async (role, status) => {
    for (const path of routes(closed)) {
      const response = await http()
        .get(path)
        .set(authed(token(role)));
      expect([path, response.status]).toEqual([path, status]);
      if (status === 404) {
        expect(response.body).toEqual({ code: 404, message: expect.any(String) });
      }
    }
  });

  it.each(['anonymous', 'outsider', 'R'] as const)('an open dataset: %s gets 200', async (role) => {
    for (const path of routes(open)) {
      const response = await http()
        .get(path)
        .set(authed(token(role)));
      expect([path, response.status]).toEqual([path, 200]);
    }
  });

  it('a read-scope API token of a reader gets the private dataset; an outsider token 404', async () => {
    const reader = await apiToken('R', ['read']);
    const outsider = await apiToken('outsider', ['admin']);
    for (const path of routes(closed)) {
      expect([path, (await http().get(path).set(authed(reader))).status]).toEqual([path, 200]);
      expect([path, (await http().get(path).set(authed(outsider))).status]).toEqual([path, 404]);
    }
  });

  it('a bad token is 401 in the /v0 shape, even on an open dataset', async () => {
    for (const path of routes(open)) {
      const response = await http().get(path).set(authed('strata_pat_not-a-real-token'));
      expect([path, response.status]).toEqual([path, 401]);
      expect(response.body).toEqual({ code: 401, message: expect.any(String) });
    }
  });
});
