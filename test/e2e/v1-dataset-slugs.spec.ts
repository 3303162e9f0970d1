import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset } from '../utils/datasets.js';
import { sql } from '../utils/sql.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';

/** Dataset slugs: unique per team among active lineages, held by the database itself. */
describe('/v1 dataset slugs', () => {
  let testApp: TestApp;
  let cast: Cast;
  const http = () => request(testApp.app.getHttpServer());
  const query = (text: string, values: unknown[] = []) => sql(testApp.database, text, values);
  const slugOf = async (pk: number) =>
    ((await query('SELECT slug FROM datasets WHERE id = $1', [pk]))[0] as { slug: string }).slug;
  const copy = async (pk: number) =>
    (await http().post(`/v1/datasets/${pk}/copy`).set(authed(cast.admin)).expect(200)).body as {
      pk: number;
    };

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should refuse, in the database, a second lineage with a slug taken in the team', async () => {
    const team = await createTeam(testApp, cast);
    const one = await createProject(testApp, cast.admin, team.pk);
    const two = await createProject(testApp, cast.admin, team.pk);
    const first = await createDataset(testApp, cast.admin, one.pk, { name: 'Held' });
    const version2 = await copy(first.pk);
    const other = await createDataset(testApp, cast.admin, two.pk, { name: 'Other' });
    const sibling = await createDataset(testApp, cast.admin, one.pk, { name: 'Sibling' });
    expect(await slugOf(version2.pk)).toBe('held');

    // Versions of one lineage share their slug; another lineage may not, in any project.
    for (const pk of [other.pk, sibling.pk]) {
      await expect(query(`UPDATE datasets SET slug = 'held' WHERE id = $1`, [pk])).rejects.toThrow(
        /violates exclusion constraint/,
      );
    }
    // Soft-deleted lineages do not hold their slug.
    await query('UPDATE datasets SET deletion_time = now() WHERE id = ANY($1)', [
      [first.pk, version2.pk],
    ]);
    await query(`UPDATE datasets SET slug = 'held' WHERE id = $1`, [other.pk]);
    // And a dataset's team must be its project's.
    const elsewhere = await createTeam(testApp, cast);
    await expect(
      query('UPDATE datasets SET team_id = $2 WHERE id = $1', [sibling.pk, elsewhere.pk]),
    ).rejects.toThrow(/violates foreign key constraint/);
  });

  it('should re-slug the datasets of a project moved into a team that uses their slugs', async () => {
    const home = await createTeam(testApp, cast);
    const target = await createTeam(testApp, cast);
    const moving = await createProject(testApp, cast.admin, home.pk);
    const staying = await createProject(testApp, cast.admin, target.pk);
    await createDataset(testApp, cast.admin, staying.pk, { name: 'Cats' });
    await createDataset(testApp, cast.admin, staying.pk, { name: 'Dogs' });
    await createDataset(testApp, cast.admin, staying.pk, { name: 'Dogs 2' });
    const cats = await createDataset(testApp, cast.admin, moving.pk, { name: 'Cats' });
    const catsV2 = await copy(cats.pk);
    const dogs = await createDataset(testApp, cast.admin, moving.pk, { name: 'Dogs' });
    const birds = await createDataset(testApp, cast.admin, moving.pk, { name: 'Birds' });
    expect(await slugOf(dogs.pk)).toBe('dogs');

    const moved = await http()
      .patch(`/v1/projects/${moving.pk}`)
      .set(authed(cast.admin))
      .send({ team: target.pk })
      .expect(200);
    expect(moved.body.team).toBe(target.pk);
    // First free `-N` in the new team, every version alike; free slugs stay.
    expect(await slugOf(cats.pk)).toBe('cats-2');
    expect(await slugOf(catsV2.pk)).toBe('cats-2');
    expect(await slugOf(dogs.pk)).toBe('dogs-3');
    expect(await slugOf(birds.pk)).toBe('birds');
    expect(
      await query('SELECT DISTINCT team_id FROM datasets WHERE project_id = $1', [moving.pk]),
    ).toEqual([{ team_id: target.pk }]);
  });

  it('should give a renamed version a slug of its own when its old lineage keeps the slug', async () => {
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk);
    const v1 = await createDataset(testApp, cast.admin, project.pk, { name: 'Lineage' });
    const v2 = await copy(v1.pk);
    await http()
      .patch(`/v1/datasets/${v2.pk}`)
      .set(authed(cast.admin))
      .send({ name: 'Renamed' })
      .expect(200);
    expect(await slugOf(v1.pk)).toBe('lineage');
    expect(await slugOf(v2.pk)).toBe('lineage-2');
    // A lone version keeps its slug through a rename.
    const lone = await createDataset(testApp, cast.admin, project.pk, { name: 'Lone' });
    await http()
      .patch(`/v1/datasets/${lone.pk}`)
      .set(authed(cast.admin))
      .send({ name: 'Lone renamed' })
      .expect(200);
    expect(await slugOf(lone.pk)).toBe('lone');
  });

  it('should keep the team of a dataset moved to a project of another team in step', async () => {
    const home = await createTeam(testApp, cast);
    const target = await createTeam(testApp, cast);
    const from = await createProject(testApp, cast.admin, home.pk);
    const to = await createProject(testApp, cast.admin, target.pk);
    await createDataset(testApp, cast.admin, to.pk, { name: 'Same' });
    // Another name, the same slug.
    const dataset = await createDataset(testApp, cast.admin, from.pk, { name: 'Same!' });
    expect(await slugOf(dataset.pk)).toBe('same');
    await http()
      .patch(`/v1/datasets/${dataset.pk}`)
      .set(authed(cast.admin))
      .send({ project: to.pk })
      .expect(200);
    expect(await query('SELECT team_id, slug FROM datasets WHERE id = $1', [dataset.pk])).toEqual([
      { team_id: target.pk, slug: 'same-2' },
    ]);
  });
});
