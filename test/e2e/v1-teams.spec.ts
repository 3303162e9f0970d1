import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createUser } from '../utils/auth.js';
import { sql } from '../utils/sql.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  unique,
  type Cast,
} from '../utils/fixtures.js';

describe('/v1/teams and memberships', () => {
  let testApp: TestApp;
  let cast: Cast;
  const http = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token;

  async function slugOf(pk: number): Promise<string> {
    const [row] = await sql<{ slug: string }>(
      testApp.database,
      'SELECT slug FROM teams WHERE id = $1',
      [pk],
    );
    return row.slug;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should create a team (201) with no members and the UFDL key order', async () => {
    const response = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name: 'Research Data' })
      .expect(201);
    expect(Object.keys(response.body)).toEqual([
      'pk',
      'name',
      'members',
      'creator',
      'creation_time',
      'deletion_time',
    ]);
    expect(response.body).toMatchObject({
      name: 'Research Data',
      members: [],
      deletion_time: null,
    });
    expect(await slugOf(response.body.pk)).toBe('research-data');
  });

  it('should derive unique slugs: suffixes on collision, team-<pk> when too short', async () => {
    const names = ['Slug Clash', 'slug  clash!', 'SLUG-CLASH', 'x', `${'a'.repeat(40)}`];
    const slugs: string[] = [];
    const pks: number[] = [];
    for (const name of names) {
      const { body } = await http()
        .post('/v1/teams/create')
        .set(authed(cast.admin))
        .send({ name })
        .expect(201);
      slugs.push(await slugOf(body.pk));
      pks.push(body.pk);
    }
    expect(slugs.slice(0, 3)).toEqual(['slug-clash', 'slug-clash-2', 'slug-clash-3']);
    expect(slugs[3]).toBe(`team-${pks[3]}`);
    expect(slugs[4]).toBe('a'.repeat(31));
  });

  it('should refuse a duplicate active name with 400', async () => {
    const name = unique('dup');
    await http().post('/v1/teams/create').set(authed(cast.admin)).send({ name }).expect(201);
    const response = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name })
      .expect(400);
    expect(response.body.detail).toMatch(/already exists/);
  });

  it('should show members in membership order and list only the caller’s teams', async () => {
    const team = await createTeam(testApp, cast);
    const other = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name: unique('other') })
      .expect(201);
    const retrieved = await http()
      .get(`/v1/teams/${team.pk}`)
      .set(authed(token('R')))
      .expect(200);
    expect(retrieved.body.members.map((m: { username: string }) => m.username)).toEqual(
      (['R', 'X', 'W', 'A'] as const).map((level) => cast.actors[level].user!.username),
    );
    const listed = await http()
      .post('/v1/teams/list')
      .set(authed(token('R')))
      .expect(200);
    const pks = listed.body.map((t: { pk: number }) => t.pk);
    expect(pks).toContain(team.pk);
    expect(pks).not.toContain(other.body.pk);
    const outsider = await http()
      .post('/v1/teams/list')
      .set(authed(token('outsider')))
      .expect(200);
    expect(outsider.body).toEqual([]);
    const adminList = await http().post('/v1/teams/list').set(authed(cast.admin)).expect(200);
    expect(adminList.body.map((t: { pk: number }) => t.pk)).toEqual(
      expect.arrayContaining([team.pk, other.body.pk]),
    );
  });

  it('should let team admins rename, and ignore members in the body', async () => {
    const team = await createTeam(testApp, cast);
    const name = unique('renamed');
    const response = await http()
      .patch(`/v1/teams/${team.pk}`)
      .set(authed(token('A')))
      .send({ name, members: [] })
      .expect(200);
    expect(response.body.name).toBe(name);
    expect(response.body.members).toHaveLength(4);
    await http()
      .put(`/v1/teams/${team.pk}`)
      .set(authed(token('A')))
      .send({})
      .expect(400);
  });

  describe('PATCH /v1/teams/{pk}/memberships', () => {
    it('should add, update (default R) and remove memberships', async () => {
      const team = await createTeam(testApp, cast);
      const newcomer = await createUser(testApp);
      const path = `/v1/teams/${team.pk}/memberships`;
      const added = await http()
        .patch(path)
        .set(authed(token('A')))
        .send({ method: 'add', username: newcomer.username, permissions: 'W' })
        .expect(200);
      expect(Object.keys(added.body)).toEqual([
        'user',
        'team',
        'permissions',
        'creator',
        'creation_time',
        'deletion_time',
      ]);
      expect(added.body).toMatchObject({ user: newcomer.id, team: team.pk, permissions: 'W' });
      const level = await http()
        .get(`/v1/teams/${team.pk}/permissions/${newcomer.username}`)
        .set(authed(token('A')))
        .expect(200);
      expect(level.headers['content-type']).toMatch(/^application\/json/);
      expect(level.text).toBe('"W"');
      const updated = await http()
        .patch(path)
        .set(authed(token('A')))
        .send({ method: 'update', username: newcomer.username })
        .expect(200);
      expect(updated.body.permissions).toBe('R');
      const removed = await http()
        .patch(path)
        .set(authed(token('A')))
        .send({ method: 'remove', username: newcomer.username })
        .expect(200);
      expect(removed.body.deletion_time).toMatch(/Z$/);
      const gone = await http()
        .get(`/v1/teams/${team.pk}/permissions/${newcomer.username}`)
        .set(authed(token('A')))
        .expect(400);
      expect(gone.body.detail).toMatch(/not a current member/);
    });

    it('should answer every mistake with 400 and a clear detail', async () => {
      const team = await createTeam(testApp, cast);
      const inactive = await createUser(testApp, { isActive: false });
      const path = `/v1/teams/${team.pk}/memberships`;
      const member = cast.actors.R.user!.username;
      const cases: [unknown, RegExp][] = [
        [{ method: 'add', username: 'no-such-user' }, /No user with this username exists/],
        [{ method: 'add', username: inactive.username }, /no longer active/],
        [{ method: 'add', username: member }, /already a member/],
        [{ method: 'remove', username: cast.actors.outsider.user!.username }, /not a member/],
        [{ method: 'promote', username: member }, /Unable to parse JSON/],
        [{ method: 'add', username: member, permissions: 'Z' }, /Unable to parse JSON/],
        [{ method: 'add', username: member, extra: 1 }, /Unable to parse JSON/],
        [{ method: 'add', username: '' }, /Unable to parse JSON/],
        [[1, 2], /Unable to parse JSON/],
      ];
      for (const [body, detail] of cases) {
        const response = await http()
          .patch(path)
          .set(authed(token('A')))
          .send(body as object);
        expect(response.status).toBe(400);
        expect(response.body.detail).toMatch(detail);
      }
      const empty = await http()
        .patch(path)
        .set(authed(token('A')))
        .expect(400);
      expect(empty.body.detail).toMatch(/Unable to parse JSON/);
    });
  });

  it('should soft-delete a team with its memberships; reinstate keeps them ended', async () => {
    const team = await createTeam(testApp, cast);
    await http()
      .delete(`/v1/teams/${team.pk}`)
      .set(authed(token('A')))
      .expect(204);
    const deleted = await http().get(`/v1/teams/${team.pk}`).set(authed(cast.admin)).expect(200);
    expect(deleted.body.deletion_time).toMatch(/Z$/);
    expect(deleted.body.members).toEqual([]);
    // A's membership ended with the team.
    await http()
      .get(`/v1/teams/${team.pk}`)
      .set(authed(token('A')))
      .expect(403);
    const reinstated = await http()
      .delete(`/v1/teams/${team.pk}/reinstate`)
      .set(authed(cast.admin))
      .expect(200);
    expect(reinstated.body.deletion_time).toBeNull();
    expect(reinstated.body.members).toEqual([]);
  });

  it('should refuse to reinstate into an occupied name', async () => {
    const name = unique('occupied');
    const first = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .send({ name })
      .expect(201);
    await http().delete(`/v1/teams/${first.body.pk}`).set(authed(cast.admin)).expect(204);
    await http().post('/v1/teams/create').set(authed(cast.admin)).send({ name }).expect(201);
    const response = await http()
      .delete(`/v1/teams/${first.body.pk}/reinstate`)
      .set(authed(cast.admin))
      .expect(400);
    expect(response.body.detail).toMatch(/Cannot reinstate/);
  });

  it('should hard-delete (200, the team as it was) unless projects remain', async () => {
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk);
    const refused = await http()
      .delete(`/v1/teams/${team.pk}/hard`)
      .set(authed(cast.admin))
      .expect(400);
    expect(refused.body.detail).toMatch(/still owns projects/);
    await http().delete(`/v1/projects/${project.pk}/hard`).set(authed(cast.admin)).expect(200);
    const response = await http()
      .delete(`/v1/teams/${team.pk}/hard`)
      .set(authed(cast.admin))
      .expect(200);
    expect(response.body).toMatchObject({ pk: team.pk, name: team.name });
    await http().get(`/v1/teams/${team.pk}`).set(authed(cast.admin)).expect(404);
  });
});
