import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TokenService } from '../../src/modules/auth/token.service.js';
import { createDataset } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

/**
 * Errors of the database are the request's fault (4xx) or passing (503 with Retry-After), never
 * a 500: each class is produced here on the real PostgreSQL, through the real app.
 */
describe('database errors', () => {
  describe('on a reachable database', () => {
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

    it('should answer 401, not 500, to a signed token naming a user id beyond the integer range', async () => {
      const team = await createTeam(testApp, cast);
      const project = await createProject(testApp, cast.admin, team.pk);
      const dataset = await createDataset(testApp, cast.admin, project.pk);
      const token = await testApp.app.get(TokenService).issue('access', 2 ** 31);
      const response = await http().get(`/v1/datasets/${dataset.pk}`).set(authed(token));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'user_not_found' });
    });

    it('should answer 400 when a restricting foreign key refuses a hard delete', async () => {
      const team = await createTeam(testApp, cast);
      await createProject(testApp, cast.admin, team.pk);
      const response = await http().delete(`/v1/teams/${team.pk}/hard`).set(authed(cast.admin));
      expect(response.status).toBe(400);
      expect(response.body.detail).toMatch(/still owns projects/);
    });
  });

  describe('with session limits set', () => {
    let testApp: TestApp;
    let cast: Cast;

    beforeAll(async () => {
      testApp = await createTestApp({
        env: { DB_STATEMENT_TIMEOUT: '1', DB_IDLE_IN_TX_TIMEOUT: '7' },
      });
      cast = await createCast(testApp);
    });

    afterAll(async () => {
      await testApp.close();
    });

    it('should set them on every session of the pool', async () => {
      const dataSource = testApp.app.get(DataSource);
      const [statement] =
        await dataSource.query<{ statement_timeout: string }[]>('SHOW statement_timeout');
      const [idle] = await dataSource.query<{ idle_in_transaction_session_timeout: string }[]>(
        'SHOW idle_in_transaction_session_timeout',
      );
      expect(statement.statement_timeout).toBe('1s');
      expect(idle.idle_in_transaction_session_timeout).toBe('7s');
    });

    it('should answer 503 with Retry-After when a statement runs out of time', async () => {
      const team = await createTeam(testApp, cast);
      // Another session holds the team's row, so the rename waits past the statement timeout.
      const holder = new pg.Client({ connectionString: testApp.database.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [team.pk]);
        const response = await request(testApp.app.getHttpServer())
          .patch(`/v1/teams/${team.pk}`)
          .set(authed(cast.admin))
          .send({ name: `${team.name}-renamed` });
        expect(response.status).toBe(503);
        expect(response.headers['retry-after']).toMatch(/^\d+$/);
      } finally {
        await holder.end();
      }
    });
  });

  describe('on a database that refuses more connections (53300)', () => {
    let database: TestDatabase;
    let testApp: TestApp;
    const role = `strata_limited_${process.pid}`;

    beforeAll(async () => {
      database = await createTestDatabase();
      // Connection limits bind everyone but superusers; this role has the owner's rights only.
      await sql(database, `CREATE ROLE ${role} LOGIN PASSWORD 'limited'`);
      await sql(database, `GRANT postgres TO ${role}`);
      const url = new URL(database.url);
      url.username = role;
      url.password = 'limited';
      testApp = await createTestApp({
        database: { name: database.name, url: url.toString(), drop: () => Promise.resolve() },
      });
    });

    afterAll(async () => {
      await testApp.close();
      await database.drop();
      await sql(database, `DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    });

    it('should answer 503 with Retry-After while no connection can be had', async () => {
      await sql(database, `ALTER ROLE ${role} CONNECTION LIMIT 0`);
      await sql(
        database,
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1',
        [role],
      );
      const response = await request(testApp.app.getHttpServer()).post('/v1/auth/obtain').send({
        username: 'admin',
        password: 'whatever-it-is',
      });
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.body).toEqual({ detail: expect.any(String) });
      await sql(database, `ALTER ROLE ${role} CONNECTION LIMIT -1`);
    });
  });

  describe('while the database is unreachable', () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let testApp: TestApp;
    let token: string;
    let datasetPk: number;
    const http = () => request(testApp.app.getHttpServer());

    beforeAll(async () => {
      database = await createTestDatabase();
      proxy = await startTcpProxy(database.url);
      testApp = await createTestApp({
        database: { name: database.name, url: proxy.url, drop: () => Promise.resolve() },
      });
      const cast = await createCast(testApp);
      token = cast.admin;
      const team = await createTeam(testApp, cast);
      const project = await createProject(testApp, cast.admin, team.pk);
      datasetPk = (await createDataset(testApp, cast.admin, project.pk)).pk;
      await proxy.cut();
    });

    afterAll(async () => {
      await proxy.restore();
      await testApp.close();
      await proxy.close();
      await database.drop();
    });

    const routes: { name: string; call: () => request.Test }[] = [
      {
        name: 'POST /v1/auth/obtain',
        call: () => http().post('/v1/auth/obtain').send({ username: 'a', password: 'b' }),
      },
      {
        name: 'GET /v1/datasets/{pk} (token)',
        call: () =>
          http()
            .get(`/v1/datasets/${datasetPk + 1}`)
            .set(authed(token)),
      },
      {
        name: 'GET /v1/datasets/{pk} (anonymous)',
        call: () => http().get(`/v1/datasets/${datasetPk + 1}`),
      },
      {
        name: 'POST /v1/teams/list',
        call: () => http().post('/v1/teams/list').set(authed(token)).send({}),
      },
      { name: 'GET /health', call: () => http().get('/health') },
    ];

    it.each(routes)('should answer $name with 503 and Retry-After', async ({ call }) => {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
    });
  });
});
