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

  /**
   * More entries than two chunks of the recording and batches of the streamed answer (1,000
   * each): `big/<i>.txt`, with bytes that repeat across chunks (the same blob twice).
   */
  const manyEntries = (tag: string, count: number): [string, string][] =>
    Array.from({ length: count }, (_, i) => [`big/${i}.txt`, `${tag}-${i % 1500}`]);

  it('should answer every entry of a zip of several chunks, in order, as one JSON array', async () => {
    const dataset = await createDataset(testApp, writer(), project);
    const entries = manyEntries(`all-${Date.now()}`, 2100);
    entries.splice(2050, 0, ['big/', ''], ['big/', '']);
    const response = await sendZip(dataset.pk, await zipOf(entries)).expect(200);
    const expected = entries.map(([name, content], i) => ({
      // The directory entries take the smallest free numbers under big/.
      filename: name === 'big/' ? `big/${i - 2049}` : name,
      handle: sha256(content),
    }));
    expect(JSON.parse(response.text)).toEqual(expected);
    // Byte for byte what one JSON.stringify of the whole array makes (streamed in batches).
    expect(response.text === JSON.stringify(expected)).toBe(true);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const files = (await filesOf(dataset.pk)).files;
    expect(Object.entries(files)).toEqual(expected.map((file) => [file.filename, file.handle]));
  }, 120_000);

  // One test per clash: each sends 2,100 entries, and each gets a time budget of its own.
  it.each<[clash: [string, string], error: RegExp]>([
    [['big/5.txt', 'again'], /Bad name 'big\/5.txt': Filename already in use/],
    [['big/7.txt/x', 'under'], /Bad name 'big\/7.txt\/x': Directory prefix is already a filename/],
    [['big', 'over'], /Bad name 'big': Filename is already a directory prefix/],
  ])(
    'should roll the earlier chunks back when an entry of a later chunk clashes (%j)',
    async (clash, error) => {
      const dataset = await createDataset(testApp, writer(), project);
      await upload(testApp, writer(), dataset.pk, 'kept.txt', 'kept').expect(200);
      const tag = `clash-${Date.now()}-${clash[0]}`;
      const entries = manyEntries(tag, 2100);
      entries.splice(2050, 0, clash);
      const response = await sendZip(dataset.pk, await zipOf(entries)).expect(400);
      expect(response.body.detail).toMatch(error);
      expect(Object.keys((await filesOf(dataset.pk)).files)).toEqual(['kept.txt']);
      // Not a row of any chunk, nor a blob row, is left.
      const handles = [0, 999, 1000, 1999, 2000].map((i) => sha256(entries[i][1]));
      expect(
        await sql(testApp.database, 'SELECT 1 FROM dataset_files WHERE blob_handle = ANY($1)', [
          handles,
        ]),
      ).toEqual([]);
      expect(
        await sql(testApp.database, 'SELECT 1 FROM blobs WHERE handle = ANY($1)', [handles]),
      ).toEqual([]);
    },
    120_000,
  );

  it('should not hold the dataset row while the blobs are moved into place', async () => {
    const dataset = await createDataset(testApp, writer(), project);
    const store = testApp.app.get(BlobStore);
    // Blobs are committed through the objects resume makes (an upload holds records, not them).
    const resume = store.resume.bind(store);
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
    store.resume = (record) => {
      const staged = resume(record);
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
      store.resume = resume;
    }
    expect(await rowLockedDuringCommit).toBe(false);
    expect(Object.keys((await filesOf(dataset.pk)).files)).toEqual(['p.txt', 'q.txt']);
  });
});
