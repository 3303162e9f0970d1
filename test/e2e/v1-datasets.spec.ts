import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, MIT } from '../utils/datasets.js';
import { sql } from '../utils/sql.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  unique,
  type Cast,
} from '../utils/fixtures.js';
import { DATASET_KEYS } from '../utils/datasets.js';

describe('/v1/datasets records', () => {
  let testApp: TestApp;
  let cast: Cast;
  let team: { pk: number; name: string };
  let project: { pk: number };
  const http = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token!;

  async function slugOf(pk: number): Promise<string> {
    const [row] = await sql<{ slug: string }>(
      testApp.database,
      'SELECT slug FROM datasets WHERE id = $1',
      [pk],
    );
    return row.slug;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should create version 1 (201) with the exact UFDL JSON and ignore read-only keys', async () => {
    const response = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({
        name: 'Cats and Dogs',
        project: project.pk,
        licence: MIT,
        description: 'pets',
        is_public: false,
        tags: 'a,b',
        version: 7,
        domain: 'x',
        creator: 999,
      })
      .expect(201);
    expect(Object.keys(response.body)).toEqual(DATASET_KEYS);
    expect(response.body).toMatchObject({
      name: 'Cats and Dogs',
      version: 1,
      previous_version: -1,
      description: 'pets',
      project: project.pk,
      licence: MIT,
      is_public: false,
      domain: null,
      tags: 'a,b',
      creator: cast.actors.W.user!.id,
      deletion_time: null,
      files: {},
    });
    expect(await slugOf(response.body.pk)).toBe('cats-and-dogs');
  });

  it('should apply defaults, DRF booleans, and field errors', async () => {
    const created = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({
        name: unique('defaults'),
        project: project.pk,
        licence: MIT,
        tags: '',
        is_public: 'yes',
      })
      .expect(201);
    expect(created.body).toMatchObject({ description: '', is_public: true, tags: '' });
    const missing = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({})
      .expect(400);
    expect(missing.body).toEqual({
      name: ['This field is required.'],
      project: ['This field is required.'],
      licence: ['This field is required.'],
      tags: ['This field is required.'],
    });
    const nullTags = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({ name: 'x', project: project.pk, licence: MIT, tags: null })
      .expect(400);
    expect(nullTags.body).toEqual({ tags: ['This field may not be null.'] });
    const unknown = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({ name: 'x', project: 999999, licence: 999999, tags: '' })
      .expect(400);
    expect(unknown.body).toEqual({
      project: ['Invalid pk "999999" - object does not exist.'],
      licence: ['Invalid pk "999999" - object does not exist.'],
    });
    const long = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({ name: 'n'.repeat(201), project: project.pk, licence: MIT, tags: '' })
      .expect(400);
    expect(long.body).toEqual({ name: ['Ensure this field has no more than 200 characters.'] });
  });

  it('should refuse a duplicate active name in the project with 400', async () => {
    const name = unique('dup');
    await createDataset(testApp, token('W'), project.pk, { name });
    const response = await http()
      .post('/v1/datasets/create')
      .set(authed(token('W')))
      .send({ name, project: project.pk, licence: MIT, tags: '' })
      .expect(400);
    expect(response.body.detail).toMatch(/already exists/);
  });

  it('should give each lineage its own slug within the team', async () => {
    const first = await createDataset(testApp, token('W'), project.pk, { name: 'Slug Test' });
    const other = await createProject(testApp, cast.admin, team.pk);
    const second = await createDataset(testApp, token('W'), other.pk, { name: 'slug test' });
    const short = await createDataset(testApp, token('W'), project.pk, { name: 'x' });
    expect(await slugOf(first.pk)).toBe('slug-test');
    expect(await slugOf(second.pk)).toBe('slug-test-2');
    expect(await slugOf(short.pk)).toBe(`dataset-${short.pk}`);
  });

  it('should let members read, hide private datasets from others, and show public ones to all', async () => {
    const secret = await createDataset(testApp, token('W'), project.pk);
    const open = await createDataset(testApp, token('W'), project.pk, { is_public: true });
    for (const role of ['R', 'X', 'W', 'A'] as const) {
      await http()
        .get(`/v1/datasets/${secret.pk}`)
        .set(authed(token(role)))
        .expect(200);
    }
    await http()
      .get(`/v1/datasets/${secret.pk}`)
      .set(authed(token('outsider')))
      .expect(403);
    await http().get(`/v1/datasets/${secret.pk}`).expect(401);
    await http()
      .get(`/v1/datasets/${open.pk}`)
      .set(authed(token('outsider')))
      .expect(200);
    await http().get(`/v1/datasets/${open.pk}`).expect(200);
    const anonymousList = await http().post('/v1/datasets/list').expect(200);
    const anonymousPks = anonymousList.body.map((d: { pk: number }) => d.pk);
    expect(anonymousPks).toContain(open.pk);
    expect(anonymousPks).not.toContain(secret.pk);
    const outsiderList = await http()
      .post('/v1/datasets/list')
      .set(authed(token('outsider')))
      .expect(200);
    expect(outsiderList.body.every((d: { is_public: boolean }) => d.is_public)).toBe(true);
    const memberList = await http()
      .post('/v1/datasets/list')
      .set(authed(token('R')))
      .send({ expressions: [{ type: 'exact', field: 'project', value: project.pk }] })
      .expect(200);
    expect(memberList.body.map((d: { pk: number }) => d.pk)).toEqual(
      expect.arrayContaining([secret.pk, open.pk]),
    );
  });

  it('should filter on dotted fields and refuse credential paths', async () => {
    const dataset = await createDataset(testApp, token('W'), project.pk, { tags: 'needle' });
    const byTeam = await http()
      .post('/v1/datasets/list')
      .set(authed(token('R')))
      .send({
        expressions: [
          { type: 'exact', field: 'project.team.name', value: team.name },
          { type: 'contains', field: 'tags', sub_string: 'needle' },
        ],
        order_by: [{ field: 'project.name', ascending: false }],
      })
      .expect(200);
    expect(byTeam.body.map((d: { pk: number }) => d.pk)).toEqual([dataset.pk]);
    for (const field of [
      'creator.password',
      'creator.password_hash',
      'project.team.creator.password',
    ]) {
      await http()
        .post('/v1/datasets/list')
        .set(authed(token('R')))
        .send({ expressions: [{ type: 'contains', field, sub_string: 'a' }] })
        .expect(400);
    }
  });

  it('should update and partially update, and refuse a rename into a taken name', async () => {
    const dataset = await createDataset(testApp, token('W'), project.pk);
    const taken = await createDataset(testApp, token('W'), project.pk);
    const put = await http()
      .put(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({
        name: unique('renamed'),
        project: project.pk,
        licence: 1,
        tags: 'x',
        description: 'd',
      })
      .expect(200);
    expect(put.body).toMatchObject({ licence: 1, tags: 'x', description: 'd', version: 1 });
    const patch = await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('A')))
      .send({ is_public: true })
      .expect(200);
    expect(patch.body.is_public).toBe(true);
    const clash = await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({ name: taken.name })
      .expect(400);
    expect(clash.body.detail).toMatch(/already exists/);
    await http()
      .put(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({ name: 'x' })
      .expect(400);
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('R')))
      .send({ tags: 'no' })
      .expect(403);
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('X')))
      .send({ tags: 'no' })
      .expect(403);
  });

  it('should re-authorise a move against the target project’s team', async () => {
    const dataset = await createDataset(testApp, token('W'), project.pk);
    const foreignTeam = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name: unique('foreign') })
      .expect(201);
    const foreignProject = await createProject(testApp, cast.admin, foreignTeam.body.pk);
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({ project: foreignProject.pk })
      .expect(403);
    const moved = await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(cast.admin))
      .send({ project: foreignProject.pk })
      .expect(200);
    expect(moved.body.project).toBe(foreignProject.pk);
  });

  it('should soft-delete the datasets of a deleted project', async () => {
    const doomed = await createProject(testApp, cast.admin, team.pk);
    const dataset = await createDataset(testApp, token('W'), doomed.pk);
    await http()
      .delete(`/v1/projects/${doomed.pk}`)
      .set(authed(token('W')))
      .expect(204);
    const after = await http()
      .get(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('R')))
      .expect(200);
    expect(after.body.deletion_time).toMatch(/Z$/);
    const projectAfter = await http()
      .get(`/v1/projects/${doomed.pk}`)
      .set(authed(token('R')));
    expect(projectAfter.body.deletion_time).toBe(after.body.deletion_time);
  });

  it('should answer 404 for unknown and non-numeric pks, 405 for unmapped methods', async () => {
    await http().get('/v1/datasets/999999').set(authed(cast.admin)).expect(404);
    await http().get('/v1/datasets/abc').set(authed(cast.admin)).expect(404);
    await http().get('/v1/datasets/list').set(authed(cast.admin)).expect(405);
    await http().post(`/v1/datasets/1`).set(authed(cast.admin)).expect(405);
  });
});
