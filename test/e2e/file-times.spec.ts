import { createHash } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import request from 'supertest';
import {
  DatasetFilesService,
  type FileDetails,
} from '../../src/modules/dataset-files/dataset-files.service.js';
import { DatasetsService } from '../../src/modules/datasets/datasets.service.js';
import { SourcesService } from '../../src/modules/sources/sources.service.js';
import { createDataset, DATASET_KEYS, upload, setFileMetadata } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/**
 * What /v0 says of files and datasets, kept by every /v1 write: each file's created and updated
 * times (and its details, carried by copies and merges), and each dataset version's
 * modification time, which moves on every change to its metadata or files and on nothing else.
 * /v1 answers show none of it.
 */

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

describe('file times and dataset modification time through /v1', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: { pk: number };
  let files: DatasetFilesService;
  let datasets: DatasetsService;
  let sources: SourcesService;
  const http = () => request(testApp.app.getHttpServer());
  const writer = () => cast.actors.W.token!;

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
    files = testApp.app.get(DatasetFilesService);
    datasets = testApp.app.get(DatasetsService);
    sources = testApp.app.get(SourcesService);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const details = async (pk: number): Promise<Record<string, FileDetails>> =>
    Object.fromEntries((await files.fileDetails(pk)).map((file) => [file.name, file]));
  const modified = async (pk: number) => (await datasets.view(pk)).modificationTime.getTime();
  /** Each step's transaction starts a few milliseconds after the last one's. */
  const tick = () => pause(5);

  const setMetadata = (pk: number, filename: string, metadata: string) =>
    setFileMetadata(testApp, writer(), pk, filename, metadata);

  /** Runs `change` and answers whether the dataset's modification time moved forward. */
  async function moves(pk: number, change: () => Promise<unknown>): Promise<boolean> {
    const before = await modified(pk);
    await tick();
    await change();
    return (await modified(pk)) > before;
  }

  async function withFiles(contents: Record<string, string>) {
    const dataset = await createDataset(testApp, writer(), project.pk);
    for (const [name, content] of Object.entries(contents)) {
      await upload(testApp, writer(), dataset.pk, name, content).expect(200);
    }
    return dataset;
  }

  it('should start a dataset modified when it was created, and show /v1 none of it', async () => {
    const dataset = await createDataset(testApp, writer(), project.pk);
    const view = await datasets.view(dataset.pk);
    expect(view.modificationTime.getTime()).toBe(view.creationTime.getTime());
    const got = await http().get(`/v1/datasets/${dataset.pk}`).set(authed(writer())).expect(200);
    expect(Object.keys(got.body as object)).toEqual(DATASET_KEYS);
  });

  it('should give a new file created = updated, moving the dataset', async () => {
    const dataset = await createDataset(testApp, writer(), project.pk);
    const before = await modified(dataset.pk);
    await tick();
    await upload(testApp, writer(), dataset.pk, 'a.csv', 'a').expect(200);
    const { 'a.csv': file } = await details(dataset.pk);
    expect(file).toEqual({
      name: 'a.csv',
      handle: sha256('a'),
      size: 1,
      created: file.created,
      updated: file.created,
      description: null,
      labels: null,
    });
    expect(file.created.getTime()).toBeGreaterThan(before);
    expect(await modified(dataset.pk)).toBe(file.created.getTime());
  });

  it('should move updated (not created) on a metadata change, and nothing on a read', async () => {
    const dataset = await withFiles({ 'a.csv': 'a', 'b.csv': 'b' });
    const before = await details(dataset.pk);
    const first = before['a.csv'];
    expect(
      await moves(dataset.pk, async () => {
        await http().get(`/v1/datasets/${dataset.pk}`).set(authed(writer())).expect(200);
        await http().get(`/v1/datasets/${dataset.pk}/files/a.csv`).set(authed(writer()));
        await http().get(`/v1/datasets/${dataset.pk}/metadata`).set(authed(writer())).expect(200);
        await http().post('/v1/datasets/list').set(authed(writer())).send({}).expect(200);
      }),
    ).toBe(false);
    expect(await moves(dataset.pk, () => setMetadata(dataset.pk, 'a.csv', 'm'))).toBe(true);
    const after = await details(dataset.pk);
    expect(after['a.csv'].created).toEqual(first.created);
    expect(after['a.csv'].updated.getTime()).toBeGreaterThan(first.updated.getTime());
    expect(after['b.csv']).toEqual(before['b.csv']); // Only the file named changed.
    // The same metadata again changes nothing.
    expect(await moves(dataset.pk, () => setMetadata(dataset.pk, 'a.csv', 'm'))).toBe(false);
  });

  it('should move updated of the files a clear blanks, and the dataset', async () => {
    const dataset = await withFiles({ 'a.csv': 'a', 'b.csv': 'b' });
    await setMetadata(dataset.pk, 'a.csv', 'm');
    const before = await details(dataset.pk);
    expect(
      await moves(dataset.pk, () =>
        http().delete(`/v1/datasets/${dataset.pk}/clear`).set(authed(writer())).expect(200),
      ),
    ).toBe(true);
    const after = await details(dataset.pk);
    expect(after['a.csv'].updated.getTime()).toBeGreaterThan(before['a.csv'].updated.getTime());
    expect(after['b.csv'].updated).toEqual(before['b.csv'].updated); // Had none to blank.
  });

  it('should move the dataset on a file deleted and on a metadata update, not on a refused one', async () => {
    const dataset = await withFiles({ 'a.csv': 'a' });
    expect(
      await moves(dataset.pk, () =>
        http().delete(`/v1/datasets/${dataset.pk}/files/a.csv`).set(authed(writer())).expect(200),
      ),
    ).toBe(true);
    expect(
      await moves(dataset.pk, () =>
        http()
          .patch(`/v1/datasets/${dataset.pk}`)
          .set(authed(writer()))
          .send({ description: 'changed' })
          .expect(200),
      ),
    ).toBe(true);
    expect(
      await moves(dataset.pk, () =>
        http()
          .patch(`/v1/datasets/${dataset.pk}`)
          .set(authed(cast.actors.R.token))
          .send({ description: 'refused' })
          .expect(403),
      ),
    ).toBe(false);
    expect(
      await moves(dataset.pk, () =>
        http()
          .delete(`/v1/datasets/${dataset.pk}/files/missing.csv`)
          .set(authed(writer()))
          .expect(400),
      ),
    ).toBe(false);
  });

  it('should carry every file time and detail into a copy, which starts modified now', async () => {
    const source = await withFiles({ 'a.csv': 'a', 'b.csv': 'b' });
    expect(
      await sources.setFileDetails(source.pk, 'a.csv', { description: 'A', labels: ['raw data'] }),
    ).toBe(true);
    const original = await details(source.pk);
    const sourceModified = await modified(source.pk);
    await tick();
    const copied = await http()
      .post(`/v1/datasets/${source.pk}/copy`)
      .set(authed(writer()))
      .send({})
      .expect(200);
    const copy = (copied.body as { pk: number }).pk;
    expect(await details(copy)).toEqual(original);
    expect(await modified(copy)).toBeGreaterThan(sourceModified);
    expect(await modified(source.pk)).toBe(sourceModified); // A copy is a read of its source.

    // The copy's first write gives it its own manifest: the rows carry their times there too.
    await tick();
    await upload(testApp, writer(), copy, 'c.csv', 'c').expect(200);
    const forked = await details(copy);
    expect(forked['a.csv']).toEqual(original['a.csv']);
    expect(forked['b.csv']).toEqual(original['b.csv']);
    expect(forked['c.csv'].created.getTime()).toBeGreaterThan(original['b.csv'].created.getTime());
    expect(await details(source.pk)).toEqual(original);

    // A copy of only some files carries theirs as well.
    const partial = await http()
      .post(`/v1/datasets/${source.pk}/copy`)
      .set(authed(writer()))
      .send({ only_files: ['a.csv'] })
      .expect(200);
    expect(await details((partial.body as { pk: number }).pk)).toEqual({
      'a.csv': original['a.csv'],
    });
  });

  it('should carry times and details into a merge target, renamed clashes too', async () => {
    const target = await withFiles({ 'same.csv': 'same', 'clash.csv': 'target' });
    const source = await withFiles({ 'same.csv': 'same', 'clash.csv': 'source', 'new.csv': 'n' });
    await sources.setFileDetails(source.pk, 'clash.csv', { description: 'C', labels: ['x'] });
    await sources.setFileDetails(source.pk, 'new.csv', { labels: ['documentation'] });
    const from = await details(source.pk);
    const kept = await details(target.pk);
    expect(
      await moves(target.pk, () =>
        http()
          .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
          .set(authed(writer()))
          .send({ delete: false, hard: false })
          .expect(200),
      ),
    ).toBe(true);
    const merged = await details(target.pk);
    expect(Object.keys(merged)).toEqual(['same.csv', 'clash.csv', 'new.csv', 'clash-0001.csv']);
    expect(merged['same.csv']).toEqual(kept['same.csv']);
    expect(merged['clash.csv']).toEqual(kept['clash.csv']);
    expect(merged['new.csv']).toEqual(from['new.csv']);
    expect(merged['clash-0001.csv']).toEqual({ ...from['clash.csv'], name: 'clash-0001.csv' });
  });
});
