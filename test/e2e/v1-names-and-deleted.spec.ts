import { createHash } from 'node:crypto';
import request from 'supertest';
import yauzl from 'yauzl';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, upload } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** The keys of a JSON object's text, in the order written (JSON.parse would reorder them). */
function keysInOrder(objectText: string): string[] {
  const keys: string[] = [];
  // Only for objects whose values are strings: `"key":"value"` pairs at the top level.
  const pair = /"((?:[^"\\]|\\.)*)"\s*:\s*"(?:[^"\\]|\\.)*"/g;
  for (const match of objectText.matchAll(pair)) {
    keys.push(JSON.parse(`"${match[1]}"`) as string);
  }
  return keys;
}

/** The text of the `"files":{...}` object in a dataset's JSON text. */
function filesText(datasetText: string, pk: number): string {
  const start = datasetText.indexOf(`{"pk":${pk},`);
  const files = datasetText.indexOf('"files":{', start) + '"files":'.length;
  return datasetText.slice(files, datasetText.indexOf('}', files) + 1);
}

/** Entry names exactly as written in a zip's central directory, in order. */
async function rawZipNames(archive: Buffer): Promise<string[]> {
  // decodeStrings off: yauzl would otherwise refuse the very names this test looks for.
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true, decodeStrings: false });
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push((entry.fileName as unknown as Buffer).toString('utf8'));
      zip.readEntry();
    });
    zip.readEntry();
  });
  return names;
}

describe('/v1 names as keys, archive names, merge names, deleted datasets', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: { pk: number };
  const http = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token!;
  const query = (text: string, values: unknown[] = []) => sql(testApp.database, text, values);

  async function withFiles(names: string[]) {
    const dataset = await createDataset(testApp, token('W'), project.pk);
    for (const name of names) {
      await upload(testApp, token('W'), dataset.pk, name, `bytes of ${name}`).expect(200);
    }
    return dataset;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('names that plain objects mishandle', () => {
    const names = ['b.txt', '__proto__', 'constructor', '1', 'a.txt', '0'];

    it('should list files and metadata in the order GET shows them', async () => {
      const dataset = await withFiles(names);
      for (const name of names) {
        await http()
          .post(`/v1/datasets/${dataset.pk}/metadata/${name}`)
          .set(authed(token('W')))
          .send({ metadata: `meta ${name}` })
          .expect(200);
      }
      const retrieved = await http()
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('R')));
      expect(keysInOrder(filesText(retrieved.text, dataset.pk))).toEqual(names);

      const listed = await http()
        .post('/v1/datasets/list')
        .set(authed(token('R')))
        .send({ expressions: [{ type: 'exact', field: 'pk', value: dataset.pk }] })
        .expect(200);
      expect(listed.headers['content-type']).toMatch(/^application\/json/);
      expect(keysInOrder(filesText(listed.text, dataset.pk))).toEqual(names);
      const [item] = listed.body as { files: Record<string, string> }[];
      expect(Object.getOwnPropertyNames(item.files).sort()).toEqual([...names].sort());
      expect(Object.getOwnPropertyDescriptor(item.files, '__proto__')?.value).toBe(
        sha256('bytes of __proto__'),
      );

      const metadata = await http()
        .get(`/v1/datasets/${dataset.pk}/metadata`)
        .set(authed(token('R')))
        .expect(200);
      expect(metadata.headers['content-type']).toMatch(/^application\/json/);
      expect(keysInOrder(metadata.text)).toEqual(names);
      expect(metadata.text).toContain('"__proto__":"meta __proto__"');
      expect(metadata.text).toContain('"constructor":"meta constructor"');
    });

    it('should answer {} for the metadata of a dataset without files', async () => {
      const dataset = await withFiles([]);
      const metadata = await http()
        .get(`/v1/datasets/${dataset.pk}/metadata`)
        .set(authed(token('R')))
        .expect(200);
      expect(metadata.body).toEqual({});
    });
  });

  describe('zip entry names', () => {
    it('should never write a drive-letter name into a zip', async () => {
      const dataset = await withFiles(['C:x', 'C:/x', 'label:cat.txt', 'plain.txt']);
      const response = await http()
        .post(`/v1/datasets/${dataset.pk}/download`)
        .set(authed(token('R')))
        .send({ filetype: 'zip' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const entries = await rawZipNames(response.body as Buffer);
      expect(entries).toEqual(['./C:x', './C:/x', 'label:cat.txt', 'plain.txt']);
      for (const name of entries) {
        expect(name).not.toMatch(/^([A-Za-z]:|\/)/);
      }
    });
  });

  describe('merge keeps the upload name rules', () => {
    const merge = (target: number, source: number) =>
      http()
        .post(`/v1/datasets/${target}/merge/${source}`)
        .set(authed(token('W')))
        .send({ delete: false });

    it('should refuse a source file named like a target directory, changing nothing', async () => {
      const target = await withFiles(['dir/inner.txt']);
      const source = await withFiles(['other.txt', 'dir']);
      const response = await merge(target.pk, source.pk).expect(400);
      expect(response.body).toEqual({
        detail: "Bad name 'dir': Filename is already a directory prefix",
      });
      const after = await http()
        .get(`/v1/datasets/${target.pk}`)
        .set(authed(token('R')));
      expect(Object.keys(after.body.files as object)).toEqual(['dir/inner.txt']);
    });

    it('should refuse a source file under a target filename, changing nothing', async () => {
      const target = await withFiles(['a']);
      const source = await withFiles(['a/b.txt']);
      const response = await merge(target.pk, source.pk).expect(400);
      expect(response.body).toEqual({
        detail: "Bad name 'a/b.txt': Directory prefix is already a filename",
      });
      const after = await http()
        .get(`/v1/datasets/${target.pk}`)
        .set(authed(token('R')));
      expect(Object.keys(after.body.files as object)).toEqual(['a']);
    });

    it('should still merge names that only share a leading string', async () => {
      const target = await withFiles(['a', 'dir/x']);
      const source = await withFiles(['ab', 'a.txt', 'dir0', 'dir/y']);
      const merged = await merge(target.pk, source.pk).expect(200);
      expect(Object.keys(merged.body.files as object)).toEqual([
        'a',
        'dir/x',
        'ab',
        'a.txt',
        'dir0',
        'dir/y',
      ]);
    });
  });

  describe('a soft-deleted dataset is read-only', () => {
    async function deletedWithFile() {
      const dataset = await withFiles(['keep.txt']);
      await http()
        .post(`/v1/datasets/${dataset.pk}/metadata/keep.txt`)
        .set(authed(token('W')))
        .send({ metadata: 'kept' })
        .expect(200);
      await http()
        .delete(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')))
        .expect(204);
      return dataset;
    }

    const state = async (pk: number) => ({
      files: await query(
        `SELECT f.filename, f.metadata FROM datasets d
         JOIN dataset_files f ON f.manifest_id = d.manifest_id WHERE d.id = $1 ORDER BY f.id`,
        [pk],
      ),
      datasets: await query('SELECT count(*)::int AS n FROM datasets'),
    });

    it('should answer 400 to every write and change nothing', async () => {
      const dataset = await deletedWithFile();
      const active = await withFiles(['active.txt']);
      const before = await state(dataset.pk);
      const pk = dataset.pk;
      const writes = [
        upload(testApp, token('W'), pk, 'new.txt', 'new'),
        http()
          .post(`/v1/datasets/${pk}/files-multi`)
          .set(authed(token('W')))
          .set('Content-Type', 'application/data')
          .send(Buffer.from('not even a zip')),
        http()
          .delete(`/v1/datasets/${pk}/files/keep.txt`)
          .set(authed(token('W'))),
        http()
          .post(`/v1/datasets/${pk}/metadata/keep.txt`)
          .set(authed(token('W')))
          .send({ metadata: 'changed' }),
        // Setting the same value would change nothing, and is refused all the same.
        http()
          .post(`/v1/datasets/${pk}/metadata/keep.txt`)
          .set(authed(token('W')))
          .send({ metadata: 'kept' }),
        http()
          .delete(`/v1/datasets/${pk}/clear`)
          .set(authed(token('W'))),
        http()
          .post(`/v1/datasets/${pk}/merge/${active.pk}`)
          .set(authed(token('W')))
          .send({ delete: false }),
        http()
          .post(`/v1/datasets/${active.pk}/merge/${pk}`)
          .set(authed(token('W')))
          .send({ delete: false }),
        http()
          .post(`/v1/datasets/${pk}/copy`)
          .set(authed(token('W')))
          .send({}),
        http().post(`/v1/datasets/${pk}/copy`).set(authed(cast.admin)).send({ new_name: 'x' }),
      ];
      for (const write of writes) {
        const response = await write;
        expect({ url: response.request.url, status: response.status }).toEqual({
          url: response.request.url,
          status: 400,
        });
        expect(response.body).toEqual({
          detail: expect.stringMatching(new RegExp(`^Dataset ${pk} is deleted: `)),
        });
      }
      expect(await state(dataset.pk)).toEqual(before);
      const activeAfter = await http()
        .get(`/v1/datasets/${active.pk}`)
        .set(authed(token('R')));
      expect(Object.keys(activeAfter.body.files as object)).toEqual(['active.txt']);
    });

    it('should accept writes again once a site admin reinstates it', async () => {
      const dataset = await deletedWithFile();
      await http()
        .delete(`/v1/datasets/${dataset.pk}/reinstate`)
        .set(authed(cast.admin))
        .expect(200);
      await upload(testApp, token('W'), dataset.pk, 'new.txt', 'new').expect(200);
    });
  });

  describe('hard merge by a non-admin', () => {
    it('should answer 403 saying hard deletion needs a site admin and hard=false works', async () => {
      const target = await withFiles(['t.txt']);
      const source = await withFiles(['s.txt']);
      const response = await http()
        .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
        .set(authed(token('W')))
        .send({ delete: true, hard: true })
        .expect(403);
      expect(response.body.detail).toMatch(/Hard deletion needs a site admin/);
      expect(response.body.detail).toMatch(/"hard": false/);
      const after = await http()
        .get(`/v1/datasets/${target.pk}`)
        .set(authed(token('R')));
      expect(Object.keys(after.body.files as object)).toEqual(['t.txt']);
    });
  });
});
