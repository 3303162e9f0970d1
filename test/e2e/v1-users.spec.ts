import request from 'supertest';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';
import { adminToken, createUser, loginAs } from '../utils/auth.js';
import { authed } from '../utils/fixtures.js';

const USER_KEYS = [
  'username',
  'pk',
  'last_login',
  'is_superuser',
  'first_name',
  'last_name',
  'email',
  'is_staff',
  'is_active',
  'date_joined',
];

describe('/v1/users', () => {
  let testApp: TestApp;
  let admin: string;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await adminToken(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should create a user (201) with the UFDL key order and no password', async () => {
    const response = await http()
      .post('/v1/users/create')
      .set(authed(admin))
      .send({
        username: 'carol',
        password: 'carol-password',
        email: 'carol@example.org',
        first_name: '',
        last_name: '',
        is_staff: false,
      })
      .expect(201);
    expect(Object.keys(response.body)).toEqual(USER_KEYS);
    expect(response.body).toMatchObject({
      username: 'carol',
      email: 'carol@example.org',
      is_staff: false,
      is_active: true,
      last_login: null,
    });
    expect(response.body.date_joined).toMatch(/Z$/);
    await loginAs(testApp, { username: 'carol', password: 'carol-password' });
  });

  it('should refuse a duplicate username and bad fields with field maps', async () => {
    await createUser(testApp, { username: 'dave' });
    const duplicate = await http()
      .post('/v1/users/create')
      .set(authed(admin))
      .send({ username: 'dave', password: 'x-password' })
      .expect(400);
    expect(duplicate.body).toEqual({ username: ['A user with that username already exists.'] });
    const bad = await http()
      .post('/v1/users/create')
      .set(authed(admin))
      .send({ username: 'no spaces allowed', email: 'not-an-email' })
      .expect(400);
    expect(bad.body.password).toEqual(['This field is required.']);
    expect(bad.body.username[0]).toMatch(/valid username/);
    expect(bad.body.email).toEqual(['Enter a valid email address.']);
  });

  it('should answer GET /v1/users/{name} with an array holding the caller only', async () => {
    const erin = await createUser(testApp, { username: 'erin' });
    const token = await loginAs(testApp, erin);
    const own = await http().get('/v1/users/erin').set(authed(token)).expect(200);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ username: 'erin', pk: erin.id });
    await http().get(`/v1/users/${TEST_ADMIN.username}`).set(authed(token)).expect(403);
    const byAdmin = await http().get('/v1/users/erin').set(authed(admin)).expect(200);
    expect(byAdmin.body[0].pk).toBe(erin.id);
    const none = await http().get('/v1/users/nobody-here').set(authed(admin)).expect(200);
    expect(none.body).toEqual([]);
    await http().get('/v1/users/erin').expect(401);
  });

  it('should treat an all-digit segment as a pk (site admins only)', async () => {
    const frank = await createUser(testApp);
    const token = await loginAs(testApp, frank);
    const response = await http().get(`/v1/users/${frank.id}`).set(authed(admin)).expect(200);
    expect(response.body.pk).toBe(frank.id);
    await http().get(`/v1/users/${frank.id}/`).set(authed(admin)).expect(200);
    await http().get(`/v1/users/${frank.id}`).set(authed(token)).expect(403);
    await http().get('/v1/users/999999').set(authed(admin)).expect(404);
    await http().get('/v1/users/99999999999999').set(authed(admin)).expect(404);
  });

  it('should update, partially update and re-hash a password', async () => {
    const gina = await createUser(testApp);
    const put = await http()
      .put(`/v1/users/${gina.id}`)
      .set(authed(admin))
      .send({ username: gina.username, email: 'g@example.org', is_active: true, pk: 12345 })
      .expect(200);
    expect(put.body).toMatchObject({ pk: gina.id, email: 'g@example.org' });
    await http()
      .patch(`/v1/users/${gina.id}`)
      .set(authed(admin))
      .send({ password: 'new-password-1' })
      .expect(200);
    await loginAs(testApp, { username: gina.username, password: 'new-password-1' });
    const clash = await http()
      .patch(`/v1/users/${gina.id}`)
      .set(authed(admin))
      .send({ username: TEST_ADMIN.username })
      .expect(400);
    expect(clash.body).toEqual({ username: ['A user with that username already exists.'] });
  });

  it('should deactivate on DELETE (204) and then refuse the user', async () => {
    const hank = await createUser(testApp);
    const response = await http().delete(`/v1/users/${hank.id}`).set(authed(admin)).expect(204);
    expect(response.text).toBe('');
    const record = await http().get(`/v1/users/${hank.id}`).set(authed(admin)).expect(200);
    expect(record.body.is_active).toBe(false);
    await http().post('/v1/auth/obtain').send(hank).expect(401);
  });

  it('should list active users, with FilterSpec and include_inactive', async () => {
    const ivan = await createUser(testApp, { username: 'ivan-filter' });
    await http().delete(`/v1/users/${ivan.id}`).set(authed(admin)).expect(204);
    const all = await http().post('/v1/users/list').set(authed(admin)).expect(200);
    expect(all.body.map((user: { username: string }) => user.username)).not.toContain(
      'ivan-filter',
    );
    const filter = {
      expressions: [{ type: 'exact', field: 'username', value: 'ivan-filter' }],
      include_inactive: true,
    };
    const found = await http().post('/v1/users/list').set(authed(admin)).send(filter).expect(200);
    expect(found.body).toHaveLength(1);
    const secret = await http()
      .post('/v1/users/list')
      .set(authed(admin))
      .send({ expressions: [{ type: 'contains', field: 'password_hash', sub_string: '$' }] })
      .expect(400);
    expect(secret.body.detail).toMatch(/password_hash/);
  });
});
