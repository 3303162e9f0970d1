import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  unique,
  type Cast,
} from '../utils/fixtures.js';

describe('/v1/projects', () => {
  let testApp: TestApp;
  let cast: Cast;
  const http = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token;

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should let write members create (201) with the UFDL key order', async () => {
    const team = await createTeam(testApp, cast);
    const response = await http()
      .post('/v1/projects/create')
      .set(authed(token('W')))
      .send({ name: 'alpha', team: team.pk })
      .expect(201);
    expect(Object.keys(response.body)).toEqual([
      'pk',
      'name',
      'team',
      'creator',
      'creation_time',
      'deletion_time',
    ]);
    expect(response.body).toMatchObject({
      name: 'alpha',
      team: team.pk,
      creator: cast.actors.W.user!.id,
    });
  });

  it('should answer bad bodies with field maps and a duplicate with 400', async () => {
    const team = await createTeam(testApp, cast);
    const missing = await http()
      .post('/v1/projects/create')
      .set(authed(token('W')))
      .send({})
      .expect(400);
    expect(missing.body).toEqual({
      name: ['This field is required.'],
      team: ['This field is required.'],
    });
    const unknownTeam = await http()
      .post('/v1/projects/create')
      .set(authed(token('W')))
      .send({ name: 'x', team: 999999 })
      .expect(400);
    expect(unknownTeam.body).toEqual({ team: ['Invalid pk "999999" - object does not exist.'] });
    const wrongType = await http()
      .post('/v1/projects/create')
      .set(authed(token('W')))
      .send({ name: 'x', team: 'abc' })
      .expect(400);
    expect(Object.keys(wrongType.body)).toEqual(['team']);
    await createProject(testApp, cast.admin, team.pk, 'taken');
    const duplicate = await http()
      .post('/v1/projects/create')
      .set(authed(token('W')))
      .send({ name: 'taken', team: team.pk })
      .expect(400);
    expect(duplicate.body.detail).toMatch(/already exists/);
  });

  it('should re-authorise a move against the target team', async () => {
    const home = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, home.pk);
    const foreign = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name: unique('foreign') })
      .expect(201);
    await http()
      .patch(`/v1/projects/${project.pk}`)
      .set(authed(token('W')))
      .send({ team: foreign.body.pk })
      .expect(403);
    const unchanged = await http()
      .get(`/v1/projects/${project.pk}`)
      .set(authed(token('W')))
      .expect(200);
    expect(unchanged.body.team).toBe(home.pk);
    // Once W also writes in the target team, the move goes through.
    await http()
      .patch(`/v1/teams/${foreign.body.pk}/memberships`)
      .set(authed(cast.admin))
      .send({ method: 'add', username: cast.actors.W.user!.username, permissions: 'W' })
      .expect(200);
    const moved = await http()
      .patch(`/v1/projects/${project.pk}`)
      .set(authed(token('W')))
      .send({ team: foreign.body.pk })
      .expect(200);
    expect(moved.body.team).toBe(foreign.body.pk);
  });

  it('should list only projects of the caller’s teams, with FilterSpec', async () => {
    const team = await createTeam(testApp, cast);
    const mine = await createProject(testApp, cast.admin, team.pk);
    const elsewhere = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name: unique('elsewhere') })
      .expect(201);
    const hidden = await createProject(testApp, cast.admin, elsewhere.body.pk);
    const listed = await http()
      .post('/v1/projects/list')
      .set(authed(token('R')))
      .expect(200);
    const pks = listed.body.map((p: { pk: number }) => p.pk);
    expect(pks).toContain(mine.pk);
    expect(pks).not.toContain(hidden.pk);
    const filtered = await http()
      .post('/v1/projects/list')
      .set(authed(cast.admin))
      .send({ expressions: [{ type: 'exact', field: 'team.name', value: team.name }] })
      .expect(200);
    expect(filtered.body.map((p: { pk: number }) => p.pk)).toEqual([mine.pk]);
    const probe = await http()
      .post('/v1/projects/list')
      .set(authed(cast.admin))
      .send({ expressions: [{ type: 'contains', field: 'creator.password', sub_string: 'a' }] })
      .expect(400);
    expect(probe.body.detail).toMatch(/creator.password/);
  });

  it('should soft-delete, refuse an occupied reinstate, and hard-delete', async () => {
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk, 'cycle');
    await http()
      .delete(`/v1/projects/${project.pk}`)
      .set(authed(token('W')))
      .expect(204);
    const deleted = await http()
      .get(`/v1/projects/${project.pk}`)
      .set(authed(token('R')))
      .expect(200);
    expect(deleted.body.deletion_time).toMatch(/Z$/);
    const hiddenByDefault = await http()
      .post('/v1/projects/list')
      .set(authed(token('R')))
      .send({ expressions: [{ type: 'exact', field: 'pk', value: project.pk }] })
      .expect(200);
    expect(hiddenByDefault.body).toEqual([]);
    const included = await http()
      .post('/v1/projects/list')
      .set(authed(token('R')))
      .send({
        expressions: [{ type: 'exact', field: 'pk', value: project.pk }],
        include_inactive: true,
      })
      .expect(200);
    expect(included.body).toHaveLength(1);
    const replacement = await createProject(testApp, cast.admin, team.pk, 'cycle');
    await http().delete(`/v1/projects/${project.pk}/reinstate`).set(authed(cast.admin)).expect(400);
    await http().delete(`/v1/projects/${replacement.pk}`).set(authed(cast.admin)).expect(204);
    const reinstated = await http()
      .delete(`/v1/projects/${project.pk}/reinstate/`)
      .set(authed(cast.admin))
      .expect(200);
    expect(reinstated.body.deletion_time).toBeNull();
    const hard = await http()
      .delete(`/v1/projects/${project.pk}/hard`)
      .set(authed(cast.admin))
      .expect(200);
    expect(hard.body.pk).toBe(project.pk);
    await http().get(`/v1/projects/${project.pk}`).set(authed(cast.admin)).expect(404);
  });
});
