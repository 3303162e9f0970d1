import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { BlobCollectorService } from '../../src/modules/dataset-files/blob-collector.service.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, upload, setFileMetadata } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
/** Content no other test uploads, so its blob's fate is this test's alone. */
const fresh = (label: string) => `${label}-${randomBytes(8).toString('hex')}`;

/**
 * Copies share their source's file manifest; the first write to either side gives the written
 * dataset its own copy of the rows. What each dataset shows must be exactly what it would be had
 * every copy duplicated its files.
 */
describe('/v1/datasets copy-on-write file manifests', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: { pk: number };
  const http = () => request(testApp.app.getHttpServer());
  const writer = () => cast.actors.W.token!;
  const query = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
    sql<R>(testApp.database, text, values);

  async function withFiles(files: [string, string][]) {
    const dataset = await createDataset(testApp, writer(), project.pk);
    for (const [filename, content] of files) {
      await upload(testApp, writer(), dataset.pk, filename, content).expect(200);
    }
    return dataset.pk;
  }

  const copy = async (pk: number, body: object = {}) =>
    (await http().post(`/v1/datasets/${pk}/copy`).set(authed(writer())).send(body).expect(200)).body
      .pk as number;

  /** The files map as the API shows it (keys in the dataset's order; no integer-like names). */
  const filesOf = async (pk: number) =>
    (await http().get(`/v1/datasets/${pk}`).set(authed(cast.admin)).expect(200)).body
      .files as Record<string, string>;

  const metadataOf = async (pk: number) =>
    (await http().get(`/v1/datasets/${pk}/metadata`).set(authed(cast.admin)).expect(200))
      .body as Record<string, string>;

  const setMetadata = (pk: number, filename: string, metadata: string) =>
    setFileMetadata(testApp, writer(), pk, filename, metadata);

  const deleteFile = (pk: number, filename: string) =>
    http().delete(`/v1/datasets/${pk}/files/${filename}`).set(authed(writer())).expect(200);

  const hardDelete = (pk: number) =>
    http().delete(`/v1/datasets/${pk}/hard`).set(authed(cast.admin)).expect(200);

  const download = async (pk: number, filename: string) =>
    (
      await http()
        .get(`/v1/datasets/${pk}/files/${filename}`)
        .set(authed(cast.admin))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  const manifestOf = async (pk: number) =>
    (
      await query<{ manifest_id: number }>('SELECT manifest_id FROM datasets WHERE id = $1', [pk])
    )[0].manifest_id;

  const fileRows = async () =>
    (await query<{ n: number }>('SELECT count(*)::int AS n FROM dataset_files'))[0].n;

  const blobRowExists = async (handle: string) =>
    (await query('SELECT 1 FROM blobs WHERE handle = $1', [handle])).length > 0;

  /** Manifests no dataset row uses: there must never be any (their blobs could not be collected). */
  const orphanManifests = async () =>
    (
      await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM file_manifests m
         WHERE NOT EXISTS (SELECT 1 FROM datasets d WHERE d.manifest_id = m.id)`,
      )
    )[0].n;

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
  });

  afterEach(async () => {
    expect(await orphanManifests()).toBe(0);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should copy a whole dataset without copying a single file row', async () => {
    const source = await withFiles([
      ['a.txt', 'A'],
      ['b.txt', 'B'],
    ]);
    await setMetadata(source, 'a.txt', 'meta-a');
    const rowsBefore = await fileRows();
    const manifestsBefore = (await query('SELECT id FROM file_manifests')).length;
    const target = await copy(source);
    expect(await fileRows()).toBe(rowsBefore);
    expect((await query('SELECT id FROM file_manifests')).length).toBe(manifestsBefore);
    expect(await manifestOf(target)).toBe(await manifestOf(source));
    expect(await filesOf(target)).toEqual({ 'a.txt': sha256('A'), 'b.txt': sha256('B') });
    expect(await metadataOf(target)).toEqual({ 'a.txt': 'meta-a', 'b.txt': '' });
  });

  it('should keep a copy as it was when its source is written to', async () => {
    const source = await withFiles([
      ['keep.txt', 'K'],
      ['gone.txt', 'G'],
    ]);
    const target = await copy(source);
    const shared = await manifestOf(source);
    await upload(testApp, writer(), source, 'added.txt', 'new').expect(200);
    // The dataset written to moves to its own manifest; the copy stays where it was.
    expect(await manifestOf(target)).toBe(shared);
    expect(await manifestOf(source)).not.toBe(shared);
    await deleteFile(source, 'gone.txt');
    await setMetadata(source, 'keep.txt', 'source-meta');
    expect(await filesOf(source)).toEqual({ 'keep.txt': sha256('K'), 'added.txt': sha256('new') });
    expect(await metadataOf(source)).toEqual({ 'keep.txt': 'source-meta', 'added.txt': '' });
    expect(await filesOf(target)).toEqual({ 'keep.txt': sha256('K'), 'gone.txt': sha256('G') });
    expect(await metadataOf(target)).toEqual({ 'keep.txt': '', 'gone.txt': '' });
  });

  it('should keep the source as it was when its copy is written to', async () => {
    const source = await withFiles([
      ['keep.txt', 'K'],
      ['gone.txt', 'G'],
    ]);
    await setMetadata(source, 'keep.txt', 'original');
    const target = await copy(source);
    // Each kind of write first, on a fresh copy: the first write is the one that clones.
    await setMetadata(target, 'keep.txt', 'copy-meta');
    const second = await copy(source);
    await deleteFile(second, 'gone.txt');
    const third = await copy(source);
    await upload(testApp, writer(), third, 'added.txt', 'new').expect(200);
    const original = { 'keep.txt': sha256('K'), 'gone.txt': sha256('G') };
    expect(await filesOf(source)).toEqual(original);
    expect(await metadataOf(source)).toEqual({ 'keep.txt': 'original', 'gone.txt': '' });
    expect(await metadataOf(target)).toEqual({ 'keep.txt': 'copy-meta', 'gone.txt': '' });
    expect(await filesOf(second)).toEqual({ 'keep.txt': sha256('K') });
    expect(await filesOf(third)).toEqual({ ...original, 'added.txt': sha256('new') });
  });

  it('should share a copy of a copy among all three until each diverges', async () => {
    const first = await withFiles([['base.txt', 'base']]);
    const second = await copy(first);
    const third = await copy(second);
    const shared = await manifestOf(first);
    expect([await manifestOf(second), await manifestOf(third)]).toEqual([shared, shared]);
    await upload(testApp, writer(), second, 'two.txt', '2').expect(200);
    await upload(testApp, writer(), third, 'three.txt', '3').expect(200);
    // The last one left on the manifest writes in place: no copy it doesn't need.
    const rows = await fileRows();
    await upload(testApp, writer(), first, 'one.txt', '1').expect(200);
    expect(await fileRows()).toBe(rows + 1);
    expect(await manifestOf(first)).toBe(shared);
    const base = { 'base.txt': sha256('base') };
    expect(await filesOf(first)).toEqual({ ...base, 'one.txt': sha256('1') });
    expect(await filesOf(second)).toEqual({ ...base, 'two.txt': sha256('2') });
    expect(await filesOf(third)).toEqual({ ...base, 'three.txt': sha256('3') });
  });

  it('should merge into a target that shares its manifest without changing the other sharer', async () => {
    const original = await withFiles([['same.txt', 'S']]);
    const target = await copy(original);
    const source = await withFiles([
      ['same.txt', 'other bytes'],
      ['extra.txt', 'E'],
    ]);
    await setMetadata(source, 'extra.txt', 'extra-meta');
    const merged = await http()
      .post(`/v1/datasets/${target}/merge/${source}`)
      .set(authed(writer()))
      .send({ delete: false })
      .expect(200);
    expect(merged.body.files).toEqual({
      'same.txt': sha256('S'),
      'extra.txt': sha256('E'),
      'same-0001.txt': sha256('other bytes'),
    });
    expect(await metadataOf(target)).toMatchObject({ 'extra.txt': 'extra-meta' });
    expect(await filesOf(original)).toEqual({ 'same.txt': sha256('S') });
    expect(await metadataOf(original)).toEqual({ 'same.txt': '' });
  });

  it('should merge a dataset into its own copy as a no-op that copies nothing', async () => {
    const source = await withFiles([['m.txt', 'M']]);
    const target = await copy(source);
    const rows = await fileRows();
    await http()
      .post(`/v1/datasets/${target}/merge/${source}`)
      .set(authed(writer()))
      .send({ delete: true })
      .expect(200);
    expect(await fileRows()).toBe(rows);
    expect(await filesOf(target)).toEqual({ 'm.txt': sha256('M') });
    // The soft-deleted source still shares the manifest, so the target still cannot write in place.
    expect(await manifestOf(target)).toBe(await manifestOf(source));
  });

  it('should keep the files of a copy when its source is hard-deleted, and collect them with the last one', async () => {
    const content = fresh('kept');
    const handle = sha256(content);
    const source = await withFiles([['kept.bin', content]]);
    const target = await copy(source);
    const manifest = await manifestOf(source);
    await hardDelete(source);
    await http().get(`/v1/datasets/${source}`).set(authed(cast.admin)).expect(404);
    // Still referenced: the collector refuses it whenever it is asked.
    const collector = testApp.app.get(BlobCollectorService);
    expect(await collector.reclaim([handle])).toBe(0);
    expect(await blobRowExists(handle)).toBe(true);
    expect((await download(target, 'kept.bin')).toString()).toBe(content);
    expect((await query('SELECT 1 FROM file_manifests WHERE id = $1', [manifest])).length).toBe(1);

    await hardDelete(target);
    expect((await query('SELECT 1 FROM file_manifests WHERE id = $1', [manifest])).length).toBe(0);
    expect(
      (await query('SELECT 1 FROM dataset_files WHERE manifest_id = $1', [manifest])).length,
    ).toBe(0);
    // Reclaiming runs after the answer; give it a moment.
    for (let i = 0; i < 100 && (await blobRowExists(handle)); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await blobRowExists(handle)).toBe(false);
  });

  it('should keep the manifest for a soft-deleted sharer, which sees its files again when reinstated', async () => {
    const content = fresh('soft');
    const source = await withFiles([['s.bin', content]]);
    const target = await copy(source);
    await http().delete(`/v1/datasets/${target}`).set(authed(writer())).expect(204);
    await upload(testApp, writer(), source, 'later.txt', 'L').expect(200);
    await hardDelete(source);
    const collector = testApp.app.get(BlobCollectorService);
    expect(await collector.reclaim([sha256(content)])).toBe(0);
    await http().delete(`/v1/datasets/${target}/reinstate`).set(authed(cast.admin)).expect(200);
    expect(await filesOf(target)).toEqual({ 's.bin': sha256(content) });
    expect((await download(target, 's.bin')).toString()).toBe(content);
  });

  it('should give a copy with only_files a manifest of its own holding just those files', async () => {
    const source = await withFiles([
      ['one.txt', '1'],
      ['two.txt', '2'],
      ['three.txt', '3'],
    ]);
    await setMetadata(source, 'three.txt', 'meta-3');
    const rows = await fileRows();
    const target = await copy(source, { only_files: ['three.txt', 'one.txt', 'missing.txt'] });
    expect(await fileRows()).toBe(rows + 2);
    expect(await manifestOf(target)).not.toBe(await manifestOf(source));
    // The source's order, not the request's.
    expect(Object.keys(await filesOf(target))).toEqual(['one.txt', 'three.txt']);
    expect(await metadataOf(target)).toEqual({ 'one.txt': '', 'three.txt': 'meta-3' });
    await upload(testApp, writer(), target, 'own.txt', 'own').expect(200);
    expect(Object.keys(await filesOf(source))).toEqual(['one.txt', 'two.txt', 'three.txt']);
  });

  it('should keep the file order and metadata through a copy-on-write clone', async () => {
    const names = ['zeta.txt', 'alpha.txt', 'mid/x.txt', 'beta.txt', 'Upper.txt'];
    const source = await withFiles(names.map((name) => [name, `content of ${name}`]));
    await setMetadata(source, 'mid/x.txt', 'x-meta');
    const target = await copy(source);
    await upload(testApp, writer(), target, 'aaa-new.txt', 'new').expect(200);
    expect(Object.keys(await filesOf(target))).toEqual([...names, 'aaa-new.txt']);
    expect(Object.keys(await filesOf(source))).toEqual(names);
    expect(await metadataOf(target)).toMatchObject({ 'mid/x.txt': 'x-meta' });
    const cloned = await query<{ filename: string }>(
      'SELECT filename FROM dataset_files WHERE manifest_id = $1 ORDER BY id',
      [await manifestOf(target)],
    );
    expect(cloned.map((row) => row.filename)).toEqual([...names, 'aaa-new.txt']);
  });

  it('should clear the metadata of a copy only', async () => {
    const source = await withFiles([['c.txt', 'C']]);
    await setMetadata(source, 'c.txt', 'meta');
    const target = await copy(source);
    const cleared = await http()
      .delete(`/v1/datasets/${target}/clear`)
      .set(authed(writer()))
      .expect(200);
    expect(cleared.body.files).toEqual({ 'c.txt': sha256('C') });
    expect(await metadataOf(target)).toEqual({ 'c.txt': '' });
    expect(await metadataOf(source)).toEqual({ 'c.txt': 'meta' });
  });

  it('should copy nothing for writes that change nothing or fail', async () => {
    const source = await withFiles([['n.txt', 'N']]);
    const target = await copy(source);
    const shared = await manifestOf(source);
    await setMetadata(target, 'n.txt', ''); // Already blank.
    await http().delete(`/v1/datasets/${target}/clear`).set(authed(writer())).expect(200);
    await http()
      .delete(`/v1/datasets/${target}/files/missing.txt`)
      .set(authed(writer()))
      .expect(400);
    await http()
      .post(`/v1/datasets/${target}/metadata/missing.txt`)
      .set(authed(writer()))
      .send({ metadata: 'm' })
      .expect(400);
    await upload(testApp, writer(), target, 'n.txt', 'clash').expect(400);
    expect(await manifestOf(target)).toBe(shared);
    expect(await manifestOf(source)).toBe(shared);
  });

  it('should keep every sharer consistent under concurrent writes and copies', async () => {
    const base: [string, string][] = Array.from({ length: 20 }, (_, i) => [
      `f-${String(i).padStart(2, '0')}.txt`,
      `base ${i}`,
    ]);
    const first = await withFiles(base);
    const second = await copy(first);
    const third = await copy(first);
    const [copied] = await Promise.all([
      copy(first),
      upload(testApp, writer(), first, 'one.txt', '1').expect(200),
      upload(testApp, writer(), second, 'two.txt', '2').expect(200),
      upload(testApp, writer(), third, 'three.txt', '3').expect(200),
      deleteFile(second, 'f-00.txt'),
      setMetadata(third, 'f-01.txt', 'third-meta'),
      setMetadata(first, 'f-02.txt', 'first-meta'),
    ]);
    const baseFiles = Object.fromEntries(base.map(([name, content]) => [name, sha256(content)]));
    const withoutFirst = Object.fromEntries(
      Object.entries(baseFiles).filter(([name]) => name !== 'f-00.txt'),
    );
    expect(await filesOf(first)).toEqual({ ...baseFiles, 'one.txt': sha256('1') });
    expect(await filesOf(second)).toEqual({ ...withoutFirst, 'two.txt': sha256('2') });
    expect(await filesOf(third)).toEqual({ ...baseFiles, 'three.txt': sha256('3') });
    expect(await metadataOf(first)).toMatchObject({ 'f-01.txt': '', 'f-02.txt': 'first-meta' });
    expect(await metadataOf(second)).toMatchObject({ 'f-01.txt': '', 'f-02.txt': '' });
    expect(await metadataOf(third)).toMatchObject({ 'f-01.txt': 'third-meta', 'f-02.txt': '' });
    // The copy saw `first` before or after its upload, never anything of the others.
    const copiedFiles = await filesOf(copied);
    expect(copiedFiles).toMatchObject(baseFiles);
    expect(Object.keys(copiedFiles).filter((name) => !(name in baseFiles))).toEqual(
      'one.txt' in copiedFiles ? ['one.txt'] : [],
    );
  });
});
