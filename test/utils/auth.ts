import { hash } from '@node-rs/argon2';
import pg from 'pg';
import request from 'supertest';
import type { TestApp } from './test-app.js';
import { TEST_ADMIN } from './test-app.js';

export interface TestUser {
  readonly id: number;
  readonly username: string;
  readonly password: string;
}

let counter = 0;

/** Inserts a user straight into the database (fast: no admin API round trip). */
export async function createUser(
  testApp: TestApp,
  options: { username?: string; password?: string; isStaff?: boolean; isActive?: boolean } = {},
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `user${counter}_${Date.now().toString(36)}`;
  const password = options.password ?? `password-${counter}`;
  const client = new pg.Client({ connectionString: testApp.database.url });
  await client.connect();
  try {
    const result = await client.query<{ id: number }>(
      `INSERT INTO users (username, password_hash, is_staff, is_superuser, is_active)
       VALUES ($1, $2, $3, $3, $4) RETURNING id`,
      [username, await hash(password), options.isStaff ?? false, options.isActive ?? true],
    );
    return { id: result.rows[0].id, username, password };
  } finally {
    await client.end();
  }
}

/** An access token obtained through the real `POST /v1/auth/obtain`. */
export async function loginAs(
  testApp: TestApp,
  user: { username: string; password: string },
): Promise<string> {
  const response = await request(testApp.app.getHttpServer())
    .post('/v1/auth/obtain')
    .send({ username: user.username, password: user.password })
    .expect(200);
  return (response.body as { access: string }).access;
}

/** The site admin every test app bootstraps. */
export function adminToken(testApp: TestApp): Promise<string> {
  return loginAs(testApp, TEST_ADMIN);
}

/**
 * A long-lived API token (`strata_pat_...`) of the user the access token `jwt` belongs to,
 * created through the real `POST /api/tokens` with these scopes.
 */
export async function mintApiToken(
  testApp: TestApp,
  jwt: string | undefined,
  scopes: string[],
  name = `token-${++counter}-${Date.now().toString(36)}`,
): Promise<string> {
  const response = await request(testApp.app.getHttpServer())
    .post('/api/tokens')
    .set(jwt === undefined ? {} : { Authorization: `Bearer ${jwt}` })
    .send({ name, scopes })
    .expect(201);
  return (response.body as { token: string }).token;
}
