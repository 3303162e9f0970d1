import { createHash } from 'node:crypto';
import request from 'supertest';
import { ChangeFeed } from '../../src/database/change-feed/change-feed.service.js';
import { adminToken, createUser, loginAs, type TestUser } from '../utils/auth.js';
import { createDataset } from '../utils/datasets.js';
import { eventually } from '../utils/eventually.js';
import { authed, unique } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Long-lived API tokens: `/api/tokens` (create, list, revoke, each the caller's own), and their
 * use as `Authorization: Bearer strata_pat_...` on /v1, where a token's scope caps what its
 * user may do and never adds to it.
 */

const SECRET = /^strata_pat_[A-Za-z0-9_-]{43}$/;
const BAD_TOKEN = {
  detail: 'Given token not valid for any token type',
  code: 'token_not_valid',
  messages: [
    { token_class: 'AccessToken', token_type: 'access', message: 'Token is invalid or expired' },
  ],
};

interface CreatedToken {
  id: number;
  name: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  token: string;
}

let testApp: TestApp;
let admin: string;

const http = () => request(testApp.app.getHttpServer());

async function createToken(
  jwt: string,
  body: { name?: string; scopes?: string[]; expires_at?: string } = {},
): Promise<CreatedToken> {
  const response = await http()
    .post('/api/tokens')
    .set(authed(jwt))
    .send({ name: unique('token'), scopes: ['read'], ...body })
    .expect(201);
  return response.body as CreatedToken;
}

/** A request any authenticated user may make that answers with who they are. */
const whoami = (token: string, user: TestUser, app: TestApp = testApp) =>
  request(app.app.getHttpServer()).get(`/v1/users/${user.username}`).set(authed(token));

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await adminToken(testApp);
});

afterAll(async () => {
  await testApp.close();
});

describe('/api/tokens', () => {
  let user: TestUser;
  let jwt: string;

  beforeEach(async () => {
    user = await createUser(testApp);
    jwt = await loginAs(testApp, user);
  });

  it('should create a token whose secret has the prefix and authenticates its user', async () => {
    const created = await createToken(jwt, { name: 'laptop', scopes: ['read', 'write'] });
    expect(Object.keys(created)).toEqual([
      'id',
      'name',
      'scopes',
      'created_at',
      'expires_at',
      'last_used_at',
      'token',
    ]);
    expect(created).toMatchObject({
      name: 'laptop',
      scopes: ['read', 'write'],
      expires_at: null,
      last_used_at: null,
    });
    expect(created.token).toMatch(SECRET);
    expect(Date.parse(created.created_at)).toBeGreaterThan(Date.now() - 60_000);
    const me = await whoami(created.token, user).expect(200);
    expect(me.body).toEqual([expect.objectContaining({ pk: user.id, username: user.username })]);
  });

  it("should accept data.world's scope names and store each scope once", async () => {
    const created = await createToken(jwt, {
      scopes: ['user_api_write', 'read', 'user_api_read', 'write'],
    });
    expect(created.scopes).toEqual(['read', 'write']);
    const rows = await sql<{ scopes: string[] }>(
      testApp.database,
      'SELECT scopes FROM api_tokens WHERE id = $1',
      [created.id],
    );
    expect(rows[0].scopes).toEqual(['read', 'write']);
  });

  it('should store only the SHA-256 of the secret, never the secret', async () => {
    const created = await createToken(jwt);
    const rows = await sql<{ secret_hash: string; whole: string }>(
      testApp.database,
      'SELECT secret_hash, row_to_json(t)::text AS whole FROM api_tokens t WHERE id = $1',
      [created.id],
    );
    expect(rows[0].secret_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(rows[0].whole).not.toContain(created.token);
    expect(rows[0].whole).not.toContain(created.token.slice('strata_pat_'.length));
  });

  it('should show the secret only once: never in the list, nor its hash', async () => {
    const created = await createToken(jwt, { name: 'ci' });
    const listed = await http().get('/api/tokens').set(authed(jwt)).expect(200);
    expect(listed.body).toEqual([
      {
        id: created.id,
        name: 'ci',
        scopes: ['read'],
        created_at: created.created_at,
        expires_at: null,
        last_used_at: null,
      },
    ]);
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(createHash('sha256').update(created.token).digest('hex'));
  });

  it("should list only the caller's own tokens, and not revoked ones", async () => {
    const other = await createUser(testApp);
    const othersToken = await createToken(await loginAs(testApp, other));
    const kept = await createToken(jwt);
    const revoked = await createToken(jwt);
    await http().delete(`/api/tokens/${revoked.id}`).set(authed(jwt)).expect(204);
    const listed = await http().get('/api/tokens').set(authed(jwt)).expect(200);
    expect((listed.body as { id: number }[]).map((token) => token.id)).toEqual([kept.id]);
    expect(othersToken.id).not.toBe(kept.id);
  });

  it('should refuse a revoked token at once, in the shape of any bad token', async () => {
    const created = await createToken(jwt);
    await whoami(created.token, user).expect(200); // now cached
    await http().delete(`/api/tokens/${created.id}`).set(authed(jwt)).expect(204);
    const refused = await whoami(created.token, user).expect(401);
    expect(refused.body).toEqual(BAD_TOKEN);
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="api"');
    // Revoked is revoked: a second revocation finds nothing.
    await http().delete(`/api/tokens/${created.id}`).set(authed(jwt)).expect(404);
  });

  it("should answer 404 for another user's token, which keeps working", async () => {
    const other = await createUser(testApp);
    const othersToken = await createToken(await loginAs(testApp, other));
    const response = await http().delete(`/api/tokens/${othersToken.id}`).set(authed(jwt));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ detail: 'Not found.' });
    await whoami(othersToken.token, other).expect(200);
    // Not even a site admin revokes someone else's token through this route.
    await http().delete(`/api/tokens/${othersToken.id}`).set(authed(admin)).expect(404);
    await http().delete('/api/tokens/999999999').set(authed(jwt)).expect(404);
    await http().delete('/api/tokens/abc').set(authed(jwt)).expect(404);
  });

  it('should stop working once it expires, though it was cached while valid', async () => {
    const expiresAt = new Date(Date.now() + 2000);
    const created = await createToken(jwt, { expires_at: expiresAt.toISOString() });
    expect(created.expires_at).toBe(expiresAt.toISOString());
    await whoami(created.token, user).expect(200);
    await eventually(async () => (await whoami(created.token, user)).status === 401, 5000);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    const refused = await whoami(created.token, user).expect(401);
    expect(refused.body).toEqual(BAD_TOKEN);
  });

  it('should record when a token was last used, without a write per request', async () => {
    const created = await createToken(jwt);
    const lastUsed = async () =>
      (
        await sql<{ last_used_at: Date | null }>(
          testApp.database,
          'SELECT last_used_at FROM api_tokens WHERE id = $1',
          [created.id],
        )
      )[0].last_used_at;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    await whoami(created.token, user).expect(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await whoami(created.token, user).expect(200);
    await whoami(created.token, user).expect(200);
    expect((await lastUsed())!.getTime()).toBe(first!.getTime());
    const listed = await http().get('/api/tokens').set(authed(jwt)).expect(200);
    expect(listed.body[0].last_used_at).toBe(first!.toISOString());
  });

  it('should refuse a secret that names no token, even where anonymous callers are welcome', async () => {
    const unknown = `strata_pat_${'A'.repeat(43)}`;
    expect((await whoami(unknown, user).expect(401)).body).toEqual(BAD_TOKEN);
    expect((await whoami('strata_pat_short', user).expect(401)).body).toEqual(BAD_TOKEN);
    const list = await http().post('/v1/datasets/list').set(authed(unknown)).send({});
    expect(list.status).toBe(401);
  });

  it('should refuse the token of a user who has been deactivated', async () => {
    const created = await createToken(jwt);
    await whoami(created.token, user).expect(200);
    await http().delete(`/v1/users/${user.id}`).set(authed(admin)).expect(204);
    const refused = await whoami(created.token, user).expect(401);
    expect(refused.body).toEqual({ detail: 'User is inactive', code: 'user_inactive' });
  });

  it('should need authentication for every route', async () => {
    await http().get('/api/tokens').expect(401);
    await http()
      .post('/api/tokens')
      .send({ name: 'x', scopes: ['read'] })
      .expect(401);
    await http().delete('/api/tokens/1').expect(401);
  });

  it('should refuse bad requests with the field at fault', async () => {
    const post = (body: unknown) =>
      http()
        .post('/api/tokens')
        .set(authed(jwt))
        .send(body as object);
    expect((await post({ scopes: ['read'] }).expect(400)).body).toEqual({
      name: ['This field is required.'],
    });
    expect((await post({ name: 'x', scopes: [] }).expect(400)).body).toEqual({
      scopes: ['This list may not be empty.'],
    });
    const badScope = await post({ name: 'x', scopes: ['read', 'root'] }).expect(400);
    expect(Object.keys(badScope.body)).toEqual(['scopes']);
    expect((await post({ name: 'x', scopes: 'read' }).expect(400)).body).toHaveProperty('scopes');
    expect((await post({ name: 'x'.repeat(101), scopes: ['read'] }).expect(400)).body).toEqual({
      name: ['Ensure this field has no more than 100 characters.'],
    });
    const past = await post({ name: 'x', scopes: ['read'], expires_at: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body).toEqual({ expires_at: ['The expiry must be in the future.'] });
    const garbage = await post({ name: 'x', scopes: ['read'], expires_at: 'tomorrow' });
    expect(garbage.status).toBe(400);
    expect(Object.keys(garbage.body)).toEqual(['expires_at']);
    const count = await sql<{ n: string }>(
      testApp.database,
      'SELECT count(*) AS n FROM api_tokens WHERE user_id = $1',
      [user.id],
    );
    expect(count[0].n).toBe('0');
  });

  describe('managed with a token', () => {
    it.each([
      ['read', 403],
      ['write', 403],
      ['admin', 201],
    ])('should let a %s token create tokens: %d', async (scope, status) => {
      const token = (await createToken(jwt, { scopes: [scope] })).token;
      await http()
        .post('/api/tokens')
        .set(authed(token))
        .send({ name: 'minted', scopes: ['admin'] })
        .expect(status);
    });

    it.each([
      ['read', 403],
      ['write', 403],
      ['admin', 204],
    ])('should let a %s token revoke tokens: %d', async (scope, status) => {
      const token = (await createToken(jwt, { scopes: [scope] })).token;
      const victim = await createToken(jwt);
      await http().delete(`/api/tokens/${victim.id}`).set(authed(token)).expect(status);
      await whoami(victim.token, user).expect(status === 204 ? 401 : 200);
    });

    it('should let any token list its owner’s tokens', async () => {
      const token = await createToken(jwt, { scopes: ['read'] });
      const listed = await http().get('/api/tokens').set(authed(token.token)).expect(200);
      expect((listed.body as { id: number }[]).map((t) => t.id)).toEqual([token.id]);
    });
  });
});

/**
 * Each scope against a read, a team write, a team admin action and a site admin action on /v1:
 * for a team admin (who may do all but the last) and for a site admin in no team (who may do
 * everything, but only with the admin scope: site admin powers are not for lesser tokens).
 */
describe('scopes cap what the user may do', () => {
  let member: TestUser;
  let staff: TestUser;
  let team: number;
  let project: number;
  let dataset: number;

  beforeAll(async () => {
    member = await createUser(testApp);
    staff = await createUser(testApp, { isStaff: true });
    const created = await http()
      .post('/v1/teams/create')
      .set(authed(admin))
      .send({ name: unique('scoped') })
      .expect(201);
    team = (created.body as { pk: number }).pk;
    await http()
      .patch(`/v1/teams/${team}/memberships`)
      .set(authed(admin))
      .send({ method: 'add', username: member.username, permissions: 'A' })
      .expect(200);
    const madeProject = await http()
      .post('/v1/projects/create')
      .set(authed(admin))
      .send({ name: unique('project'), team })
      .expect(201);
    project = (madeProject.body as { pk: number }).pk;
    dataset = (await createDataset(testApp, admin, project, { is_public: false })).pk;
  });

  const actions = {
    read: (token: string) => http().get(`/v1/datasets/${dataset}`).set(authed(token)),
    teamWrite: (token: string) =>
      http()
        .post('/v1/datasets/create')
        .set(authed(token))
        .send({ name: unique('ds'), project, licence: 11, tags: '' }),
    teamAdmin: (token: string) =>
      http()
        .put(`/v1/teams/${team}`)
        .set(authed(token))
        .send({ name: unique('renamed') }),
    siteAdmin: (token: string) =>
      http()
        .post('/v1/teams/create')
        .set(authed(token))
        .send({ name: unique('made') }),
  };

  const cases: [string, 'member' | 'staff', number, number, number, number][] = [
    ['read', 'member', 200, 403, 403, 403],
    ['write', 'member', 200, 201, 403, 403],
    ['admin', 'member', 200, 201, 200, 403],
    ['read', 'staff', 403, 403, 403, 403],
    ['write', 'staff', 403, 403, 403, 403],
    ['admin', 'staff', 200, 201, 200, 201],
  ];

  it.each(cases)(
    'should give a %s token of a %s read %d, team write %d, team admin %d, site admin %d',
    async (scope, who, read, teamWrite, teamAdmin, siteAdmin) => {
      const user = who === 'member' ? member : staff;
      const token = (await createToken(await loginAs(testApp, user), { scopes: [scope] })).token;
      expect((await actions.read(token)).status).toBe(read);
      expect((await actions.teamWrite(token)).status).toBe(teamWrite);
      expect((await actions.teamAdmin(token)).status).toBe(teamAdmin);
      expect((await actions.siteAdmin(token)).status).toBe(siteAdmin);
    },
  );

  it('should keep reads that are POSTs open to a read token', async () => {
    const token = (await createToken(await loginAs(testApp, member), { scopes: ['read'] })).token;
    const listed = await http().post('/v1/datasets/list').set(authed(token)).send({}).expect(200);
    expect((listed.body as { pk: number }[]).map((row) => row.pk)).toContain(dataset);
    const teams = await http().post('/v1/teams/list').set(authed(token)).send({}).expect(200);
    expect((teams.body as { pk: number }[]).map((row) => row.pk)).toEqual([team]);
  });

  it('should show a site admin with a lesser token only the teams they belong to', async () => {
    const token = (await createToken(await loginAs(testApp, staff), { scopes: ['write'] })).token;
    const teams = await http().post('/v1/teams/list').set(authed(token)).send({}).expect(200);
    expect(teams.body).toEqual([]);
    await http().post('/v1/users/list').set(authed(token)).send({}).expect(403);
    const full = (await createToken(await loginAs(testApp, staff), { scopes: ['admin'] })).token;
    const all = await http().post('/v1/users/list').set(authed(full)).send({}).expect(200);
    expect((all.body as unknown[]).length).toBeGreaterThan(1);
  });

  it('should never give a token more than its user may do', async () => {
    const outsider = await createUser(testApp);
    const token = (await createToken(await loginAs(testApp, outsider), { scopes: ['admin'] }))
      .token;
    expect((await actions.read(token)).status).toBe(403);
    expect((await actions.teamWrite(token)).status).toBe(403);
    expect((await actions.teamAdmin(token)).status).toBe(403);
    expect((await actions.siteAdmin(token)).status).toBe(403);
  });
});

describe('revocation seen by another instance', () => {
  let second: TestApp;

  beforeAll(async () => {
    second = await createTestApp({ database: testApp.database });
    await eventually(() =>
      Promise.resolve(testApp.app.get(ChangeFeed).live && second.app.get(ChangeFeed).live),
    );
  });

  afterAll(async () => {
    await second.close();
  });

  it('should refuse a token revoked on one instance on the other as soon as it is notified', async () => {
    const user = await createUser(testApp);
    const jwt = await loginAs(testApp, user);
    const created = await createToken(jwt);
    // Both instances now hold the token in their caches.
    await whoami(created.token, user).expect(200);
    await whoami(created.token, user, second).expect(200);
    await whoami(created.token, user, second).expect(200);
    await http().delete(`/api/tokens/${created.id}`).set(authed(jwt)).expect(204);
    const waited = await eventually(
      async () => (await whoami(created.token, user, second)).status === 401,
      2000,
    );
    expect(waited).toBeLessThan(2000);
  });
});
