import request from 'supertest';
import { ChangeFeed } from '../../src/database/change-feed/change-feed.service.js';
import { adminToken, createUser, loginAs, type TestUser } from '../utils/auth.js';
import { sql } from '../utils/sql.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { eventually } from '../utils/eventually.js';

/**
 * The users behind tokens are cached in each process (they are read by every request); these
 * tests pin down that a change to a user is never served stale for longer than the change
 * notification takes, on this instance or another, even when notifications are interrupted.
 */
describe('cached users behind tokens', () => {
  let first: TestApp;
  let second: TestApp;
  let user: TestUser;
  let token: string;

  const whoami = (app: TestApp) =>
    request(app.app.getHttpServer())
      .post('/v1/datasets/list')
      .set('Authorization', `Bearer ${token}`)
      .send({});
  const refused = async (app: TestApp) => (await whoami(app)).status === 401;
  const feed = (app: TestApp) => app.app.get(ChangeFeed);

  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({ database: first.database });
    await eventually(() => Promise.resolve(feed(first).live && feed(second).live));
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  beforeEach(async () => {
    user = await createUser(first);
    token = await loginAs(first, user);
    // Both instances now hold the user in their caches.
    await whoami(first).expect(200);
    await whoami(second).expect(200);
  });

  it('should refuse a user at once on the instance that deactivated them', async () => {
    // On `second`: passport keeps one strategy registry per process, so the JWT strategy both
    // test apps use is the last one made (second's), with second's user cache behind it. On
    // `first`, this would wait for the notification and pass or fail with the machine's load.
    await request(second.app.getHttpServer())
      .delete(`/v1/users/${user.id}`)
      .set('Authorization', `Bearer ${await adminToken(second)}`)
      .expect(204);
    const response = await whoami(second).expect(401);
    expect(response.body).toEqual({ detail: 'User is inactive', code: 'user_inactive' });
  });

  it('should refuse them on another instance as soon as the change is notified', async () => {
    await request(first.app.getHttpServer())
      .delete(`/v1/users/${user.id}`)
      .set('Authorization', `Bearer ${await adminToken(first)}`)
      .expect(204);
    const waited = await eventually(() => refused(second), 2000);
    expect(waited).toBeLessThan(2000);
  });

  it('should see a change made in SQL outside any instance', async () => {
    await sql(first.database, 'UPDATE users SET is_staff = true WHERE id = $1', [user.id]);
    // A staff member may read any user; before the change this user may not.
    await eventually(
      async () =>
        (
          await request(second.app.getHttpServer())
            .get('/v1/users/1')
            .set('Authorization', `Bearer ${token}`)
        ).status === 200,
    );
  });

  it('should cache nothing while notifications are interrupted, and resume after', async () => {
    const terminated = await sql(
      first.database,
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
       WHERE application_name = 'strata-change-feed' AND datname = current_database()`,
    );
    expect(terminated.length).toBeGreaterThanOrEqual(2);
    await eventually(() => Promise.resolve(!feed(second).live), 2000).catch(() => undefined);
    // Whether or not it has reconnected yet, no stale answer may come out: if it is still down
    // it must read the row, and if it is back it emptied its cache when it came back.
    await sql(first.database, 'UPDATE users SET is_active = false WHERE id = $1', [user.id]);
    // A change made while nobody listened is still seen without waiting for any notification.
    if (!feed(second).live) {
      await whoami(second).expect(401);
    }
    await eventually(() => Promise.resolve(feed(first).live && feed(second).live));
    await whoami(second).expect(401);
    await sql(first.database, 'UPDATE users SET is_active = true WHERE id = $1', [user.id]);
    await eventually(async () => (await whoami(second)).status === 200);
  });
});
