import request from 'supertest';
import type { TestApp } from './test-app.js';
import { adminToken, createUser, loginAs, type TestUser } from './auth.js';

export type Role = 'anonymous' | 'outsider' | 'R' | 'X' | 'W' | 'A' | 'admin';
export const ROLES: readonly Role[] = ['anonymous', 'outsider', 'R', 'X', 'W', 'A', 'admin'];

export interface Actor {
  readonly user?: TestUser;
  readonly token?: string;
}

/** One user per role (members get their level in each team made by `createTeam`). */
export interface Cast {
  readonly actors: Record<Role, Actor>;
  readonly admin: string;
}

let serial = 0;
export function unique(prefix: string): string {
  serial += 1;
  return `${prefix}-${serial}-${Date.now().toString(36)}`;
}

export async function createCast(testApp: TestApp): Promise<Cast> {
  const admin = await adminToken(testApp);
  const actors = { anonymous: {} } as Record<Role, Actor>;
  for (const role of ['outsider', 'R', 'X', 'W', 'A'] as const) {
    const user = await createUser(testApp, { username: unique(`role${role}`) });
    actors[role] = { user, token: await loginAs(testApp, user) };
  }
  actors.admin = { token: admin };
  return { actors, admin };
}

export function authed(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** A team (made by the site admin) in which the cast's R, X, W and A users hold those levels. */
export async function createTeam(testApp: TestApp, cast: Cast, name = unique('team')) {
  const http = request(testApp.app.getHttpServer());
  const created = await http
    .post('/v1/teams/create')
    .set(authed(cast.admin))
    .send({ name })
    .expect(201);
  const team = created.body as { pk: number; name: string };
  for (const level of ['R', 'X', 'W', 'A'] as const) {
    await request(testApp.app.getHttpServer())
      .patch(`/v1/teams/${team.pk}/memberships`)
      .set(authed(cast.admin))
      .send({ method: 'add', username: cast.actors[level].user!.username, permissions: level })
      .expect(200);
  }
  return team;
}

export async function createProject(
  testApp: TestApp,
  token: string,
  team: number,
  name = unique('project'),
) {
  const response = await request(testApp.app.getHttpServer())
    .post('/v1/projects/create')
    .set(authed(token))
    .send({ name, team })
    .expect(201);
  return response.body as { pk: number; name: string; team: number };
}

/** Expected statuses per role for authorisation matrices; roles left out get the route's default. */
type Expectation = Partial<Record<Role, number>>;
export const allowed = {
  everyone: (status: number): Expectation =>
    Object.fromEntries(ROLES.map((role) => [role, status])),
  authenticated: (status: number): Expectation => ({
    ...allowed.everyone(status),
    anonymous: 401,
  }),
  members: (status: number): Expectation => ({
    anonymous: 401,
    R: status,
    X: status,
    W: status,
    A: status,
    admin: status,
  }),
  writers: (status: number): Expectation => ({
    anonymous: 401,
    W: status,
    A: status,
    admin: status,
  }),
  teamAdmins: (status: number): Expectation => ({ anonymous: 401, A: status, admin: status }),
  siteAdmins: (status: number): Expectation => ({ anonymous: 401, admin: status }),
};
