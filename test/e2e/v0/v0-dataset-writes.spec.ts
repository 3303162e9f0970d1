import request from 'supertest';
import type { DatasetJson } from '../../../src/modules/datasets/v1/dataset.presenter.js';
import { upload } from '../../utils/datasets.js';
import {
  authed,
  createCast,
  createTeam,
  unique,
  type Cast,
  type Role,
} from '../../utils/fixtures.js';
import { sql } from '../../utils/sql.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { teamSlug, v0Dataset, type V0Dataset } from '../../utils/v0.js';
import { mintApiToken } from '../../utils/auth.js';
import { SourcesService } from '../../../src/modules/sources/sources.service.js';

/**
 * The dataset writes of /v0: create, PATCH, PUT, DELETE and add-files by source, through the
 * real app, each seen on /v1 too (the same datasets), with every role's answer.
 */

let testApp: TestApp;
let cast: Cast;

const http = () => request(testApp.app.getHttpServer());
const token = (role: Role) => cast.actors[role].token;

beforeAll(async () => {
  // Nothing is fetched: these tests are about what is recorded, not about fetching.
  testApp = await createTestApp({ env: { SOURCES_CONCURRENCY: '0' } });
  cast = await createCast(testApp);
});

afterAll(async () => {
  await testApp.close();
});

type V1Dataset = DatasetJson;

async function v1(pk: number): Promise<V1Dataset> {
  const response = await http().get(`/v1/datasets/${pk}`).set(authed(cast.admin)).expect(200);
  return response.body as V1Dataset;
}

async function licenceId(dataworldName: string): Promise<number> {
  const rows = await sql<{ id: number }>(
    testApp.database,
    'SELECT id FROM licences WHERE dataworld_name = $1',
    [dataworldName],
  );
  return rows[0].id;
}

/** The team's active versions of a lineage, oldest first. */
async function lineage(teamPk: number, slug: string) {
  return sql<{ id: number; name: string; version: number; summary: string | null }>(
    testApp.database,
    `SELECT id, name, version, summary FROM datasets
     WHERE team_id = $1 AND slug = $2 AND deletion_time IS NULL ORDER BY version`,
    [teamPk, slug],
  );
}

async function sources(datasetPk: number) {
  return sql<{ filename: string; url: string }>(
    testApp.database,
    'SELECT filename, url FROM file_sources WHERE dataset_id = $1 ORDER BY filename',
    [datasetPk],
  );
}

async function copyAsNewVersion(pk: number): Promise<number> {
  const response = await http()
    .post(`/v1/datasets/${pk}/copy`)
    .set(authed(cast.admin))
    .send({})
    .expect(200);
  return (response.body as { pk: number }).pk;
}

const readToken = (role: Role, scopes: string[]) => mintApiToken(testApp, token(role), scopes);

const source = (name: string) => ({ name, source: { url: `https://example.org/${name}` } });

describe('POST /v0/datasets/{owner}', () => {
  let owner: string;
  let teamPk: number;

  beforeAll(async () => {
    const team = await createTeam(testApp, cast);
    teamPk = team.pk;
    owner = await teamSlug(testApp, team.pk);
  });

  it('should create a dataset whose id derives from its title, with uri and Location', async () => {
    const response = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .set('Content-Type', 'application/json')
      .send({
        title: 'An Intro to data.world Dataset',
        visibility: 'OPEN',
        description: 'Short',
        summary: '# Long',
        tags: ['basketball', 'sports data'],
        license: 'CC-BY',
        files: [source('a.csv')],
      })
      .expect(200);
    const id = 'an-intro-to-dataworld-dataset';
    expect(response.body).toEqual({
      message: 'Dataset has been successfully created.',
      uri: expect.stringMatching(new RegExp(`^http://[^/]+/v0/datasets/${owner}/${id}$`)),
    });
    expect(response.headers.location).toBe((response.body as { uri: string }).uri);
    const [row] = await lineage(teamPk, id);
    expect(row).toMatchObject({ name: 'An Intro to data.world Dataset', version: 1 });
    expect(row.summary).toBe('# Long');
    expect(await v1(row.id)).toMatchObject({
      description: 'Short',
      tags: 'basketball,sports data',
      is_public: true,
      licence: await licenceId('CC-BY'),
      previous_version: -1,
    });
    expect(await sources(row.id)).toEqual([
      { filename: 'a.csv', url: 'https://example.org/a.csv' },
    ]);
  });

  it('should leave out what the body does not give: licence Other, no description, summary or tags', async () => {
    const response = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('A')))
      .send({ title: 'Bare minimum', visibility: 'PRIVATE' })
      .expect(200);
    expect(response.headers.location).toMatch(/\/bare-minimum$/);
    const [row] = await lineage(teamPk, 'bare-minimum');
    expect(await v1(row.id)).toMatchObject({
      description: '',
      tags: '',
      is_public: false,
      licence: await licenceId('Other'),
    });
    expect(row.summary).toBeNull();
  });

  it('should put datasets in the project `default`, made once and reused', async () => {
    const team = await createTeam(testApp, cast);
    const teamOwner = await teamSlug(testApp, team.pk);
    for (const title of ['First one', 'Second one']) {
      await http()
        .post(`/v0/datasets/${teamOwner}`)
        .set(authed(token('W')))
        .send({ title, visibility: 'OPEN' })
        .expect(200);
    }
    const projects = await sql<{ id: number; name: string }>(
      testApp.database,
      'SELECT id, name FROM projects WHERE team_id = $1',
      [team.pk],
    );
    expect(projects).toEqual([{ id: expect.any(Number), name: 'default' }]);
    const [first] = await lineage(team.pk, 'first-one');
    const [second] = await lineage(team.pk, 'second-one');
    expect((await v1(first.id)).project).toBe(projects[0].id);
    expect((await v1(second.id)).project).toBe(projects[0].id);
  });

  it('should make one `default` project for creates that arrive together', async () => {
    const team = await createTeam(testApp, cast);
    const teamOwner = await teamSlug(testApp, team.pk);
    await Promise.all(
      ['Together a', 'Together b', 'Together c', 'Together d'].map((title) =>
        http()
          .post(`/v0/datasets/${teamOwner}`)
          .set(authed(token('W')))
          .send({ title, visibility: 'OPEN' })
          .expect(200),
      ),
    );
    const projects = await sql<{ name: string; datasets: string }>(
      testApp.database,
      `SELECT p.name, count(d.id) AS datasets FROM projects p
       JOIN datasets d ON d.project_id = p.id WHERE p.team_id = $1 GROUP BY p.name`,
      [team.pk],
    );
    expect(projects).toEqual([{ name: 'default', datasets: '4' }]);
  });

  it("should put a dataset in the body's project, made on demand", async () => {
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'In climate', visibility: 'OPEN', project: 'Climate' })
      .expect(200);
    const [row] = await lineage(teamPk, 'in-climate');
    const [project] = await sql<{ name: string; team_id: number }>(
      testApp.database,
      'SELECT name, team_id FROM projects WHERE id = $1',
      [(await v1(row.id)).project],
    );
    expect(project).toEqual({ name: 'Climate', team_id: teamPk });
  });

  it('should answer 409 when the derived id is taken, and leave the first alone', async () => {
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'Taken Title', visibility: 'OPEN' })
      .expect(200);
    const response = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'taken  title!', visibility: 'PRIVATE', project: 'Elsewhere' })
      .expect(409);
    expect(response.body).toEqual({ code: 409, message: expect.stringContaining('taken-title') });
    expect(await lineage(teamPk, 'taken-title')).toHaveLength(1);
  });

  it('should answer 422 when the title derives to fewer than 3 characters', async () => {
    const response = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'A_!', visibility: 'OPEN' })
      .expect(422);
    expect(response.body).toEqual({ code: 422, message: expect.stringMatching(/^title "A_!"/) });
  });

  it('should answer 422 naming the field for a broken rule, 400 for a body not an object', async () => {
    const long = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'x'.repeat(61), visibility: 'OPEN' })
      .expect(422);
    expect((long.body as { message: string }).message).toMatch(/^title must be 1 to 60/);
    const missing = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'No visibility' })
      .expect(422);
    expect(missing.body).toEqual({ code: 422, message: 'visibility is required.' });
    const array = await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send([{ title: 'x' }])
      .expect(400);
    expect(array.body).toEqual({ code: 400, message: expect.stringContaining('JSON object') });
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .set('Content-Type', 'application/json')
      .send('{"title": "x",')
      .expect(400);
  });

  it('should answer 404 for an unknown team and 400 for an owner that is no slug', async () => {
    const body = { title: 'Nowhere', visibility: 'OPEN' };
    await http().post('/v0/datasets/no-such-team').set(authed(cast.admin)).send(body).expect(404);
    await http().post('/v0/datasets/No_Team').set(authed(cast.admin)).send(body).expect(400);
  });

  it.each([
    ['anonymous', 401],
    ['outsider', 403],
    ['R', 403],
    ['X', 403],
    ['W', 200],
    ['A', 200],
    ['admin', 200],
  ] as const)('should answer %s with %i', async (role, status) => {
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token(role)))
      .send({ title: unique(`by ${role}`), visibility: 'OPEN' })
      .expect(status);
  });

  it('should refuse a read-scope API token of a writer (403), and take a write-scope one', async () => {
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(await readToken('W', ['read'])))
      .send({ title: unique('read token'), visibility: 'OPEN' })
      .expect(403);
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(await readToken('W', ['write'])))
      .send({ title: unique('write token'), visibility: 'OPEN' })
      .expect(200);
  });
});

describe('POST /v0/datasets/{owner} with PUBLIC_URL', () => {
  it('should build uri and Location on PUBLIC_URL', async () => {
    const other = await createTestApp({
      env: { PUBLIC_URL: 'https://data.example.org/strata/', SOURCES_CONCURRENCY: '0' },
    });
    try {
      const admin = (
        await request(other.app.getHttpServer())
          .post('/v1/auth/obtain')
          .send({ username: 'admin', password: 'admin-password-for-tests' })
          .expect(200)
      ).body as { access: string };
      const team = await request(other.app.getHttpServer())
        .post('/v1/teams/create')
        .set(authed(admin.access))
        .send({ name: 'Public URL team' })
        .expect(201);
      const owner = await teamSlug(other, (team.body as { pk: number }).pk);
      const response = await request(other.app.getHttpServer())
        .post(`/v0/datasets/${owner}`)
        .set(authed(admin.access))
        .send({ title: 'Behind a proxy', visibility: 'OPEN' })
        .expect(200);
      const uri = `https://data.example.org/strata/v0/datasets/${owner}/behind-a-proxy`;
      expect(response.body).toEqual({ message: 'Dataset has been successfully created.', uri });
      expect(response.headers.location).toBe(uri);
    } finally {
      await other.close();
    }
  });
});

describe('PATCH /v0/datasets/{owner}/{id}', () => {
  let dataset: V0Dataset;

  beforeEach(async () => {
    dataset = await v0Dataset(testApp, cast, {
      name: unique('Patched'),
      is_public: true,
      description: 'before',
      tags: 'one,two',
    });
  });

  const patch = (body: unknown, role: Role = 'W') =>
    http()
      .patch(dataset.path)
      .set(authed(token(role)))
      .set('Content-Type', 'application/json')
      .send(body as object);

  it('should change what the body names, seen on /v1, and leave the rest', async () => {
    const before = await v1(dataset.pk);
    const response = await patch({ description: 'after', tags: ['three'] }).expect(200);
    expect(response.body).toEqual({ message: 'Dataset successfully updated.' });
    expect(await v1(dataset.pk)).toEqual({
      ...before,
      description: 'after',
      tags: 'three',
    });
    await patch({ license: 'ODC-BY', visibility: 'PRIVATE', summary: 'md' }).expect(200);
    expect(await v1(dataset.pk)).toMatchObject({
      name: before.name,
      description: 'after',
      tags: 'three',
      licence: await licenceId('ODC-BY'),
      is_public: false,
    });
    const [row] = await lineage(dataset.team.pk, dataset.id);
    expect(row.summary).toBe('md');
  });

  it('should clear on null: description, summary and tags emptied, licence Other', async () => {
    await patch({ summary: 'something' }).expect(200);
    await patch({ description: null, summary: null, tags: null, license: null }).expect(200);
    expect(await v1(dataset.pk)).toMatchObject({
      description: '',
      tags: '',
      licence: await licenceId('Other'),
    });
    const [row] = await lineage(dataset.team.pk, dataset.id);
    expect(row.summary).toBeNull();
  });

  it('should refuse null title or visibility (422) and change nothing', async () => {
    const before = await v1(dataset.pk);
    for (const field of ['title', 'visibility']) {
      const response = await patch({ description: 'no', [field]: null }).expect(422);
      expect((response.body as { message: string }).message).toMatch(new RegExp(`^${field}`));
    }
    expect(await v1(dataset.pk)).toEqual(before);
  });

  it('should change nothing for {} or an empty body with Content-Length 0', async () => {
    const before = await v1(dataset.pk);
    await patch({}).expect(200);
    await http()
      .patch(dataset.path)
      .set(authed(token('W')))
      .set('Content-Type', 'application/json')
      .set('Content-Length', '0')
      .expect(200);
    expect(await v1(dataset.pk)).toEqual(before);
  });

  it('should answer 422 naming the field and value for each broken rule', async () => {
    const cases: [unknown, RegExp][] = [
      [{ title: 't'.repeat(61) }, /^title/],
      [{ description: 'd'.repeat(121) }, /^description/],
      [{ summary: 's'.repeat(25_001) }, /^summary/],
      [{ tags: ['ok', 'x'] }, /^tags\[1\].*"x"/],
      [{ tags: ['Same', 'same'] }, /^tags\[1\]/],
      [{ license: 'MIT' }, /^license.*"MIT"/],
      [{ visibility: 'PUBLIC' }, /^visibility.*"PUBLIC"/],
      [{ files: [{ name: 'a/b' }] }, /^files\[0\]\.name/],
      [{ files: [{ name: 'a', labels: ['nope'] }] }, /^files\[0\]\.labels\[0\].*"nope"/],
      [{ files: [{ name: 'a', source: { url: 'ftp://x.org/a' } }] }, /^files\[0\]\.source\.url/],
      [{ tags: 'one' }, /^tags must be an array/],
    ];
    for (const [body, message] of cases) {
      const response = await patch(body).expect(422);
      expect((response.body as { code: number; message: string }).code).toBe(422);
      expect((response.body as { message: string }).message).toMatch(message);
    }
  });

  it('should answer 400 for a body that is not an object or not JSON', async () => {
    await patch([]).expect(400);
    await http()
      .patch(dataset.path)
      .set(authed(token('W')))
      .set('Content-Type', 'application/json')
      .send('"text"')
      .expect(400);
    await http()
      .patch(dataset.path)
      .set(authed(token('W')))
      .set('Content-Type', 'text/plain')
      .send('description=x')
      .expect(400);
  });

  it('should merge files by name: sources added, others untouched', async () => {
    await patch({ files: [source('a.csv'), source('b.csv')] }).expect(200);
    await patch({
      files: [{ name: 'b.csv', source: { url: 'https://example.org/b2.csv' } }, source('c.csv')],
    }).expect(200);
    expect(await sources(dataset.pk)).toEqual([
      { filename: 'a.csv', url: 'https://example.org/a.csv' },
      { filename: 'b.csv', url: 'https://example.org/b2.csv' },
      { filename: 'c.csv', url: 'https://example.org/c.csv' },
    ]);
  });

  it('should take a file without source only when it exists (uploaded or sourced)', async () => {
    await upload(testApp, cast.admin, dataset.pk, 'up.csv', 'a,b\n').expect(200);
    await patch({ files: [source('src.csv')] }).expect(200);
    await patch({ files: [{ name: 'up.csv' }, { name: 'src.csv' }] }).expect(200);
    const response = await patch({
      description: 'not applied',
      files: [source('new.csv'), { name: 'missing.csv', description: 'x' }],
    }).expect(422);
    expect((response.body as { message: string }).message).toContain('"missing.csv"');
    expect((await v1(dataset.pk)).description).toBe('before');
    expect((await sources(dataset.pk)).map((row) => row.filename)).toEqual(['src.csv']);
  });

  it("should set an existing file's description and labels, and clear them on null", async () => {
    await upload(testApp, cast.admin, dataset.pk, 'up.csv', 'a,b\n').expect(200);
    await patch({
      files: [
        { name: 'up.csv', description: 'Uploaded', labels: ['raw data', 'report'] },
        { ...source('src.csv'), description: 'Sourced', labels: ['script'] },
      ],
    }).expect(200);
    const uploaded = () =>
      sql<{ description: string | null; labels: string[] | null }>(
        testApp.database,
        `SELECT f.description, f.labels FROM dataset_files f
         JOIN datasets d ON d.manifest_id = f.manifest_id
         WHERE d.id = $1 AND f.filename = 'up.csv'`,
        [dataset.pk],
      );
    const sourced = () =>
      sql<{ description: string | null; labels: string[] | null }>(
        testApp.database,
        "SELECT description, labels FROM file_sources WHERE dataset_id = $1 AND filename = 'src.csv'",
        [dataset.pk],
      );
    expect(await uploaded()).toEqual([{ description: 'Uploaded', labels: ['raw data', 'report'] }]);
    expect(await sourced()).toEqual([{ description: 'Sourced', labels: ['script'] }]);
    // Lists replaced whole; what a file request leaves out stays.
    await patch({ files: [{ name: 'up.csv', labels: ['clean data'] }] }).expect(200);
    expect(await uploaded()).toEqual([{ description: 'Uploaded', labels: ['clean data'] }]);
    await patch({ files: [{ name: 'src.csv', description: null, labels: null }] }).expect(200);
    expect(await sourced()).toEqual([{ description: null, labels: null }]);
  });

  it('should move the modification time on a change, not on an empty PATCH', async () => {
    const modified = async () =>
      (
        await sql<{ t: Date }>(
          testApp.database,
          'SELECT modification_time AS t FROM datasets WHERE id = $1',
          [dataset.pk],
        )
      )[0].t.getTime();
    const before = await modified();
    await patch({}).expect(200);
    expect(await modified()).toBe(before);
    await patch({ title: unique('Retitled') }).expect(200);
    expect(await modified()).toBeGreaterThan(before);
  });

  it('should rename every version on a new title: the id stays, old versions keep their pk', async () => {
    const second = await copyAsNewVersion(dataset.pk);
    await patch({ title: 'A brand new title' }).expect(200);
    expect(await lineage(dataset.team.pk, dataset.id)).toEqual([
      expect.objectContaining({ id: dataset.pk, name: 'A brand new title', version: 1 }),
      expect.objectContaining({ id: second, name: 'A brand new title', version: 2 }),
    ]);
    expect(await v1(dataset.pk)).toMatchObject({ name: 'A brand new title', version: 1 });
    // Still addressed by the same id: it changes the newest version.
    await patch({ description: 'on the newest' }).expect(200);
    expect((await v1(second)).description).toBe('on the newest');
    expect((await v1(dataset.pk)).description).toBe('before');
    // And a copy numbers on from the renamed lineage.
    const third = await copyAsNewVersion(second);
    expect(await v1(third)).toMatchObject({ name: 'A brand new title', version: 3 });
  });

  it('should answer 409 for a title another dataset of the project has', async () => {
    const other = await http()
      .post('/v1/datasets/create')
      .set(authed(cast.admin))
      .send({
        name: 'Occupied',
        project: dataset.project.pk,
        licence: 11,
        description: '',
        is_public: true,
        tags: '',
      })
      .expect(201);
    expect((other.body as { pk: number }).pk).toBeGreaterThan(0);
    await patch({ title: 'Occupied' }).expect(409);
  });
});

describe('PUT /v0/datasets/{owner}/{id}', () => {
  it('should make a new version holding exactly the body; the old one stays on /v1', async () => {
    const dataset = await v0Dataset(testApp, cast, {
      name: unique('Replaced'),
      is_public: true,
      description: 'old',
      tags: 'old',
    });
    await upload(testApp, cast.admin, dataset.pk, 'old.csv', 'x\n').expect(200);
    const before = await v1(dataset.pk);
    const response = await http()
      .put(dataset.path)
      .set(authed(token('W')))
      .send({ title: before.name, visibility: 'PRIVATE', files: [source('new.csv')] })
      .expect(200);
    expect(response.body).toEqual({ message: 'Dataset has been successfully replaced.' });
    expect(response.headers.location).toBeUndefined();
    const versions = await lineage(dataset.team.pk, dataset.id);
    expect(versions.map((row) => row.version)).toEqual([1, 2]);
    const newest = versions[1].id;
    expect(await v1(newest)).toMatchObject({
      name: before.name,
      version: 2,
      previous_version: 1,
      description: '',
      tags: '',
      is_public: false,
      licence: await licenceId('Other'),
      project: before.project,
      files: {},
    });
    expect(await sources(newest)).toEqual([
      { filename: 'new.csv', url: 'https://example.org/new.csv' },
    ]);
    expect(await v1(dataset.pk)).toEqual(before);
    expect(await sources(dataset.pk)).toEqual([]);
  });

  it('should number after the highest version and rename the lineage on a new title', async () => {
    const dataset = await v0Dataset(testApp, cast, { name: unique('Numbered') });
    const second = await copyAsNewVersion(dataset.pk);
    await http()
      .put(dataset.path)
      .set(authed(token('A')))
      .send({ title: 'Renamed by PUT', visibility: 'OPEN', tags: ['kept'], summary: 'S' })
      .expect(200);
    const versions = await lineage(dataset.team.pk, dataset.id);
    expect(versions).toEqual([
      { id: dataset.pk, name: 'Renamed by PUT', version: 1, summary: null },
      { id: second, name: 'Renamed by PUT', version: 2, summary: null },
      { id: expect.any(Number), name: 'Renamed by PUT', version: 3, summary: 'S' },
    ]);
    expect(await v1(versions[2].id)).toMatchObject({ previous_version: 2, tags: 'kept' });
  });

  it('should create a dataset with the id when there is none, answered like a create', async () => {
    const team = await createTeam(testApp, cast);
    const owner = await teamSlug(testApp, team.pk);
    const response = await http()
      .put(`/v0/datasets/${owner}/chosen-id`)
      .set(authed(token('W')))
      .send({ title: 'Whatever Title', visibility: 'OPEN', license: 'PDDL' })
      .expect(200);
    expect(response.body).toEqual({
      message: 'Dataset has been successfully created.',
      uri: expect.stringMatching(new RegExp(`/v0/datasets/${owner}/chosen-id$`)),
    });
    expect(response.headers.location).toBe((response.body as { uri: string }).uri);
    const [row] = await lineage(team.pk, 'chosen-id');
    expect(await v1(row.id)).toMatchObject({
      name: 'Whatever Title',
      version: 1,
      licence: await licenceId('PDDL'),
    });
  });

  it('should answer 404 for a team that does not exist', async () => {
    await http()
      .put('/v0/datasets/no-such-team/some-id')
      .set(authed(cast.admin))
      .send({ title: 'x', visibility: 'OPEN' })
      .expect(404);
  });

  it('should answer 422 without title or visibility, and 400 for a bad id', async () => {
    const dataset = await v0Dataset(testApp, cast);
    await http()
      .put(dataset.path)
      .set(authed(token('W')))
      .send({ visibility: 'OPEN' })
      .expect(422);
    await http()
      .put(`/v0/datasets/${dataset.owner}/Bad_Id`)
      .set(authed(token('W')))
      .send({ title: 'x', visibility: 'OPEN' })
      .expect(400);
    expect(await lineage(dataset.team.pk, dataset.id)).toHaveLength(1);
  });
});

describe('DELETE /v0/datasets/{owner}/{id}', () => {
  it('should soft-delete every version and free the id', async () => {
    const dataset = await v0Dataset(testApp, cast, { name: 'Doomed Data' });
    const second = await copyAsNewVersion(dataset.pk);
    const response = await http()
      .delete(dataset.path)
      .set(authed(token('A')))
      .expect(200);
    expect(response.body).toEqual({ message: 'Dataset has been successfully deleted.' });
    expect((await v1(dataset.pk)).deletion_time).not.toBeNull();
    expect((await v1(second)).deletion_time).not.toBeNull();
    await http()
      .delete(dataset.path)
      .set(authed(token('A')))
      .expect(404);
    const created = await http()
      .post(`/v0/datasets/${dataset.owner}`)
      .set(authed(token('W')))
      .send({ title: 'Doomed Data', visibility: 'OPEN' })
      .expect(200);
    expect(created.headers.location).toMatch(new RegExp(`/${dataset.id}$`));
  });
});

describe('POST /v0/datasets/{owner}/{id}/files', () => {
  it('should add and update files by source, from {files} or a bare array', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const response = await http()
      .post(`${dataset.path}/files`)
      .set(authed(token('W')))
      .send({ files: [source('a.csv'), source('b.csv')] })
      .expect(200);
    expect(response.body).toEqual({
      message: 'Dataset has been successfully updated with new sources. Sync in progress.',
    });
    await http()
      .post(`${dataset.path}/files`)
      .set(authed(token('W')))
      .send([{ name: 'a.csv', source: { url: 'https://example.org/a2.csv' } }])
      .expect(200);
    expect(await sources(dataset.pk)).toEqual([
      { filename: 'a.csv', url: 'https://example.org/a2.csv' },
      { filename: 'b.csv', url: 'https://example.org/b.csv' },
    ]);
  });

  it('should need a source for each file (422) and a JSON object or array (400)', async () => {
    const dataset = await v0Dataset(testApp, cast);
    const missing = await http()
      .post(`${dataset.path}/files`)
      .set(authed(token('W')))
      .send({ files: [{ name: 'a.csv' }] })
      .expect(422);
    expect(missing.body).toEqual({ code: 422, message: 'files[0].source is required.' });
    await http()
      .post(`${dataset.path}/files`)
      .set(authed(token('W')))
      .set('Content-Type', 'application/json')
      .send('"a.csv"')
      .expect(400);
  });
});

/**
 * A request's record and its files commit together: when writing the files fails (here the
 * database going away, simulated in SourcesService), the record is not changed either.
 */
describe('record and files, all or nothing', () => {
  const lost = () =>
    Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
  let service: SourcesService;
  let applyFilesIn: SourcesService['applyFilesIn'];

  beforeAll(() => {
    service = testApp.app.get(SourcesService);
    applyFilesIn = service.applyFilesIn.bind(service);
  });

  beforeEach(() => {
    service.applyFilesIn = () => Promise.reject(lost());
  });

  afterEach(() => {
    service.applyFilesIn = applyFilesIn;
  });

  it('should create no dataset when its files cannot be written', async () => {
    const team = await createTeam(testApp, cast);
    const owner = await teamSlug(testApp, team.pk);
    await http()
      .post(`/v0/datasets/${owner}`)
      .set(authed(token('W')))
      .send({ title: 'Never Made', visibility: 'OPEN', files: [source('a.csv')] })
      .expect(503);
    expect(await lineage(team.pk, 'never-made')).toEqual([]);
  });

  it('should change no field on a PATCH whose files cannot be written', async () => {
    const dataset = await v0Dataset(testApp, cast, { name: unique('Kept'), description: 'kept' });
    const before = await v1(dataset.pk);
    await http()
      .patch(dataset.path)
      .set(authed(token('W')))
      .send({ title: unique('Renamed'), description: 'changed', files: [source('b.csv')] })
      .expect(503);
    expect(await v1(dataset.pk)).toEqual(before);
    expect(await sources(dataset.pk)).toEqual([]);
  });

  it('should make no new version on a PUT whose files cannot be written', async () => {
    const dataset = await v0Dataset(testApp, cast, { name: unique('Single') });
    await http()
      .put(dataset.path)
      .set(authed(token('W')))
      .send({ title: (await v1(dataset.pk)).name, visibility: 'PRIVATE', files: [source('c.csv')] })
      .expect(503);
    expect((await lineage(dataset.team.pk, dataset.id)).map((row) => row.version)).toEqual([1]);
  });
});

describe('authorisation', () => {
  type Route = 'PATCH' | 'PUT' | 'DELETE' | 'FILES';
  const call = (route: Route, dataset: V0Dataset, bearer: string | undefined) => {
    const name = unique('Authz');
    switch (route) {
      case 'PATCH':
        return http().patch(dataset.path).set(authed(bearer)).send({ description: 'authz' });
      case 'PUT':
        return http()
          .put(dataset.path)
          .set(authed(bearer))
          .send({ title: name, visibility: 'OPEN' });
      case 'DELETE':
        return http().delete(dataset.path).set(authed(bearer));
      case 'FILES':
        return http()
          .post(`${dataset.path}/files`)
          .set(authed(bearer))
          .send({ files: [source('f.csv')] });
    }
  };

  const writers = {
    anonymous: 401,
    outsider: 403,
    R: 403,
    X: 403,
    W: 200,
    A: 200,
    admin: 200,
  } as const;
  const matrix: Record<Route, Record<Role, number>> = {
    PATCH: writers,
    PUT: writers,
    FILES: writers,
    DELETE: { ...writers, W: 403 },
  };

  const cases = (Object.keys(matrix) as Route[]).flatMap((route) =>
    (Object.keys(matrix[route]) as Role[]).map(
      (role) => [route, role, matrix[route][role]] as const,
    ),
  );

  it.each(cases)('%s on a public dataset: %s gets %i', async (route, role, status) => {
    const dataset = await v0Dataset(testApp, cast, { is_public: true });
    const response = await call(route, dataset, token(role)).expect(status);
    if (status !== 200) {
      expect(response.body).toEqual({ code: status, message: expect.any(String) });
      expect(await lineage(dataset.team.pk, dataset.id)).toHaveLength(1);
    }
  });

  it.each(['PATCH', 'PUT', 'DELETE', 'FILES'] as const)(
    '%s on a private dataset: an outsider gets 404, as for one that does not exist',
    async (route) => {
      const dataset = await v0Dataset(testApp, cast, { is_public: false });
      const response = await call(route, dataset, token('outsider')).expect(404);
      expect(response.body).toEqual({ code: 404, message: expect.any(String) });
      // The refusals win over a broken body: nothing about the dataset leaks through a 422.
      await http()
        .patch(dataset.path)
        .set(authed(token('outsider')))
        .send({ title: 5 })
        .expect(404);
      await http()
        .put(dataset.path)
        .set(authed(token('outsider')))
        .send({})
        .expect(404);
    },
  );

  it.each(['PATCH', 'PUT', 'FILES'] as const)(
    '%s with a read-scope API token of a team admin is 403',
    async (route) => {
      const dataset = await v0Dataset(testApp, cast, { is_public: false });
      await call(route, dataset, await readToken('A', ['read'])).expect(403);
    },
  );

  it('DELETE with a write-scope API token of a team admin is 403, with an admin one 200', async () => {
    const dataset = await v0Dataset(testApp, cast, { is_public: false });
    await call('DELETE', dataset, await readToken('A', ['write'])).expect(403);
    await call('DELETE', dataset, await readToken('A', ['admin'])).expect(200);
  });
});
