import { createHash } from 'node:crypto';
import request from 'supertest';
import { BlobStore } from '../../src/storage/blob-store.js';
import { createDataset, upload } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { buildZip, storedEntry } from '../utils/zip-bytes.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

/** A stored zip of these entries (names ending in `/` are directories). */
const zipOf = (entries: [string, string][]) =>
  Promise.resolve(buildZip(entries.map(([name, content]) => storedEntry(name, content))));

/**
 * files-multi records a zip's entries in one short transaction after every blob is staged and
 * durable: names are judged set-based, as if the entries were added one by one, and the whole
 * zip is still all or nothing.
 */
describe('/v1/datasets/{pk}/files-multi in batches', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: number;
  const http = () => request(testApp.app.getHttpServer());
  const writer = () => cast.actors.W.token!;

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = (await createProject(testApp, writer(), team.pk)).pk;
  });

  afterAll(() => testApp?.close());

  const sendZip = (pk: number, body: Buffer) =>
    http()
      .post(`/v1/datasets/${pk}/files-multi`)
      .set(authed(writer()))
      .set('Content-Type', 'application/data')
      .set('Content-Disposition', 'attachment; filename=data')
      .send(body);

  const filesOf = async (pk: number) =>
    (await http().get(`/v1/datasets/${pk}`).set(authed(writer())).expect(200)).body as {
      files: Record<string, string>;
    };

  it('should judge each entry against the ones before it, as one-by-one adds would', async () => {
    const cases: [entries: [string, string][], error: RegExp][] = [
      [
        [
          ['d.txt', '1'],
          ['d.txt', '2'],
        ],
        /Bad name 'd.txt': Filename already in use/,
      ],
      [
        [
          ['a', '1'],
          ['a/b', '2'],
        ],
        /Bad name 'a\/b': Directory prefix is already a filename/,
      ],
      [
        [
          ['x/y', '1'],
          ['x', '2'],
        ],
        /Bad name 'x': Filename is already a directory prefix/,
      ],
      [
        [
          ['f', '1'],
          ['f/', ''],
        ],
        /Bad name 'f\/': Directory prefix is already a filename/,
      ],
    ];
    for (const [entries, error] of cases) {
      const dataset = await createDataset(testApp, writer(), project);
      const response = await sendZip(dataset.pk, await zipOf(entries)).expect(400);
      expect(response.body.detail).toMatch(error);
      expect((await filesOf(dataset.pk)).files).toEqual({});
    }
  });

  it('should number directory entries after existing and earlier numbered files', async () => {
    const dataset = await createDataset(testApp, writer(), project);
    await upload(testApp, writer(), dataset.pk, 'n/1', 'one').expect(200);
    await upload(testApp, writer(), dataset.pk, 'n/3', 'three').expect(200);
    const response = await sendZip(
      dataset.pk,
      await zipOf([
        ['n/', ''],
        ['n/4', 'four'],
        ['n/', ''],
        ['n/', ''],
      ]),
    ).expect(200);
    expect((response.body as { filename: string }[]).map((file) => file.filename)).toEqual([
      'n/2',
      'n/4',
      'n/5',
      'n/6',
    ]);
  });

  it('should leave nothing visible when a late entry of a large zip fails', async () => {
    const dataset = await createDataset(testApp, writer(), project);
    await upload(testApp, writer(), dataset.pk, 'taken.txt', 'old').expect(200);
    const tag = `late-${Date.now()}`;
    const entries: [string, string][] = Array.from({ length: 600 }, (_, i) => [
      `many/${i}.txt`,
      `${tag}-${i}`,
    ]);
    entries.push(['taken.txt', 'new']);
    const response = await sendZip(dataset.pk, await zipOf(entries)).expect(400);
    expect(response.body.detail).toMatch(/Bad name 'taken.txt': Filename already in use/);
    expect(Object.keys((await filesOf(dataset.pk)).files)).toEqual(['taken.txt']);
    const referenced = await sql(
      testApp.database,
      'SELECT 1 FROM dataset_files WHERE blob_handle = ANY($1::text[])',
      [entries.slice(0, 3).map(([, content]) => sha256(content))],
    );
    expect(referenced).toEqual([]);
  });

  it('should keep every upload when zips and single files go to one dataset at once', async () => {
    const dataset = await createDataset(testApp, writer(), project);
    const other = await createDataset(testApp, writer(), project);
    // Shared contents across the zips: their blob rows are claimed by several uploads at once.
    const zipFor = (prefix: string) =>
      zipOf(Array.from({ length: 200 }, (_, i) => [`${prefix}/${i}.txt`, `shared-${i % 50}`]));
    const answers = await Promise.all([
      sendZip(dataset.pk, await zipFor('a')),
      sendZip(dataset.pk, await zipFor('b')),
      sendZip(other.pk, await zipFor('c')),
      upload(testApp, writer(), dataset.pk, 'single.txt', 'shared-7'),
      upload(testApp, writer(), dataset.pk, 'a/0.txt.extra', 'shared-8'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const files = (await filesOf(dataset.pk)).files;
    expect(Object.keys(files)).toHaveLength(402);
    expect(files['b/199.txt']).toBe(sha256('shared-49'));
    expect(Object.keys((await filesOf(other.pk)).files)).toHaveLength(200);
  });

  it('should not hold the dataset row while the blobs are moved into place', async () => {
    const dataset = await createDataset(testApp, writer(), project);
    const store = testApp.app.get(BlobStore);
    const stage = store.stage.bind(store);
    // One probe for all commits (they run concurrently): two probes at once would each find the
    // row locked by the other's FOR UPDATE.
    let rowLockedDuringCommit: Promise<boolean> | undefined;
    // SKIP LOCKED finds no row while an upload holds it.
    const probe = async () =>
      (
        await sql(testApp.database, 'SELECT 1 FROM datasets WHERE id = $1 FOR UPDATE SKIP LOCKED', [
          dataset.pk,
        ])
      ).length === 0;
    store.stage = async (source, options) => {
      const staged = await stage(source, options);
      const commit = staged.commit.bind(staged);
      staged.commit = async () => {
        rowLockedDuringCommit ??= probe();
        await rowLockedDuringCommit;
        await commit();
      };
      return staged;
    };
    try {
      await sendZip(
        dataset.pk,
        await zipOf([
          ['p.txt', `probe-${Date.now()}`],
          ['q.txt', 'q'],
        ]),
      ).expect(200);
    } finally {
      store.stage = stage;
    }
    expect(await rowLockedDuringCommit).toBe(false);
    expect(Object.keys((await filesOf(dataset.pk)).files)).toEqual(['p.txt', 'q.txt']);
  });
});
