import pg from 'pg';
import { verify } from '@node-rs/argon2';
import { createTestApp, TEST_ADMIN } from '../utils/test-app.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

interface UserRow {
  username: string;
  password_hash: string;
  is_staff: boolean;
  is_superuser: boolean;
  is_active: boolean;
}

async function users(database: TestDatabase): Promise<UserRow[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query<UserRow>(
      'SELECT username, password_hash, is_staff, is_superuser, is_active FROM users ORDER BY id',
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

describe('site admin bootstrap', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  it('should create the configured admin as staff and superuser with an argon2id hash', async () => {
    const testApp = await createTestApp({ database });
    await testApp.close();
    const [admin, ...others] = await users(database);
    expect(others).toEqual([]);
    expect(admin).toMatchObject({
      username: TEST_ADMIN.username,
      is_staff: true,
      is_superuser: true,
      is_active: true,
    });
    expect(admin?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin?.password_hash ?? '', TEST_ADMIN.password)).toBe(true);
  });

  it('should re-key and re-activate the configured admin when the environment changes', async () => {
    await (await createTestApp({ database })).close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('UPDATE users SET is_active = false, is_staff = false');
    await client.end();

    const env = { ADMIN_USERNAME: TEST_ADMIN.username, ADMIN_PASSWORD: 'a-brand-new-password' };
    await (await createTestApp({ database, env })).close();
    const [admin] = await users(database);
    expect(admin).toMatchObject({ is_staff: true, is_active: true });
    expect(await verify(admin?.password_hash ?? '', 'a-brand-new-password')).toBe(true);
  });

  it('should create a default admin with a random password only when no admin exists', async () => {
    const env = { ADMIN_USERNAME: '', ADMIN_PASSWORD: '' };
    await (await createTestApp({ database, env })).close();
    await (await createTestApp({ database, env })).close();
    const rows = await users(database);
    expect(rows.map((row) => row.username)).toEqual(['admin']);
    expect(rows[0]).toMatchObject({ is_staff: true, is_superuser: true });
    expect(await verify(rows[0]?.password_hash ?? '', TEST_ADMIN.password)).toBe(false);
  });

  it('should not add a default admin when a configured one already exists', async () => {
    const boss = { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'password1' };
    await (await createTestApp({ database, env: boss })).close();
    const unset = { ADMIN_USERNAME: '', ADMIN_PASSWORD: '' };
    await (await createTestApp({ database, env: unset })).close();
    expect((await users(database)).map((row) => row.username)).toEqual(['boss']);
  });
});
