import jwt from 'jsonwebtoken';
import pg from 'pg';
import request from 'supertest';
import { eventually } from '../utils/eventually.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';
import { createUser, loginAs } from '../utils/auth.js';

describe('/v1/auth and bearer authentication', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const secret = () => testApp.config.jwtSecret;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('POST /v1/auth/obtain', () => {
    it('should answer refresh then access tokens with the UFDL claims', async () => {
      const response = await http().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
      expect(Object.keys(response.body)).toEqual(['refresh', 'access']);
      const access = jwt.verify(response.body.access, secret()) as Record<string, unknown>;
      const refresh = jwt.verify(response.body.refresh, secret()) as Record<string, unknown>;
      expect(access).toMatchObject({ jtt: 'access', upk: expect.any(Number) });
      expect(refresh).toMatchObject({ jtt: 'refresh', upk: access.upk });
      expect(access.jti).toMatch(/^[0-9a-f]{32}$/);
      expect((access.exp as number) - (access.iat as number)).toBe(300);
      expect((refresh.exp as number) - (refresh.iat as number)).toBe(8 * 3600);
    });

    it('should accept a trailing slash and form-encoded bodies', async () => {
      await http().post('/v1/auth/obtain/').send(TEST_ADMIN).expect(200);
      await http()
        .post('/v1/auth/obtain')
        .type('form')
        .send(`username=${TEST_ADMIN.username}&password=${TEST_ADMIN.password}`)
        .expect(200);
    });

    it('should answer missing fields with a DRF field map', async () => {
      const response = await http().post('/v1/auth/obtain').send({}).expect(400);
      expect(response.body).toEqual({
        username: ['This field is required.'],
        password: ['This field is required.'],
      });
    });

    it('should answer wrong credentials, unknown and inactive users with 401', async () => {
      const inactive = await createUser(testApp, { isActive: false });
      for (const body of [
        { username: TEST_ADMIN.username, password: 'wrong-password' },
        { username: 'nobody-at-all', password: 'whatever' },
        { username: inactive.username, password: inactive.password },
      ]) {
        const response = await http().post('/v1/auth/obtain').send(body).expect(401);
        expect(response.body).toEqual({
          detail: 'No active account found with the given credentials',
        });
        expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
      }
    });

    it('should answer GET with 405 and an Allow header', async () => {
      const response = await http().get('/v1/auth/obtain').expect(405);
      expect(response.body).toEqual({ detail: 'Method "GET" not allowed.' });
      expect(response.headers.allow).toContain('POST');
    });
  });

  describe('POST /v1/auth/refresh and /v1/auth/verify', () => {
    it('should trade a refresh token for an access token, as often as asked', async () => {
      const { body } = await http().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
      const [first, second] = await Promise.all([
        http().post('/v1/auth/refresh').send({ refresh: body.refresh }),
        http().post('/v1/auth/refresh').send({ refresh: body.refresh }),
      ]);
      for (const response of [first, second]) {
        expect(response.status).toBe(200);
        expect(Object.keys(response.body)).toEqual(['access']);
        await http()
          .post('/v1/teams/list')
          .set('Authorization', `Bearer ${response.body.access}`)
          .expect(200);
      }
    });

    it('should answer 401 (not 400) for a bad, expired or access token at refresh', async () => {
      const { body } = await http().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
      const expired = jwt.sign({ jtt: 'refresh', jti: 'x'.repeat(32), upk: 1 }, secret(), {
        expiresIn: -10,
      });
      const wrongType = await http().post('/v1/auth/refresh').send({ refresh: body.access });
      expect(wrongType.status).toBe(401);
      expect(wrongType.body).toEqual({ detail: 'Token has wrong type', code: 'token_not_valid' });
      for (const refresh of ['garbage', expired]) {
        const response = await http().post('/v1/auth/refresh').send({ refresh }).expect(401);
        expect(response.body).toEqual({
          detail: 'Token is invalid or expired',
          code: 'token_not_valid',
        });
      }
    });

    it('should verify access and refresh tokens alike', async () => {
      const { body } = await http().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
      for (const token of [body.access, body.refresh]) {
        const response = await http().post('/v1/auth/verify').send({ token }).expect(200);
        expect(response.body).toEqual({});
      }
      await http().post('/v1/auth/verify').send({ token: 'nope' }).expect(401);
      const missing = await http().post('/v1/auth/verify').expect(400);
      expect(missing.body).toEqual({ token: ['This field is required.'] });
    });
  });

  describe('bearer tokens on API routes', () => {
    const list = (headers: Record<string, string> = {}) =>
      http().post('/v1/teams/list').set(headers);

    it('should answer no credentials with 401 and WWW-Authenticate', async () => {
      const response = await list().expect(401);
      expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
    });

    it('should treat another Authorization scheme as anonymous', async () => {
      await list({ Authorization: 'Basic YWRtaW46YWRtaW4=' }).expect(401);
    });

    it('should refuse forged, unsigned, expired and wrong-type tokens with simplejwt bodies', async () => {
      const { body } = await http().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
      const claims = { jtt: 'access', jti: 'a'.repeat(32), upk: 1 };
      const unsigned =
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url') +
        '.' +
        Buffer.from(JSON.stringify({ ...claims, exp: 9_999_999_999 })).toString('base64url') +
        '.';
      const cases: [string, string][] = [
        ['not-a-jwt', 'Token is invalid or expired'],
        [
          jwt.sign(claims, 'another-secret-of-sufficient-length-123'),
          'Token is invalid or expired',
        ],
        [unsigned, 'Token is invalid or expired'],
        [jwt.sign(claims, secret(), { expiresIn: -1 }), 'Token is invalid or expired'],
        [jwt.sign(claims, secret(), { algorithm: 'HS512' }), 'Token is invalid or expired'],
        [body.refresh, 'Token has wrong type'],
      ];
      for (const [token, message] of cases) {
        const response = await list({ Authorization: `Bearer ${token}` }).expect(401);
        expect(response.body).toEqual({
          detail: 'Given token not valid for any token type',
          code: 'token_not_valid',
          messages: [{ token_class: 'AccessToken', token_type: 'access', message }],
        });
        expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
      }
    });

    it('should refuse a tampered copy of a token it has already accepted', async () => {
      const user = await createUser(testApp);
      const token = await loginAs(testApp, user);
      await list({ Authorization: `Bearer ${token}` }).expect(200);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { upk: number };
      const forged = Buffer.from(JSON.stringify({ ...claims, upk: 1 })).toString('base64url');
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const bad of [`${header}.${forged}.${signature}`, `${header}.${payload}.${flipped}`]) {
        const response = await list({ Authorization: `Bearer ${bad}` }).expect(401);
        expect(response.body.code).toBe('token_not_valid');
      }
      await list({ Authorization: `Bearer ${token}` }).expect(200);
    });

    it('should refuse the token of a user deactivated since it was issued', async () => {
      const user = await createUser(testApp);
      const token = await loginAs(testApp, user);
      await list({ Authorization: `Bearer ${token}` }).expect(200);
      const client = new pg.Client({ connectionString: testApp.database.url });
      await client.connect();
      await client.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]);
      await client.end();
      // A change made outside the app reaches its cache by notification: within moments.
      let response = await list({ Authorization: `Bearer ${token}` });
      for (let tries = 0; response.status !== 401 && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        response = await list({ Authorization: `Bearer ${token}` });
      }
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: 'User is inactive', code: 'user_inactive' });
    });

    it('should record last_login on authenticated requests', async () => {
      const user = await createUser(testApp);
      const token = await loginAs(testApp, user);
      await list({ Authorization: `Bearer ${token}` }).expect(200);
      const admin = await http().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
      const record = await http()
        .get(`/v1/users/${user.id}`)
        .set('Authorization', `Bearer ${admin.body.access}`)
        .expect(200);
      expect(Date.parse(record.body.last_login)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('should answer any Node-Id header with 400 (Strata has no worker nodes)', async () => {
      const token = (await http().post('/v1/auth/obtain').send(TEST_ADMIN)).body.access;
      const known = await list({ Authorization: `Bearer ${token}`, 'Node-Id': '3' }).expect(400);
      expect(known.body).toEqual({
        detail: "Bad Node-Id header '3': No node with this primary-key",
      });
      const bad = await list({ Authorization: `Bearer ${token}`, 'Node-Id': 'abc' }).expect(400);
      expect(bad.body.detail).toBe(
        "Bad Node-Id header 'abc': Unable to parse into an integer primary-key",
      );
    });
  });

  describe('a client whose access token expires', () => {
    it('should get 401, refresh, and carry on (the official clients flow)', async () => {
      // Long enough that a refreshed token is still valid when used on a busy machine.
      const shortLived = await createTestApp({ env: { ACCESS_TOKEN_LIFETIME: '4' } });
      try {
        const client = () => request(shortLived.app.getHttpServer());
        const { body } = await client().post('/v1/auth/obtain').send(TEST_ADMIN).expect(200);
        const listWith = (token: string) =>
          client().post('/v1/teams/list').set('Authorization', `Bearer ${token}`);
        await listWith(body.access).expect(200);
        // Accepted (and remembered as verified) before: refused all the same once expired.
        await eventually(async () => (await listWith(body.access)).status === 401, 10_000);
        const expired = await listWith(body.access).expect(401);
        expect(expired.body.code).toBe('token_not_valid');
        const refreshed = await client()
          .post('/v1/auth/refresh')
          .send({ refresh: body.refresh })
          .expect(200);
        await listWith(refreshed.body.access).expect(200);
      } finally {
        await shortLived.close();
      }
    });
  });
});
