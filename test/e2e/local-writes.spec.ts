import request from 'supertest';
import { ChangeFeed } from '../../src/database/change-feed/change-feed.service.js';
import { authed, createCast, createTeam, type Cast } from '../utils/fixtures.js';
import { eventually } from '../utils/eventually.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/**
 * A process empties its caches when one of its own requests may have committed a write, and
 * only then: reads and requests whose writes all failed keep what is cached.
 */
describe("a request's own writes and the caches", () => {
  let testApp: TestApp;
  let cast: Cast;
  let resets = 0;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp();
    const feed = testApp.app.get(ChangeFeed);
    await eventually(() => Promise.resolve(feed.live));
    feed.onReset(() => (resets += 1));
    cast = await createCast(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Resets caused by `call` alone. */
  async function resetsDuring(call: () => Promise<unknown>): Promise<number> {
    const before = resets;
    await call();
    return resets - before;
  }

  it('should empty them after a write that committed', async () => {
    expect(await resetsDuring(() => createTeam(testApp, cast))).toBeGreaterThan(0);
  });

  it('should keep them through reads, POST lists included', async () => {
    const team = await createTeam(testApp, cast);
    expect(
      await resetsDuring(async () => {
        await http().get(`/v1/teams/${team.pk}`).set(authed(cast.admin)).expect(200);
        await http().post('/v1/teams/list').set(authed(cast.admin)).send({}).expect(200);
      }),
    ).toBe(0);
  });

  it('should keep them when a write is refused before it reaches the database', async () => {
    expect(
      await resetsDuring(() =>
        http().post('/v1/teams/create').set(authed(cast.admin)).send({ name: 42 }).expect(400),
      ),
    ).toBe(0);
  });

  it('should keep them when the database refuses the write', async () => {
    const taken = await createTeam(testApp, cast);
    const other = await createTeam(testApp, cast);
    expect(
      await resetsDuring(() =>
        http()
          .patch(`/v1/teams/${other.pk}`)
          .set(authed(cast.admin))
          .send({ name: taken.name })
          .expect(400),
      ),
    ).toBe(0);
  });

  it('should keep them when a transaction that wrote rolled back', async () => {
    const taken = await createTeam(testApp, cast);
    // Team creation inserts inside a transaction; the name's unique index refuses the insert.
    expect(
      await resetsDuring(() =>
        http()
          .post('/v1/teams/create')
          .set(authed(cast.admin))
          .send({ name: taken.name })
          .expect(400),
      ),
    ).toBe(0);
  });
});
