import { createHash } from 'node:crypto';
import request from 'supertest';
import type { DatasetJson } from '../../../src/modules/datasets/v1/dataset.presenter.js';
import type { DatasetSummaryJson } from '../../../src/modules/dataworld/v0/dataset.presenter.js';
import { DATASET_KEYS, MIT, upload } from '../../utils/datasets.js';
import { createCast, createTeam, unique, type Cast } from '../../utils/fixtures.js';
import { sql } from '../../utils/sql.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { unzip } from '../../utils/zip-read.js';
import { asBytes, authed, teamSlug, v0Dataset, type V0Dataset } from '../../utils/v0.js';

/**
 * /v0 and /v1 are two faces of the same datasets: a change made through one is what the other
 * answers next. A /v0 dataset (`owner/id`) is the newest active version of a /v1 lineage.
 */

type V1Dataset = DatasetJson;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

let testApp: TestApp;
let cast: Cast;
const http = () => request(testApp.app.getHttpServer());

beforeAll(async () => {
  testApp = await createTestApp();
  cast = await createCast(testApp);
});

afterAll(async () => {
  await testApp.close();
});

/** As data.world's client asks: a JSON content type on every request. */
const v0Get = (path: string, token = cast.admin) =>
  http().get(path).set(authed(token)).set('Content-Type', 'application/json');
const v0Summary = async (dataset: { path: string }, token = cast.admin) =>
  (await v0Get(dataset.path, token).expect(200)).body as DatasetSummaryJson;
const v1Get = async (pk: number) =>
  (await http().get(`/v1/datasets/${pk}`).set(authed(cast.admin)).expect(200)).body as V1Dataset;
const v1Tags = (tags: string) =>
  tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

async function licenceId(dataworldName: string): Promise<number> {
  const rows = await sql<{ id: number }>(
    testApp.database,
    'SELECT id FROM licences WHERE dataworld_name = $1',
    [dataworldName],
  );
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/** The pks of every version of the dataset's lineage (deleted ones too), oldest first. */
async function versionsOf(dataset: V0Dataset): Promise<number[]> {
  const rows = await sql<{ id: number }>(
    testApp.database,
    'SELECT id FROM datasets WHERE team_id = $1 AND slug = $2 ORDER BY version, id',
    [dataset.team.pk, dataset.id],
  );
  return rows.map((row) => row.id);
}

describe('metadata', () => {
  it('should show a PATCH on /v0 on /v1 (name, description, tags, licence, is_public)', async () => {
    const dataset = await v0Dataset(testApp, cast, { description: 'before', tags: 'old' });
    const title = unique('Renamed on v0').replace(/[^A-Za-z0-9 -]/g, ' ');
    await http()
      .patch(dataset.path)
      .set(authed(cast.actors.W.token))
      .send({
        title,
        description: 'Patched on v0',
        summary: '# Markdown summary',
        tags: ['alpha', 'beta gamma'],
        license: 'CC-BY',
        visibility: 'OPEN',
      })
      .expect(200);

    const v1 = await v1Get(dataset.pk);
    expect(v1).toMatchObject({
      pk: dataset.pk,
      name: title,
      description: 'Patched on v0',
      licence: await licenceId('CC-BY'),
      is_public: true,
      version: 1,
    });
    expect(v1Tags(v1.tags)).toEqual(['alpha', 'beta gamma']);
    // /v1 has no summary: its dataset JSON keeps UFDL's keys, and /v0 keeps the summary.
    expect(Object.keys(v1)).toEqual(DATASET_KEYS);
    expect((await v0Summary(dataset)).summary).toBe('# Markdown summary');
    // OPEN on /v0 is public on /v1: anyone reads it there now.
    await http().get(`/v1/datasets/${dataset.pk}`).expect(200);

    // Clearing on /v0 clears on /v1.
    await http()
      .patch(dataset.path)
      .set(authed(cast.actors.W.token))
      .send({ description: null, tags: null, license: null, visibility: 'PRIVATE' })
      .expect(200);
    const cleared = await v1Get(dataset.pk);
    expect(cleared).toMatchObject({
      description: '',
      licence: await licenceId('Other'),
      is_public: false,
    });
    expect(v1Tags(cleared.tags)).toEqual([]);
    await http().get(`/v1/datasets/${dataset.pk}`).expect(401);
  });

  it('should show a PATCH on /v1 on /v0 (title, description, tags, license, visibility)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const name = unique('Renamed on v1');
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(cast.actors.W.token))
      .send({
        name,
        description: 'Patched on v1',
        tags: 'one, two words',
        licence: await licenceId('ODC-ODbL'),
        is_public: true,
      })
      .expect(200);

    const v0 = await v0Summary(dataset);
    expect(v0).toMatchObject({
      owner: dataset.owner,
      // The id stays: it names the lineage, not the title.
      id: dataset.id,
      title: name,
      description: 'Patched on v1',
      tags: ['one', 'two words'],
      license: 'ODC-ODbL',
      visibility: 'OPEN',
      version: '1',
    });
    // Public on /v1 is OPEN on /v0: anonymous callers read it.
    const anonymous = await http()
      .get(dataset.path)
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(anonymous.body).toMatchObject({ title: name, accessLevel: 'READ' });

    // A licence data.world has no name for shows as Other.
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(cast.actors.W.token))
      .send({ licence: MIT, is_public: false })
      .expect(200);
    expect(await v0Summary(dataset)).toMatchObject({ license: 'Other', visibility: 'PRIVATE' });
  });
});

describe('files', () => {
  it('should list a /v1 upload on /v0 (name, size) and put its bytes in the /v0 zip', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const csv = Buffer.from('a,b\n1,2\n3,4\n');
    const notes = Buffer.from('uploaded through v1');
    await upload(testApp, cast.actors.W.token, dataset.pk, 'table.csv', csv).expect(200);
    await upload(testApp, cast.actors.W.token, dataset.pk, 'docs/notes.txt', notes).expect(200);

    const { files, version } = await v0Summary(dataset);
    expect(files.map((file) => [file.name, file.sizeInBytes])).toEqual(
      expect.arrayContaining([
        ['table.csv', csv.length],
        [expect.stringContaining('notes.txt'), notes.length],
      ]),
    );
    expect(files).toHaveLength(2);
    expect(version).toBe(String((await v1Get(dataset.pk)).version));
    expect(files.every((file) => file.source === undefined)).toBe(true);

    const zip = await asBytes(v0Get(`/v0/download/${dataset.owner}/${dataset.id}`)).expect(200);
    const entries = new Map(await unzip(zip.body as Buffer));
    expect(entries.get('table.csv')?.equals(csv)).toBe(true);
    expect([...entries.values()].some((bytes) => bytes.equals(notes))).toBe(true);
  });

  it('should show a /v0 upload in the /v1 files map, with the bytes /v1 serves', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const body = Buffer.from('id\n1\n2\n');
    await http()
      .put(`/v0/uploads/${dataset.owner}/${dataset.id}/files/from%20v0.csv`)
      .set(authed(cast.actors.W.token))
      .set('Content-Type', 'application/octet-stream')
      .send(body)
      .expect(200);

    const { files } = await v1Get(dataset.pk);
    expect(files).toEqual({ 'from v0.csv': sha256(body) });
    const served = await asBytes(
      http().get(`/v1/datasets/${dataset.pk}/files/from%20v0.csv`).set(authed(cast.admin)),
    ).expect(200);
    expect((served.body as Buffer).equals(body)).toBe(true);
  });
});

describe('versions', () => {
  it('should make a PUT on /v0 a new /v1 version, the old one still readable', async () => {
    const dataset = await v0Dataset(testApp, cast, { description: 'first', tags: 'kept' });
    await upload(testApp, cast.admin, dataset.pk, 'old.csv', 'old\n').expect(200);
    const before = await v1Get(dataset.pk);
    const title = unique('Replaced').replace(/[^A-Za-z0-9 -]/g, ' ');
    const replaced = await http()
      .put(dataset.path)
      .set(authed(cast.actors.W.token))
      .send({ title, visibility: 'PRIVATE', description: 'second', license: 'PDDL' })
      .expect(200);
    expect(replaced.body).toEqual({ message: 'Dataset has been successfully replaced.' });

    const versions = await versionsOf(dataset);
    expect(versions).toHaveLength(2);
    expect(versions[0]).toBe(dataset.pk);
    const next = await v1Get(versions[1]);
    expect(next).toMatchObject({
      name: title,
      version: before.version + 1,
      previous_version: before.version,
      description: 'second',
      licence: await licenceId('PDDL'),
      project: before.project,
      files: {},
      deletion_time: null,
    });
    expect(v1Tags(next.tags)).toEqual([]);
    // The earlier version is untouched on /v1.
    expect(await v1Get(dataset.pk)).toMatchObject({
      version: before.version,
      description: 'first',
      files: { 'old.csv': sha256('old\n') },
      deletion_time: null,
    });
    expect(await v0Summary(dataset)).toMatchObject({
      title,
      version: String(next.version),
      files: [],
    });
  });

  it('should resolve /v0 to a /v1 copy (next version), and back after its soft delete', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await upload(testApp, cast.admin, dataset.pk, 'one.csv', '1\n').expect(200);
    const copied = await http()
      .post(`/v1/datasets/${dataset.pk}/copy`)
      .set(authed(cast.actors.W.token))
      .send({})
      .expect(200);
    const copy = copied.body as V1Dataset;
    expect(copy.version).toBe(2);
    await upload(testApp, cast.admin, copy.pk, 'two.csv', '22\n').expect(200);

    const newest = await v0Summary(dataset);
    expect(newest.version).toBe('2');
    expect(newest.files.map((file) => file.name).sort()).toEqual(['one.csv', 'two.csv']);
    expect((await versionsOf(dataset)).at(-1)).toBe(copy.pk);

    await http().delete(`/v1/datasets/${copy.pk}`).set(authed(cast.actors.W.token)).expect(204);
    const fallback = await v0Summary(dataset);
    expect(fallback.version).toBe('1');
    expect(fallback.files.map((file) => file.name)).toEqual(['one.csv']);
    const zip = await asBytes(v0Get(`/v0/download/${dataset.owner}/${dataset.id}`)).expect(200);
    expect((await unzip(zip.body as Buffer)).map(([name]) => name)).toEqual(['one.csv']);
  });

  it('should soft-delete every version on a /v0 DELETE, and /v1 reinstate brings it back', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await http()
      .post(`/v1/datasets/${dataset.pk}/copy`)
      .set(authed(cast.admin))
      .send({})
      .expect(200);
    const versions = await versionsOf(dataset);
    expect(versions).toHaveLength(2);

    await http()
      .delete(dataset.path)
      .set(authed(cast.actors.A.token))
      .set('Content-Type', 'application/json')
      .expect(200);
    for (const pk of versions) {
      // The site admin still sees a deleted version, with its deletion time.
      expect((await v1Get(pk)).deletion_time).toMatch(/Z$/);
      expect(
        (await http().get(`/v1/datasets/${pk}`).set(authed(cast.actors.A.token)).expect(200)).body,
      ).toMatchObject({ pk, deletion_time: expect.stringMatching(/Z$/) });
    }
    await v0Get(dataset.path).expect(404);

    const reinstated = await http()
      .delete(`/v1/datasets/${versions[0]}/reinstate`)
      .set(authed(cast.admin))
      .expect(200);
    expect((reinstated.body as V1Dataset).deletion_time).toBeNull();
    // Only the first version is back: /v0 resolves to it.
    expect(await v0Summary(dataset, cast.actors.R.token)).toMatchObject({
      id: dataset.id,
      version: '1',
    });
    await http()
      .delete(`/v1/datasets/${versions[1]}/reinstate`)
      .set(authed(cast.admin))
      .expect(200);
    expect((await v0Summary(dataset)).version).toBe('2');
  });
});

describe('a dataset created on /v0', () => {
  it('should be listed by POST /v1/datasets/list, in the team project `default`', async () => {
    const team = await createTeam(testApp, cast);
    const owner = await teamSlug(testApp, team.pk);
    const title = unique('Made on v0').replace(/[^A-Za-z0-9 -]/g, ' ');
    const created = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(cast.actors.W.token))
      .send({ title, visibility: 'PRIVATE', description: 'from v0', tags: ['made here'] })
      .expect(200);
    const id = new URL((created.body as { uri: string }).uri).pathname.split('/').at(-1)!;

    const listed = await http()
      .post('/v1/datasets/list')
      .set(authed(cast.actors.R.token))
      .send({ expressions: [{ type: 'exact', field: 'project.team.name', value: team.name }] })
      .expect(200);
    const datasets = listed.body as V1Dataset[];
    expect(datasets.map((dataset) => dataset.name)).toEqual([title]);
    expect(datasets[0]).toMatchObject({
      description: 'from v0',
      version: 1,
      is_public: false,
      licence: await licenceId('Other'),
    });
    expect(v1Tags(datasets[0].tags)).toEqual(['made here']);
    const project = await http()
      .get(`/v1/projects/${datasets[0].project}`)
      .set(authed(cast.actors.R.token))
      .expect(200);
    expect(project.body).toMatchObject({ name: 'default', team: team.pk });

    // And the /v0 id reaches the same row.
    expect(await v0Summary({ path: `/v0/datasets/${owner}/${id}` })).toMatchObject({
      title,
      version: '1',
    });
    const [row] = await sql<{ id: number }>(
      testApp.database,
      'SELECT id FROM datasets WHERE team_id = $1 AND slug = $2',
      [team.pk, id],
    );
    expect(row.id).toBe(datasets[0].pk);
  });
});
