import request from 'supertest';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';
import { createUser } from '../utils/auth.js';
import {
  allowed,
  authed,
  createCast,
  createProject,
  createTeam,
  ROLES,
  unique,
  type Cast,
  type Role,
} from '../utils/fixtures.js';

/**
 * Every /v1 route of the identity area, called by every role: pins who may do what. Routes that
 * change or destroy things get fresh objects for each call, so one role's success cannot hide
 * another's answer.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Context {
  team: { pk: number; name: string };
  project: { pk: number };
  licence: number;
  user: { id: number; username: string };
  role: Role;
}

interface RouteCase {
  name: string;
  method: Method;
  path: (context: Context) => string;
  body?: (context: Context) => object;
  /** Status per role; roles left out get `otherwise`. */
  expect: Partial<Record<Role, number>>;
  otherwise: number;
}

const ROUTES: RouteCase[] = [
  // users
  {
    name: 'users list',
    method: 'post',
    path: () => '/v1/users/list',
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'users create',
    method: 'post',
    path: () => '/v1/users/create',
    body: () => ({ username: unique('new'), password: 'a-password' }),
    expect: allowed.siteAdmins(201),
    otherwise: 403,
  },
  {
    name: 'users retrieve',
    method: 'get',
    path: (c) => `/v1/users/${c.user.id}`,
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'users get_by_name (someone else)',
    method: 'get',
    path: (c) => `/v1/users/${c.user.username}`,
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'users update',
    method: 'put',
    path: (c) => `/v1/users/${c.user.id}`,
    body: (c) => ({ username: c.user.username, email: 'x@example.org' }),
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'users partial_update',
    method: 'patch',
    path: (c) => `/v1/users/${c.user.id}`,
    body: () => ({ first_name: 'Changed' }),
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'users destroy',
    method: 'delete',
    path: (c) => `/v1/users/${c.user.id}`,
    expect: allowed.siteAdmins(204),
    otherwise: 403,
  },
  // teams
  {
    name: 'teams list',
    method: 'post',
    path: () => '/v1/teams/list',
    expect: allowed.authenticated(200),
    otherwise: 403,
  },
  {
    name: 'teams create',
    method: 'post',
    path: () => '/v1/teams/create',
    body: () => ({ name: unique('team') }),
    expect: allowed.siteAdmins(201),
    otherwise: 403,
  },
  {
    name: 'teams retrieve',
    method: 'get',
    path: (c) => `/v1/teams/${c.team.pk}`,
    expect: allowed.members(200),
    otherwise: 403,
  },
  {
    name: 'teams update',
    method: 'put',
    path: (c) => `/v1/teams/${c.team.pk}`,
    body: () => ({ name: unique('renamed') }),
    expect: allowed.teamAdmins(200),
    otherwise: 403,
  },
  {
    name: 'teams partial_update',
    method: 'patch',
    path: (c) => `/v1/teams/${c.team.pk}`,
    body: () => ({ name: unique('renamed') }),
    expect: allowed.teamAdmins(200),
    otherwise: 403,
  },
  {
    name: 'teams destroy',
    method: 'delete',
    path: (c) => `/v1/teams/${c.team.pk}`,
    expect: allowed.teamAdmins(204),
    otherwise: 403,
  },
  {
    name: 'teams hard_delete',
    method: 'delete',
    path: (c) => `/v1/teams/${c.team.pk}/hard`,
    expect: allowed.siteAdmins(400),
    otherwise: 403,
  },
  {
    name: 'teams reinstate',
    method: 'delete',
    path: (c) => `/v1/teams/${c.team.pk}/reinstate`,
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'teams memberships',
    method: 'patch',
    path: (c) => `/v1/teams/${c.team.pk}/memberships`,
    body: (c) => ({ method: 'add', username: c.user.username, permissions: 'R' }),
    expect: allowed.teamAdmins(200),
    otherwise: 403,
  },
  {
    name: 'teams permissions',
    method: 'get',
    path: (c) => `/v1/teams/${c.team.pk}/permissions/${TEST_ADMIN.username}`,
    expect: allowed.teamAdmins(400),
    otherwise: 403,
  },
  // projects
  {
    name: 'projects list',
    method: 'post',
    path: () => '/v1/projects/list',
    expect: allowed.authenticated(200),
    otherwise: 403,
  },
  {
    name: 'projects create',
    method: 'post',
    path: () => '/v1/projects/create',
    body: (c) => ({ name: unique('project'), team: c.team.pk }),
    expect: allowed.writers(201),
    otherwise: 403,
  },
  {
    name: 'projects retrieve',
    method: 'get',
    path: (c) => `/v1/projects/${c.project.pk}`,
    expect: allowed.members(200),
    otherwise: 403,
  },
  {
    name: 'projects update',
    method: 'put',
    path: (c) => `/v1/projects/${c.project.pk}`,
    body: (c) => ({ name: unique('renamed'), team: c.team.pk }),
    expect: allowed.writers(200),
    otherwise: 403,
  },
  {
    name: 'projects partial_update',
    method: 'patch',
    path: (c) => `/v1/projects/${c.project.pk}`,
    body: () => ({ name: unique('renamed') }),
    expect: allowed.writers(200),
    otherwise: 403,
  },
  {
    name: 'projects destroy',
    method: 'delete',
    path: (c) => `/v1/projects/${c.project.pk}`,
    expect: allowed.writers(204),
    otherwise: 403,
  },
  {
    name: 'projects hard_delete',
    method: 'delete',
    path: (c) => `/v1/projects/${c.project.pk}/hard`,
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'projects reinstate',
    method: 'delete',
    path: (c) => `/v1/projects/${c.project.pk}/reinstate`,
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  // licences and domains
  {
    name: 'licences list',
    method: 'post',
    path: () => '/v1/licences/list',
    expect: allowed.authenticated(200),
    otherwise: 403,
  },
  {
    name: 'licences retrieve',
    method: 'get',
    path: () => '/v1/licences/11',
    expect: allowed.authenticated(200),
    otherwise: 403,
  },
  {
    name: 'licences create',
    method: 'post',
    path: () => '/v1/licences/create',
    body: () => ({ name: unique('licence'), url: 'https://example.org/licence' }),
    expect: allowed.siteAdmins(201),
    otherwise: 403,
  },
  {
    name: 'licences update',
    method: 'put',
    path: (c) => `/v1/licences/${c.licence}`,
    body: () => ({ name: unique('licence'), url: 'https://example.org/changed' }),
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'licences partial_update',
    method: 'patch',
    path: (c) => `/v1/licenses/${c.licence}`,
    body: () => ({ url: 'https://example.org/patched' }),
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'licences subdescriptors',
    method: 'patch',
    path: (c) => `/v1/licences/${c.licence}/subdescriptors`,
    body: () => ({ method: 'add', type: 'conditions', names: ['Attribution'] }),
    expect: allowed.siteAdmins(200),
    otherwise: 403,
  },
  {
    name: 'licences destroy',
    method: 'delete',
    path: (c) => `/v1/licences/${c.licence}`,
    expect: allowed.siteAdmins(204),
    otherwise: 403,
  },
  {
    name: 'domains list',
    method: 'post',
    path: () => '/v1/domains/list',
    expect: allowed.authenticated(200),
    otherwise: 403,
  },
  {
    name: 'domains retrieve',
    method: 'get',
    path: () => '/v1/domains/1',
    expect: allowed.authenticated(200),
    otherwise: 403,
  },
];

describe('/v1 authorisation matrix (every route, every role)', () => {
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

  async function freshContext(role: Role): Promise<Context> {
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk);
    const licence = await http()
      .post('/v1/licences/create')
      .set(authed(cast.admin))
      .send({ name: unique('lic'), url: 'https://example.org/l' })
      .expect(201);
    const user = await createUser(testApp);
    // Reinstate needs something deleted; hard delete of a team with a project answers 400.
    return { team, project, licence: licence.body.pk, user, role };
  }

  describe.each(ROUTES)('$name', (route) => {
    it.each(ROLES.map((role) => [role]))('as %s', async (role) => {
      const context = await freshContext(role);
      if (route.name.endsWith('reinstate')) {
        const target = route.name.startsWith('teams') ? 'teams' : 'projects';
        const pk = target === 'teams' ? context.team.pk : context.project.pk;
        await http().delete(`/v1/${target}/${pk}`).set(authed(cast.admin)).expect(204);
      }
      const expected = route.expect[role] ?? route.otherwise;
      let call = http()[route.method](route.path(context)).set(authed(cast.actors[role].token));
      if (route.body) {
        call = call.send(route.body(context));
      }
      const response = await call;
      expect({ role, status: response.status, body: response.body }).toMatchObject({
        role,
        status: expected,
      });
      if (expected === 401) {
        expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
      }
      if (role !== 'anonymous') {
        // An authenticated caller is never told 401: the official clients would loop.
        expect(response.status).not.toBe(401);
      }
    });
  });

  it('should leave a team unchanged when a non-admin member is refused a rename', async () => {
    const context = await freshContext('W');
    await http()
      .patch(`/v1/teams/${context.team.pk}`)
      .set(authed(cast.actors.W.token))
      .send({ name: 'hijacked' })
      .expect(403);
    const after = await http().get(`/v1/teams/${context.team.pk}`).set(authed(cast.admin));
    expect(after.body.name).toBe(context.team.name);
  });
});
