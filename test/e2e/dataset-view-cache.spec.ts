import request from 'supertest';
import { ChangeFeed } from '../../src/database/change-feed/change-feed.service.js';
import { createDataset, upload } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { eventually } from '../utils/eventually.js';

/**
 * `GET /v1/datasets/{pk}` answers and read permissions are cached in each process. These tests
 * pin down what may never happen: the writing instance answering from before its own write, and
 * any instance answering from before a change once it has been notified; and writes always
 * judged on the database, never on a cached membership.
 */
describe('cached dataset answers and read permissions', () => {
  let first: TestApp;
  let second: TestApp;
  let cast: Cast;
  let project: number;
  let teamPk: number;

  const get = (app: TestApp, pk: number, token: string | undefined) =>
    request(app.app.getHttpServer()).get(`/v1/datasets/${pk}`).set(authed(token));
  const token = (role: 'R' | 'W' | 'outsider') => cast.actors[role].token!;

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({ database: first.database });
    await eventually(() =>
      Promise.resolve(first.app.get(ChangeFeed).live && second.app.get(ChangeFeed).live),
    );
    cast = await createCast(first);
    const team = await createTeam(first, cast);
    teamPk = team.pk;
    project = (await createProject(first, cast.admin, team.pk)).pk;
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('should answer the writer at once and the other instance once notified', async () => {
    const dataset = await createDataset(first, token('W'), project, { description: 'old' });
    // Both instances cache the answer.
    await get(first, dataset.pk, token('R')).expect(200);
    await get(second, dataset.pk, token('R')).expect(200);

    await request(first.app.getHttpServer())
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({ description: 'new' })
      .expect(200);
    expect((await get(first, dataset.pk, token('R')).expect(200)).body.description).toBe('new');
    await eventually(
      async () => (await get(second, dataset.pk, token('R'))).body.description === 'new',
    );
  });

  it('should show files added and deleted, on both instances', async () => {
    const dataset = await createDataset(first, token('W'), project);
    await get(first, dataset.pk, token('R')).expect(200);
    await get(second, dataset.pk, token('R')).expect(200);

    await upload(second, token('W'), dataset.pk, 'a.txt', 'A').expect(200);
    expect(Object.keys((await get(second, dataset.pk, token('R'))).body.files)).toEqual(['a.txt']);
    await eventually(async () => 'a.txt' in (await get(first, dataset.pk, token('R'))).body.files);

    await request(first.app.getHttpServer())
      .delete(`/v1/datasets/${dataset.pk}/files/a.txt`)
      .set(authed(token('W')))
      .expect(200);
    expect((await get(first, dataset.pk, token('R'))).body.files).toEqual({});
    await eventually(
      async () => Object.keys((await get(second, dataset.pk, token('R'))).body.files).length === 0,
    );
  });

  it('should see a copy diverge from its source (copy-on-write) on the other instance', async () => {
    const source = await createDataset(first, token('W'), project);
    await upload(first, token('W'), source.pk, 'a.txt', 'A').expect(200);
    const copy = await request(first.app.getHttpServer())
      .post(`/v1/datasets/${source.pk}/copy`)
      .set(authed(token('W')))
      .expect(200);
    await get(second, copy.body.pk, token('R')).expect(200);
    await get(second, source.pk, token('R')).expect(200);
    // A change made in SQL, as another tool would: the notification still reaches the cache.
    await sql(
      first.database,
      `DELETE FROM dataset_files WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $1)`,
      [source.pk],
    );
    await eventually(
      async () =>
        Object.keys((await get(second, copy.body.pk, token('R'))).body.files).length === 0,
    );
    expect((await get(second, source.pk, token('R'))).body.files).toEqual({});
  });

  it('should stop answering a member whose membership was removed', async () => {
    const dataset = await createDataset(first, token('W'), project);
    const reader = cast.actors.R.user!;
    await get(second, dataset.pk, token('R')).expect(200);
    await request(first.app.getHttpServer())
      .patch(`/v1/teams/${teamPk}/memberships`)
      .set(authed(cast.admin))
      .send({ method: 'remove', username: reader.username })
      .expect(200);
    await get(first, dataset.pk, token('R')).expect(403);
    await eventually(async () => (await get(second, dataset.pk, token('R'))).status === 403);
    // Put back for the other tests.
    await request(first.app.getHttpServer())
      .patch(`/v1/teams/${teamPk}/memberships`)
      .set(authed(cast.admin))
      .send({ method: 'add', username: reader.username, permissions: 'R' })
      .expect(200);
    await eventually(async () => (await get(second, dataset.pk, token('R'))).status === 200);
  });

  it('should judge writes on the database, never on a cached membership', async () => {
    const dataset = await createDataset(first, token('W'), project);
    const writer = cast.actors.W.user!;
    // Reading fills the second instance's cache of the writer's levels.
    await get(second, dataset.pk, token('W')).expect(200);
    // Revoked behind every instance's back, with no time for any notification to arrive.
    const member = await sql<{ id: number }>(
      first.database,
      'SELECT id FROM memberships WHERE user_id = $1 AND team_id = $2',
      [writer.id, teamPk],
    );
    await sql(first.database, "UPDATE memberships SET permissions = 'R' WHERE id = $1", [
      member[0].id,
    ]);
    await request(second.app.getHttpServer())
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({ description: 'must not land' })
      .expect(403);
    await sql(first.database, "UPDATE memberships SET permissions = 'W' WHERE id = $1", [
      member[0].id,
    ]);
  });

  it('should make a dataset private to outsiders once it stops being public', async () => {
    const dataset = await createDataset(first, token('W'), project, { is_public: true });
    await get(second, dataset.pk, token('outsider')).expect(200);
    await get(second, dataset.pk, undefined).expect(200);
    await request(first.app.getHttpServer())
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(token('W')))
      .send({ is_public: false })
      .expect(200);
    await get(first, dataset.pk, token('outsider')).expect(403);
    await eventually(async () => (await get(second, dataset.pk, token('outsider'))).status === 403);
    await get(second, dataset.pk, undefined).expect(401);
  });
});
