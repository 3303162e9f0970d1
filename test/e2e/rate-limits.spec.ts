import request from 'supertest';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';
import { adminToken, createUser } from '../utils/auth.js';
import { authed } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';

const LIMITS = { RATE_LIMIT: '5', RATE_LIMIT_AUTH: '3' };
const THROTTLED = /^Request was throttled\. Expected available in (\d+) seconds?\.$/;

const obtain = (testApp: TestApp, password = TEST_ADMIN.password) =>
  request(testApp.app.getHttpServer())
    .post('/v1/auth/obtain')
    .send({ username: TEST_ADMIN.username, password });

/** A database of its own per test: counts of one test must not spill into the next. */
async function freshApp(env: Record<string, string> = LIMITS): Promise<TestApp> {
  return createTestApp({ env });
}

describe('rate limits', () => {
  const apps: TestApp[] = [];
  const start = async (env?: Record<string, string>) => {
    const testApp = await freshApp(env);
    apps.push(testApp);
    return testApp;
  };

  afterEach(async () => {
    // Second instances share the first one's database and leave it to the first to drop.
    for (const testApp of apps.splice(0).reverse()) {
      await testApp.close();
    }
  });

  it('should refuse the call to /v1/auth/obtain after RATE_LIMIT_AUTH, in DRF words', async () => {
    const testApp = await start();
    // Wrong passwords count too: they are what the limit is for.
    await obtain(testApp, 'wrong-password-1').expect(401);
    await obtain(testApp, 'wrong-password-2').expect(401);
    const third = await obtain(testApp).expect(200);
    expect(third.headers['ratelimit-limit']).toBe('3');
    expect(third.headers['ratelimit-remaining']).toBe('0');

    const refused = await obtain(testApp).expect(429);
    const detail = (refused.body as { detail: string }).detail;
    expect(refused.body).toEqual({ detail: expect.stringMatching(THROTTLED) });
    const wait = Number(THROTTLED.exec(detail)![1]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers['retry-after']).toBe(String(wait));
    expect(refused.headers['ratelimit-limit']).toBe('3');
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['ratelimit-reset'])).toBe(wait);
    // Other routes only count against the general limit.
    await request(testApp.app.getHttpServer())
      .post('/v1/auth/verify')
      .send({ token: (third.body as { access: string }).access })
      .expect(200);
  });

  it('should send the RateLimit headers on ordinary answers, counting each user apart', async () => {
    const testApp = await start({ RATE_LIMIT: '5', RATE_LIMIT_AUTH: '0' });
    const admin = await adminToken(testApp);
    const other = await createUser(testApp);
    const otherToken = (
      await request(testApp.app.getHttpServer())
        .post('/v1/auth/obtain')
        .send({ username: other.username, password: other.password })
        .expect(200)
    ).body.access as string;
    const list = (token: string) =>
      request(testApp.app.getHttpServer()).post('/v1/teams/list').set(authed(token)).send({});

    const first = await list(admin).expect(200);
    expect(first.headers['ratelimit-limit']).toBe('5');
    expect(first.headers['ratelimit-remaining']).toBe('4');
    const reset = Number(first.headers['ratelimit-reset']);
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);
    for (let i = 0; i < 4; i += 1) {
      await list(admin).expect(200);
    }
    await list(admin).expect(429);
    // Another user from the same address has a count of their own.
    const others = await list(otherToken).expect(200);
    expect(others.headers['ratelimit-remaining']).toBe('4');
    // Health probes are never limited.
    const health = await request(testApp.app.getHttpServer()).get('/health').expect(200);
    expect(health.headers['ratelimit-limit']).toBeUndefined();
  });

  it('should share the counts between instances serving one database', async () => {
    const first = await start();
    const second = await createTestApp({ env: LIMITS, database: first.database });
    apps.push(second);
    await obtain(first).expect(200);
    await obtain(second).expect(200);
    await obtain(first).expect(200);
    const refused = await obtain(second).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    const rows = await sql<{ key: string; hits: number }>(
      first.database,
      'SELECT key, points AS hits FROM rate_limit_counters ORDER BY key',
    );
    expect(rows).toContainEqual({ key: expect.stringMatching(/^password:ip:/), hits: 4 });
  });

  it('should start a new window once the last one has ended', async () => {
    const testApp = await start();
    for (let i = 0; i < 3; i += 1) {
      await obtain(testApp).expect(200);
    }
    await obtain(testApp).expect(429);
    await sql(
      testApp.database,
      // The window's end is in epoch milliseconds (rate-limiter-flexible's layout).
      'UPDATE rate_limit_counters SET expire = (extract(epoch FROM now()) * 1000)::bigint - 1000',
    );
    const again = await obtain(testApp).expect(200);
    expect(again.headers['ratelimit-remaining']).toBe('2');
  });

  it("should count in the migration's UNLOGGED table, a window's end in epoch milliseconds", async () => {
    const testApp = await start();
    const before = Date.now();
    await obtain(testApp).expect(200);
    const [table] = await sql<{ relpersistence: string }>(
      testApp.database,
      "SELECT relpersistence FROM pg_class WHERE oid = 'rate_limit_counters'::regclass",
    );
    expect(table.relpersistence).toBe('u');
    const rows = await sql<{ key: string; points: number; expire: string }>(
      testApp.database,
      'SELECT key, points, expire FROM rate_limit_counters ORDER BY key',
    );
    expect(rows.map((row) => row.key)).toEqual([
      expect.stringMatching(/^all:ip:/),
      expect.stringMatching(/^password:ip:/),
    ]);
    for (const row of rows) {
      expect(row.points).toBe(1);
      expect(Number(row.expire)).toBeGreaterThanOrEqual(before + 60_000);
      expect(Number(row.expire)).toBeLessThanOrEqual(Date.now() + 60_000);
    }
  });

  it('should limit nothing with both limits at 0', async () => {
    const testApp = await start({ RATE_LIMIT: '0', RATE_LIMIT_AUTH: '0' });
    for (let i = 0; i < 5; i += 1) {
      const answer = await obtain(testApp).expect(200);
      expect(answer.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});
