import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import yazl from 'yazl';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, upload } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function zipOf(entries: [string, string | Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) {
    if (name.endsWith('/')) {
      zip.addEmptyDirectory(name);
    } else {
      zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
    }
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(
    () => [],
  )) {
    if (entry.isFile()) {
      found.push(path.join(entry.parentPath, entry.name));
    }
  }
  return found;
}

describe('/v1/datasets files and metadata', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: { pk: number };
  const http = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token!;
  const blobsDir = () => path.join(testApp.config.dataDir, 'blobs');

  const query = (text: string, values: unknown[] = []) => sql(testApp.database, text, values);

  const newDataset = (fields: { is_public?: boolean } = {}) =>
    createDataset(testApp, token('W'), project.pk, fields);

  beforeAll(async () => {
    testApp = await createTestApp({
      env: {
        MAX_UPLOAD_BYTES: String(64 * 1024),
        ZIP_MAX_ENTRIES: '20',
        ZIP_MAX_COMPRESSION_RATIO: '50',
      },
    });
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('add_file', () => {
    it('should store the bytes by SHA-256 and answer {filename, handle}', async () => {
      const dataset = await newDataset();
      const response = await upload(testApp, token('W'), dataset.pk, 'a.txt', 'hello').expect(200);
      // The text too: UFDL's NamedFile key order is part of the answer.
      expect(response.text).toBe(`{"filename":"a.txt","handle":"${sha256('hello')}"}`);
      const record = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('R')));
      expect(record.body.files).toEqual({ 'a.txt': sha256('hello') });
    });

    it('should store identical bytes once across names and datasets', async () => {
      const first = await newDataset();
      const second = await newDataset();
      const content = `dedup-${Date.now()}`;
      await upload(testApp, token('W'), first.pk, 'x.txt', content).expect(200);
      await upload(testApp, token('W'), first.pk, 'y.txt', content).expect(200);
      await upload(testApp, token('W'), second.pk, 'z.txt', content).expect(200);
      const stored = (await listFiles(blobsDir())).filter((file) => file.endsWith(sha256(content)));
      expect(stored).toHaveLength(1);
      const rows = await query('SELECT handle FROM blobs WHERE handle = $1', [sha256(content)]);
      expect(rows).toHaveLength(1);
    });

    it('should keep the files map in upload order, even for names that look like numbers', async () => {
      const dataset = await newDataset();
      for (const name of ['b', '10', '2', 'a']) {
        await upload(testApp, token('W'), dataset.pk, name, name).expect(200);
      }
      const response = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('R')))
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const order = [...response.text.matchAll(/"(b|10|2|a)"\s*:/g)].map((match) => match[1]);
      expect(order).toEqual(['b', '10', '2', 'a']);
    });

    it('should accept zero-byte files', async () => {
      const dataset = await newDataset();
      const response = await upload(
        testApp,
        token('W'),
        dataset.pk,
        'empty',
        Buffer.alloc(0),
      ).expect(200);
      expect(response.body.handle).toBe(sha256(''));
      const bytes = await http()
        .get(`/v1/datasets/${dataset.pk}/files/empty`)
        .set(authed(token('R')))
        .expect(200);
      expect(bytes.headers['content-length']).toBe('0');
    });

    it('should normalise names, number directory uploads, and keep nested paths', async () => {
      const dataset = await newDataset();
      const names: string[] = [];
      for (const name of [
        '/abs/./x.txt',
        'dir/',
        'dir/',
        'deep/a//b/c.txt',
        'sp%20ace.txt',
        'enc%2Fslash.txt',
      ]) {
        names.push(
          (await upload(testApp, token('W'), dataset.pk, name, name).expect(200)).body.filename,
        );
      }
      expect(names).toEqual([
        'abs/x.txt',
        'dir/1',
        'dir/2',
        'deep/a/b/c.txt',
        'sp ace.txt',
        'enc/slash.txt',
      ]);
    });

    it('should refuse clashes and hostile names with 400 "Bad name"', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'taken.txt', '1').expect(200);
      await upload(testApp, token('W'), dataset.pk, 'folder/inner.txt', '1').expect(200);
      const cases: [string, RegExp][] = [
        ['taken.txt', /Filename already in use/],
        ['folder', /Filename is already a directory prefix/],
        ['taken.txt/child', /Directory prefix is already a filename/],
        ['..%2F..%2Fetc%2Fpasswd', /Cannot extend beyond top-level directory/],
        ['a%5Cb', /backslashes/],
        ['nul%00byte', /NUL/],
        ['x'.repeat(1100), /at most 1024 bytes/],
      ];
      for (const [name, detail] of cases) {
        const response = await upload(testApp, token('W'), dataset.pk, name, 'data');
        expect({ name, status: response.status }).toEqual({ name, status: 400 });
        expect(response.body.detail).toMatch(detail);
      }
      const record = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')));
      expect(Object.keys(record.body.files)).toEqual(['taken.txt', 'folder/inner.txt']);
    });

    it('should require Content-Disposition and refuse oversize bodies with 413', async () => {
      const dataset = await newDataset();
      const missing = await http()
        .post(`/v1/datasets/${dataset.pk}/files/a.bin`)
        .set(authed(token('W')))
        .set('Content-Type', 'application/data')
        .send(Buffer.from('abc'))
        .expect(400);
      expect(missing.body.detail).toMatch(/^Missing filename/);
      const big = Buffer.alloc(64 * 1024 + 1, 7);
      const tooLarge = await upload(testApp, token('W'), dataset.pk, 'big.bin', big).expect(413);
      expect(tooLarge.body.detail).toMatch(/too large/);
      const record = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')));
      expect(record.body.files).toEqual({});
      await upload(testApp, token('W'), dataset.pk, 'limit.bin', Buffer.alloc(64 * 1024, 1)).expect(
        200,
      );
    });

    it('should stream uploads labelled application/json as raw bytes too', async () => {
      const dataset = await newDataset();
      const response = await http()
        .post(`/v1/datasets/${dataset.pk}/files/data.json`)
        .set(authed(token('W')))
        .set('Content-Type', 'application/json')
        .set('Content-Disposition', 'attachment; filename=data.json')
        .send('{"a": 1}')
        .expect(200);
      expect(response.body.handle).toBe(sha256('{"a": 1}'));
    });
  });

  describe('get_file and file-handles', () => {
    it('should stream the bytes with application/data, Content-Length and a strong ETag', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'dir/f.txt', 'content!').expect(200);
      const response = await http()
        .get(`/v1/datasets/${dataset.pk}/files/dir/f.txt`)
        .set(authed(token('R')))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('application/data');
      expect(response.headers['content-length']).toBe('8');
      expect(response.headers.etag).toBe(`"${sha256('content!')}"`);
      expect((response.body as Buffer).toString()).toBe('content!');
      await http()
        .get(`/v1/datasets/${dataset.pk}/files/dir/f.txt`)
        .set(authed(token('R')))
        .set('If-None-Match', `"${sha256('content!')}"`)
        .expect(304);
      const byHandle = await http()
        .get(`/v1/datasets/${dataset.pk}/file-handles/${sha256('content!')}`)
        .set(authed(token('R')))
        .expect(200);
      expect(byHandle.headers['content-length']).toBe('8');
    });

    it('should serve byte ranges with 206 and refuse unsatisfiable ones with 416', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'r.txt', '0123456789').expect(200);
      const partial = await http()
        .get(`/v1/datasets/${dataset.pk}/files/r.txt`)
        .set(authed(token('R')))
        .set('Range', 'bytes=2-5')
        .expect(206);
      expect(partial.headers['content-range']).toBe('bytes 2-5/10');
      expect(partial.headers['content-length']).toBe('4');
      await http()
        .get(`/v1/datasets/${dataset.pk}/files/r.txt`)
        .set(authed(token('R')))
        .set('Range', 'bytes=50-60')
        .expect(416);
    });

    it('should answer Accept: application/json with 406 and unknown names with 400', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'j.txt', 'x').expect(200);
      const refused = await http()
        .get(`/v1/datasets/${dataset.pk}/files/j.txt`)
        .set(authed(token('R')))
        .set('Accept', 'application/json')
        .expect(406);
      expect(refused.body).toEqual({ detail: 'Could not satisfy the request Accept header.' });
      const unknown = await http()
        .get(`/v1/datasets/${dataset.pk}/files/nope.txt`)
        .set(authed(token('R')))
        .expect(400);
      expect(unknown.body).toEqual({ detail: "Bad name 'nope.txt': Doesn't exist" });
      await http()
        .get(`/v1/datasets/${dataset.pk}/file-handles/${'0'.repeat(64)}`)
        .set(authed(token('R')))
        .expect(400);
      await http()
        .get(`/v1/datasets/${dataset.pk}/file-handles/..%2F..%2Fetc`)
        .set(authed(token('R')))
        .expect(400);
    });

    it('should serve files of public datasets to anyone, private ones to members only', async () => {
      const open = await newDataset({ is_public: true });
      const closed = await newDataset();
      await upload(testApp, token('W'), open.pk, 'p.txt', 'public').expect(200);
      await upload(testApp, token('W'), closed.pk, 'p.txt', 'private').expect(200);
      await http().get(`/v1/datasets/${open.pk}/files/p.txt`).expect(200);
      await http().get(`/v1/datasets/${open.pk}/metadata`).expect(200);
      await http().get(`/v1/datasets/${closed.pk}/files/p.txt`).expect(401);
      await http()
        .get(`/v1/datasets/${closed.pk}/files/p.txt`)
        .set(authed(token('outsider')))
        .expect(403);
      await upload(testApp, token('outsider'), open.pk, 'q.txt', 'no').expect(403);
      await upload(testApp, undefined, open.pk, 'q.txt', 'no').expect(401);
      await upload(testApp, token('R'), closed.pk, 'q.txt', 'no').expect(403);
      await upload(testApp, token('X'), closed.pk, 'q.txt', 'no').expect(403);
    });
  });

  describe('delete_file', () => {
    it('should remove the reference, answer it, and reclaim bytes nobody else uses', async () => {
      const first = await newDataset();
      const second = await newDataset();
      const shared = `shared-${Date.now()}`;
      const own = `own-${Date.now()}`;
      await upload(testApp, token('W'), first.pk, 'shared.txt', shared).expect(200);
      await upload(testApp, token('W'), second.pk, 'shared.txt', shared).expect(200);
      await upload(testApp, token('W'), first.pk, 'own.txt', own).expect(200);
      const removed = await http()
        .delete(`/v1/datasets/${first.pk}/files/own.txt`)
        .set(authed(token('W')))
        .expect(200);
      expect(removed.text).toBe(`{"filename":"own.txt","handle":"${sha256(own)}"}`);
      await http()
        .delete(`/v1/datasets/${first.pk}/files/shared.txt`)
        .set(authed(token('W')))
        .expect(200);
      await http()
        .delete(`/v1/datasets/${first.pk}/files/own.txt`)
        .set(authed(token('W')))
        .expect(400);
      // Reclaiming happens after the answer; give it a moment.
      for (
        let i = 0;
        i < 50 && (await query('SELECT 1 FROM blobs WHERE handle = $1', [sha256(own)])).length > 0;
        i += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const files = await listFiles(blobsDir());
      expect(files.some((file) => file.endsWith(sha256(own)))).toBe(false);
      expect(files.some((file) => file.endsWith(sha256(shared)))).toBe(true);
      await http()
        .get(`/v1/datasets/${second.pk}/files/shared.txt`)
        .set(authed(token('R')))
        .expect(200);
    });
  });

  describe('files-multi', () => {
    const sendZip = (pk: number, body: Buffer, role: 'W' | 'R' = 'W') =>
      http()
        .post(`/v1/datasets/${pk}/files-multi`)
        .set(authed(token(role)))
        .set('Content-Type', 'application/data')
        .set('Content-Disposition', 'attachment; filename=data')
        .send(body);

    it('should add every entry in archive order, directories as numbered empty files', async () => {
      const dataset = await newDataset();
      const zip = await zipOf([
        ['one.txt', '1'],
        ['sub/two.txt', '22'],
        ['empty.bin', ''],
        ['folder/', ''],
      ]);
      const response = await sendZip(dataset.pk, zip).expect(200);
      expect(response.body).toEqual([
        { filename: 'one.txt', handle: sha256('1') },
        { filename: 'sub/two.txt', handle: sha256('22') },
        { filename: 'empty.bin', handle: sha256('') },
        { filename: 'folder/1', handle: sha256('') },
      ]);
    });

    it('should add nothing when any entry fails (atomic)', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'clash.txt', 'old').expect(200);
      const unique = `atomic-${Date.now()}`;
      const zip = await zipOf([
        ['fresh.txt', unique],
        ['clash.txt', 'new'],
      ]);
      const response = await sendZip(dataset.pk, zip).expect(400);
      expect(response.body.detail).toMatch(/Filename already in use/);
      const record = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')));
      expect(Object.keys(record.body.files)).toEqual(['clash.txt']);
      for (
        let i = 0;
        i < 50 && (await listFiles(blobsDir())).some((f) => f.endsWith(sha256(unique)));
        i += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await listFiles(blobsDir())).some((f) => f.endsWith(sha256(unique)))).toBe(false);
    });

    it('should refuse non-zips, corrupt zips, bombs, too many entries and zip-slip names', async () => {
      const dataset = await newDataset();
      const notZip = await sendZip(dataset.pk, Buffer.from('this is not a zip')).expect(400);
      expect(notZip.body.detail).toMatch(/Invalid zip archive/);
      const good = await zipOf([['a.txt', 'x'.repeat(1000)]]);
      const truncated = await sendZip(dataset.pk, good.subarray(0, good.length - 30)).expect(400);
      expect(truncated.body.detail).toMatch(/Invalid zip/);
      // 1 MiB of zeros deflates to about 1 KiB: refused from the central directory alone.
      const bomb = await zipOf([['zeros.bin', Buffer.alloc(1024 * 1024)]]);
      expect(bomb.length).toBeLessThan(8 * 1024);
      const bombAnswer = await sendZip(dataset.pk, bomb).expect(413);
      expect(bombAnswer.body.detail).toMatch(/zeros\.bin|limit/);
      const many = await zipOf(
        Array.from({ length: 21 }, (_, i) => [`f${i}`, `${i}`] as [string, string]),
      );
      const manyAnswer = await sendZip(dataset.pk, many).expect(413);
      expect(manyAnswer.body.detail).toMatch(/entr/i);
      const record = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')));
      expect(record.body.files).toEqual({});
      const missing = await http()
        .post(`/v1/datasets/${dataset.pk}/files-multi`)
        .set(authed(token('W')))
        .send(good)
        .expect(400);
      expect(missing.body.detail).toMatch(/^Missing filename/);
      await sendZip(dataset.pk, good, 'R').expect(403);
    });
  });

  describe('metadata', () => {
    it('should set, get and list metadata per file', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'm1.txt', '1').expect(200);
      await upload(testApp, token('W'), dataset.pk, 'dir/m2.txt', '2').expect(200);
      const set = await http()
        .post(`/v1/datasets/${dataset.pk}/metadata/m1.txt`)
        .set(authed(token('W')))
        .send({ metadata: '{"label": "cat"}' })
        .expect(200);
      expect(set.body).toEqual({ metadata: '{"label": "cat"}' });
      const got = await http()
        .get(`/v1/datasets/${dataset.pk}/metadata/m1.txt`)
        .set(authed(token('R')))
        .expect(200);
      expect(got.body).toEqual({ metadata: '{"label": "cat"}' });
      const all = await http()
        .get(`/v1/datasets/${dataset.pk}/metadata`)
        .set(authed(token('R')))
        .expect(200);
      expect(all.body).toEqual({ 'm1.txt': '{"label": "cat"}', 'dir/m2.txt': '' });
      await http()
        .get(`/v1/datasets/${dataset.pk}/metadata/`)
        .set(authed(token('R')))
        .expect(200);
    });

    it('should refuse a non-strict body, unknown files and non-writers', async () => {
      const dataset = await newDataset();
      await upload(testApp, token('W'), dataset.pk, 'm.txt', '1').expect(200);
      for (const body of [{}, { metadata: 5 }, { metadata: 'x', extra: 1 }, [1]]) {
        const response = await http()
          .post(`/v1/datasets/${dataset.pk}/metadata/m.txt`)
          .set(authed(token('W')))
          .send(body)
          .expect(400);
        expect(response.body.detail).toMatch(/^Unable to parse JSON/);
      }
      const unknown = await http()
        .post(`/v1/datasets/${dataset.pk}/metadata/none.txt`)
        .set(authed(token('W')))
        .send({ metadata: 'x' })
        .expect(400);
      expect(unknown.body.detail).toBe("Bad name 'none.txt': Doesn't exist");
      await http()
        .post(`/v1/datasets/${dataset.pk}/metadata/m.txt`)
        .set(authed(token('R')))
        .send({ metadata: 'x' })
        .expect(403);
    });
  });
});
