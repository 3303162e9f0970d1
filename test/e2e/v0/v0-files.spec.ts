import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { SourcesService } from '../../../src/modules/sources/sources.service.js';
import { eventually } from '../../utils/eventually.js';
import { authed, createCast, type Actor, type Cast, type Role } from '../../utils/fixtures.js';
import { listen, rawRequest } from '../../utils/raw-http.js';
import { startSourceServer, type SourceServer } from '../../utils/source-server.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { v0Dataset, type V0Dataset } from '../../utils/v0.js';
import { buildZip, storedEntry } from '../../utils/zip-bytes.js';
import {
  FORM_BOUNDARY as BOUNDARY,
  FORM_CONTENT_TYPE,
  multipartBody as multipart,
} from '../../utils/multipart.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * data.world's file uploads on /v0: the raw PUT its client's `open_remote_file` sends (chunked,
 * no content type), the multipart POST of `upload_files`, archive expansion, replacement of
 * same-named and URL-sourced files, the size limit, streaming, and who may upload.
 */

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

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

const filesOf = async (dataset: V0Dataset) =>
  (await http0().get(`/v1/datasets/${dataset.pk}`).set(authed(cast.admin)).expect(200)).body
    .files as Record<string, string>;

/** What data.world's client sends for `open_remote_file(..., 'w')`: chunked, no Content-Type. */
const rawPut = (
  dataset: V0Dataset,
  name: string,
  body: Buffer | string,
  actor: Actor = cast.actors.admin,
) =>
  rawRequest(server(), {
    method: 'PUT',
    path: `/v0/uploads/${dataset.owner}/${dataset.id}/files/${name}`,
    headers: authed(actor.token),
    body,
    chunked: true,
  });

const postParts = (
  dataset: V0Dataset,
  body: Buffer,
  query = '',
  actor: Actor = cast.actors.admin,
) =>
  http0()
    .post(`/v0/uploads/${dataset.owner}/${dataset.id}/files${query}`)
    .set(authed(actor.token))
    .set('Content-Type', FORM_CONTENT_TYPE)
    .send(body);

describe('PUT /v0/uploads/{owner}/{id}/files/{file}', () => {
  it('should store a chunked body sent without a content type, visible on /v1', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const response = await rawPut(dataset, 'data.csv', 'a,b\n1,2\n');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ message: 'File uploaded.' });
    expect(await filesOf(dataset)).toEqual({ 'data.csv': sha256('a,b\n1,2\n') });
  });

  it('should accept application/octet-stream with a length, and a JSON content type', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await http0()
      .put(`/v0/uploads/${dataset.owner}/${dataset.id}/files/one.bin`)
      .set(authed(cast.admin))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from([0, 1, 2, 255]))
      .expect(200, { message: 'File uploaded.' });
    // data.world's client labels every request JSON; an upload body is still raw bytes.
    await http0()
      .put(`/v0/uploads/${dataset.owner}/${dataset.id}/files/two.json`)
      .set(authed(cast.admin))
      .set('Content-Type', 'application/json')
      .send('{"not": "parsed"')
      .expect(200);
    expect(await filesOf(dataset)).toEqual({
      'one.bin': sha256(Buffer.from([0, 1, 2, 255])),
      'two.json': sha256('{"not": "parsed"'),
    });
  });

  it('should take a literal / as a path and decode percent-escapes in the name', async () => {
    const dataset = await v0Dataset(testApp, cast);
    expect((await rawPut(dataset, 'dir/sub/a.csv', 'a')).status).toBe(200);
    expect((await rawPut(dataset, 'my%20file.csv', 'b')).status).toBe(200);
    expect((await rawPut(dataset, 'other%2Fb.csv', 'c')).status).toBe(200);
    expect((await rawPut(dataset, 'caf%C3%A9.csv', 'd')).status).toBe(200);
    expect(await filesOf(dataset)).toEqual({
      'dir/sub/a.csv': sha256('a'),
      'my file.csv': sha256('b'),
      'other/b.csv': sha256('c'),
      'café.csv': sha256('d'),
    });
  });

  it('should replace a file of the same name, in its place', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await rawPut(dataset, 'data.csv', 'old');
    await rawPut(dataset, 'keep.csv', 'kept');
    const response = await rawPut(dataset, 'data.csv', 'new');
    expect(response.status).toBe(200);
    const files = await filesOf(dataset);
    expect(files).toEqual({ 'data.csv': sha256('new'), 'keep.csv': sha256('kept') });
    expect(Object.keys(files)).toEqual(['data.csv', 'keep.csv']);
  });

  it('should replace a file shared with an earlier version without changing that version', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await rawPut(dataset, 'data.csv', 'v1 bytes');
    // A copy shares the manifest (copy-on-write); the upload goes to the newest version only.
    const copy = await http0()
      .post(`/v1/datasets/${dataset.pk}/copy`)
      .set(authed(cast.admin))
      .send({})
      .expect(200);
    const newest = (copy.body as { pk: number }).pk;
    expect((await rawPut(dataset, 'data.csv', 'v2 bytes')).status).toBe(200);
    expect(await filesOf(dataset)).toEqual({ 'data.csv': sha256('v1 bytes') });
    expect(await filesOf({ ...dataset, pk: newest })).toEqual({ 'data.csv': sha256('v2 bytes') });
  });

  it('should turn a URL-sourced file into an uploaded one (its source dropped)', async () => {
    source.route('/fetched.csv', (_request, response) => response.end('from the web'));
    const dataset = await v0Dataset(testApp, cast);
    await sources.setSources(dataset.pk, [
      { filename: 'fetched.csv', url: source.url('/fetched.csv') },
    ]);
    await eventually(async () => (await filesOf(dataset))['fetched.csv'] !== undefined, 20_000);
    await eventually(async () => !(await sources.listSources(dataset.pk))[0].syncPending, 20_000);

    expect((await rawPut(dataset, 'fetched.csv', 'uploaded')).status).toBe(200);
    expect(await filesOf(dataset)).toEqual({ 'fetched.csv': sha256('uploaded') });
    expect(await sources.listSources(dataset.pk)).toEqual([]);
    // A sync now has nothing to fetch: the upload stays.
    await http0()
      .post(`/v0/datasets/${dataset.owner}/${dataset.id}/sync`)
      .set(authed(cast.admin))
      .expect(200);
    expect(await filesOf(dataset)).toEqual({ 'fetched.csv': sha256('uploaded') });
  });

  it('should store a zip as its entries with expandArchive=true (True, 1 too)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await rawPut(dataset, 'a.csv', 'old a');
    const zip = buildZip([storedEntry('a.csv', 'zip a'), storedEntry('sub/b.txt', 'zip b')]);
    for (const flag of ['true', 'True', '1']) {
      const response = await rawPut(dataset, `bundle.zip?expandArchive=${flag}`, zip);
      expect(response.status).toBe(200);
    }
    // An entry whose name clashes replaces the file; the zip itself is not stored.
    expect(await filesOf(dataset)).toEqual({
      'a.csv': sha256('zip a'),
      'sub/b.txt': sha256('zip b'),
    });
  });

  it('should store the zip itself without expandArchive, or with it false', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const zip = buildZip([storedEntry('a.csv', 'zip a')]);
    expect((await rawPut(dataset, 'bundle.zip', zip)).status).toBe(200);
    expect((await rawPut(dataset, 'again.zip?expandArchive=False', zip)).status).toBe(200);
    expect(await filesOf(dataset)).toEqual({ 'bundle.zip': sha256(zip), 'again.zip': sha256(zip) });
  });

  it('should refuse an expandArchive value that is not a boolean (400)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const response = await rawPut(dataset, 'a.zip?expandArchive=maybe', 'x');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({
      code: 400,
      message: expect.stringContaining('expandArchive'),
    });
    expect(await filesOf(dataset)).toEqual({});
  });

  it('should answer 404 in the /v0 shape for an unknown dataset, 400 for a bad id', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const unknown = await rawPut({ ...dataset, id: 'no-such-dataset' }, 'a.csv', 'x');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({ code: 404, message: expect.any(String) });
    const bad = await rawPut({ ...dataset, id: 'Bad_Id' }, 'a.csv', 'x');
    expect(bad.status).toBe(400);
  });
});

describe('POST /v0/uploads/{owner}/{id}/files (multipart)', () => {
  it('should store every part named file, with raw UTF-8 filenames', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const body = multipart([
      { filename: 'données é.csv', type: 'text/csv', content: 'x,y\n' },
      { filename: 'second.bin', type: 'application/octet-stream', content: Buffer.from([9, 8]) },
    ]);
    await postParts(dataset, body).expect(200, { message: 'File(s) uploaded.' });
    expect(await filesOf(dataset)).toEqual({
      'données é.csv': sha256('x,y\n'),
      'second.bin': sha256(Buffer.from([9, 8])),
    });
  });

  it('should record the parts in the order they were sent', async () => {
    const dataset = await v0Dataset(testApp, cast);
    // A big first part is still being flushed when the small ones after it have arrived.
    const names = ['big.bin', 'a.txt', 'b.txt', 'c.txt', 'd.txt'];
    const body = multipart(
      names.map((name, k) => ({
        filename: name,
        content: k === 0 ? Buffer.alloc(4 * 1024 * 1024, 1) : name,
      })),
    );
    await postParts(dataset, body).expect(200);
    expect(Object.keys(await filesOf(dataset))).toEqual(names);
  });

  it('should replace same-named files', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await postParts(dataset, multipart([{ filename: 'a.csv', content: 'one' }])).expect(200);
    await postParts(dataset, multipart([{ filename: 'a.csv', content: 'two' }])).expect(200);
    expect(await filesOf(dataset)).toEqual({ 'a.csv': sha256('two') });
  });

  it('should store zip parts as their entries with expandArchives=True', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const zip = buildZip([storedEntry('in/one.txt', '1'), storedEntry('two.txt', '2')]);
    const body = multipart([
      { filename: 'pack.zip', type: 'application/zip', content: zip },
      { filename: 'plain.txt', content: 'plain' },
    ]);
    await postParts(dataset, body, '?expandArchives=True').expect(200);
    expect(await filesOf(dataset)).toEqual({
      'in/one.txt': sha256('1'),
      'two.txt': sha256('2'),
      'plain.txt': sha256('plain'),
    });
  });

  it('should refuse a body without a file part (400), storing nothing', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const response = await postParts(dataset, Buffer.from(`--${BOUNDARY}--\r\n`)).expect(400);
    expect(response.body).toEqual({ code: 400, message: expect.stringContaining("'file'") });
  });

  it.each([
    ['a file part under another name', [{ field: 'upload', filename: 'a.csv', content: 'a' }]],
    [
      'a plain form field',
      [
        { filename: 'a.csv', content: 'a' },
        { field: 'note', content: 'hi' },
      ],
    ],
  ])('should refuse %s (400), storing nothing at all', async (_what, parts) => {
    const dataset = await v0Dataset(testApp, cast);
    const response = await postParts(dataset, multipart(parts)).expect(400);
    expect(response.body).toEqual({ code: 400, message: expect.any(String) });
    expect(await filesOf(dataset)).toEqual({});
  });

  it('should refuse a body that is not multipart (400)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await http0()
      .post(`/v0/uploads/${dataset.owner}/${dataset.id}/files`)
      .set(authed(cast.admin))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('raw'))
      .expect(400);
    expect(await filesOf(dataset)).toEqual({});
  });

  it('should refuse a multipart body without a boundary or cut short (400)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const noBoundary = await http0()
      .post(`/v0/uploads/${dataset.owner}/${dataset.id}/files`)
      .set(authed(cast.admin))
      .set('Content-Type', 'multipart/form-data')
      .send(Buffer.from('whatever'))
      .expect(400);
    expect(noBoundary.body).toEqual({ code: 400, message: expect.stringContaining('multipart') });
    const whole = multipart([{ filename: 'a.csv', content: 'abc' }]);
    await postParts(dataset, whole.subarray(0, whole.length - 20)).expect(400);
    expect(await filesOf(dataset)).toEqual({});
  });

  it('should record no part when one fails (all or nothing)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const body = multipart([
      { filename: 'good.csv', content: 'fine' },
      { filename: 'broken.zip', content: 'not a zip at all' },
    ]);
    await postParts(dataset, body, '?expandArchives=true').expect(400);
    expect(await filesOf(dataset)).toEqual({});
  });

  it('should stream a large part into storage as it arrives, not buffer the body', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const stagingDir = path.join(testApp.config.dataDir, 'blobs', '.staging');
    const stagedBytes = async () => {
      const names = await readdir(stagingDir).catch(() => [] as string[]);
      const sizes = await Promise.all(
        names.map((name) =>
          stat(path.join(stagingDir, name)).then(
            (s) => s.size,
            () => 0,
          ),
        ),
      );
      return sizes.reduce((sum, size) => sum + size, 0);
    };
    const MiB = 1024 * 1024;
    const chunk = Buffer.alloc(MiB, 7);
    const total = 64;
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    const { port } = server().address() as AddressInfo;
    const outgoing = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/v0/uploads/${dataset.owner}/${dataset.id}/files`,
      headers: {
        ...authed(cast.admin),
        'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
        'Content-Length': String(head.length + total * MiB + tail.length),
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      outgoing.on('response', (incoming) => {
        let text = '';
        incoming.on('data', (data: Buffer) => (text += data.toString()));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
      });
      outgoing.on('error', reject);
    });
    outgoing.write(head);
    for (let i = 0; i < 8; i += 1) {
      outgoing.write(chunk);
    }
    // With 56 MiB still to send, several MiB already sit in the blob store's staging file.
    await eventually(async () => (await stagedBytes()) >= 4 * MiB, 10_000);
    for (let i = 8; i < total; i += 1) {
      if (!outgoing.write(chunk)) {
        await new Promise((resolve) => outgoing.once('drain', resolve));
      }
    }
    outgoing.end(tail);
    const answer = await answered;
    expect(answer.status).toBe(200);
    const expected = createHash('sha256');
    for (let i = 0; i < total; i += 1) {
      expected.update(chunk);
    }
    expect(await filesOf(dataset)).toEqual({ 'big.bin': expected.digest('hex') });
  }, 60_000);
});

describe('who may upload', () => {
  let dataset: V0Dataset;
  let readToken: string;

  beforeAll(async () => {
    dataset = await v0Dataset(testApp, cast, { is_public: false });
    readToken = await mintApiToken(testApp, cast.actors.W.token, ['read']);
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

  it.each(Object.entries(expected))('raw PUT as %s: %i', async (role, status) => {
    const response = await rawPut(dataset, `by-${role}.csv`, 'x', cast.actors[role as Role]);
    expect(response.status).toBe(status);
    const files = await filesOf(dataset);
    expect(files[`by-${role}.csv`] !== undefined).toBe(status === 200);
  });

  it.each(Object.entries(expected))('multipart POST as %s: %i', async (role, status) => {
    await postParts(
      dataset,
      multipart([{ filename: `multi-${role}.csv`, content: 'x' }]),
      '',
      cast.actors[role as Role],
    ).expect(status);
    const files = await filesOf(dataset);
    expect(files[`multi-${role}.csv`] !== undefined).toBe(status === 200);
  });

  it('should refuse a read-scope token of a writer (403)', async () => {
    expect((await rawPut(dataset, 'scoped.csv', 'x', { token: readToken })).status).toBe(403);
    await postParts(dataset, multipart([{ filename: 'scoped.csv', content: 'x' }]), '', {
      token: readToken,
    }).expect(403);
    expect((await filesOf(dataset))['scoped.csv']).toBeUndefined();
  });

  it('should let nobody but members upload to a public dataset', async () => {
    const open = await v0Dataset(testApp, cast, { is_public: true });
    expect((await rawPut(open, 'x.csv', 'x', cast.actors.outsider)).status).toBe(403);
    expect((await rawPut(open, 'x.csv', 'x', cast.actors.R)).status).toBe(403);
    expect((await rawPut(open, 'x.csv', 'x', cast.actors.anonymous)).status).toBe(401);
  });
});

describe('DELETE /v0/datasets/{owner}/{id}/files[/{file}]', () => {
  /** As data.world's client sends it: a JSON content type, and no body. */
  const del = (path: string, token = cast.admin) =>
    http0().delete(path).set(authed(token)).set('Content-Type', 'application/json');

  const withFiles = async (names: string[]) => {
    const dataset = await v0Dataset(testApp, cast);
    await postParts(
      dataset,
      multipart(names.map((name) => ({ filename: name, content: `bytes of ${name}` }))),
    ).expect(200);
    return dataset;
  };

  it('should delete one file by its percent-encoded name', async () => {
    const dataset = await withFiles(['my file.csv', 'keep.csv']);
    await rawPut(dataset, 'dir/a.csv', 'a');
    await del(`${dataset.path}/files/my%20file.csv`).expect(200, {
      message: 'Dataset file has been successfully deleted.',
    });
    await del(`${dataset.path}/files/dir%2Fa.csv`).expect(200);
    expect(Object.keys(await filesOf(dataset))).toEqual(['keep.csv']);
  });

  it('should delete several files named by repeated name parameters (+ for a space)', async () => {
    const dataset = await withFiles(['a.csv', 'my file.csv', 'keep.csv']);
    await del(`${dataset.path}/files?name=a.csv&name=my+file.csv`).expect(200, {
      message: 'Dataset files have been successfully deleted.',
    });
    expect(Object.keys(await filesOf(dataset))).toEqual(['keep.csv']);
  });

  it('should delete nothing when one name is unknown (404)', async () => {
    const dataset = await withFiles(['a.csv', 'b.csv']);
    const response = await del(`${dataset.path}/files?name=a.csv&name=nope.csv`).expect(404);
    expect(response.body).toEqual({ code: 404, message: expect.stringContaining('nope.csv') });
    await del(`${dataset.path}/files/nope.csv`).expect(404);
    expect(Object.keys(await filesOf(dataset))).toEqual(['a.csv', 'b.csv']);
  });

  it('should refuse a multi-delete without a name (400)', async () => {
    const dataset = await withFiles(['a.csv']);
    const response = await del(`${dataset.path}/files`).expect(400);
    expect(response.body).toEqual({ code: 400, message: expect.stringContaining('name') });
    expect(Object.keys(await filesOf(dataset))).toEqual(['a.csv']);
  });

  it('should delete a sourced file with its source, fetched or not yet', async () => {
    source.route('/ok.csv', (_request, response) => response.end('fetched'));
    source.route('/stalls.csv', (_request, response) => {
      response.writeHead(200);
      response.write('partial');
    });
    const dataset = await v0Dataset(testApp, cast);
    await sources.setSources(dataset.pk, [
      { filename: 'ok.csv', url: source.url('/ok.csv') },
      { filename: 'stalls.csv', url: source.url('/stalls.csv') },
    ]);
    await eventually(async () => (await filesOf(dataset))['ok.csv'] !== undefined, 20_000);
    // stalls.csv has no bytes yet: not a file, but still a name that can be deleted.
    expect(Object.keys(await filesOf(dataset))).toEqual(['ok.csv']);
    await del(`${dataset.path}/files?name=ok.csv&name=stalls.csv`).expect(200);
    expect(await filesOf(dataset)).toEqual({});
    expect(await sources.listSources(dataset.pk)).toEqual([]);
  });

  it('should let only writers delete (anonymous 401, outsider 404, R 403, read token 403)', async () => {
    const dataset = await withFiles(['a.csv']);
    const readToken = await mintApiToken(testApp, cast.actors.A.token, ['read']);
    const path = `${dataset.path}/files/a.csv`;
    await http0().delete(path).expect(401);
    await del(path, cast.actors.outsider.token).expect(404);
    await del(path, cast.actors.R.token).expect(403);
    await del(path, cast.actors.X.token).expect(403);
    await del(path, readToken).expect(403);
    await del(`${dataset.path}/files?name=a.csv`, cast.actors.R.token).expect(403);
    expect(Object.keys(await filesOf(dataset))).toEqual(['a.csv']);
    await del(path, cast.actors.W.token).expect(200);
    expect(await filesOf(dataset)).toEqual({});
  });
});
