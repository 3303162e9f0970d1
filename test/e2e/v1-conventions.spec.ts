import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';

describe('/v1 conventions', () => {
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

  it('should accept one optional trailing slash and never redirect', async () => {
    const team = await createTeam(testApp, cast);
    await http().post('/v1/teams/list/').set(authed(cast.admin)).expect(200);
    await http().get(`/v1/teams/${team.pk}/`).set(authed(cast.admin)).expect(200);
    await http().get(`/v1/teams/${team.pk}`).set(authed(cast.admin)).expect(200);
  });

  it('should answer non-numeric and out-of-range pks with 404 {"detail"}', async () => {
    for (const path of [
      '/v1/teams/abc',
      '/v1/teams/-1',
      '/v1/teams/1.5',
      '/v1/teams/99999999999',
    ]) {
      const response = await http().get(path).set(authed(cast.admin)).expect(404);
      expect(response.body).toEqual({ detail: 'Not found.' });
    }
  });

  it('should answer unmapped methods with 405, the DRF body and Allow', async () => {
    const team = await createTeam(testApp, cast);
    const cases: [string, string, string[]][] = [
      ['get', '/v1/teams/list', ['POST']],
      ['get', '/v1/projects/create', ['POST']],
      ['post', `/v1/teams/${team.pk}`, ['GET', 'PUT', 'PATCH', 'DELETE']],
      ['get', `/v1/teams/${team.pk}/memberships`, ['PATCH']],
      ['put', `/v1/projects/${team.pk}/hard`, ['DELETE']],
    ];
    for (const [method, path, allowed] of cases) {
      const response = await (http() as unknown as Record<string, (path: string) => request.Test>)
        [method](path)
        .set(authed(cast.admin))
        .expect(405);
      expect(response.body).toEqual({ detail: `Method "${method.toUpperCase()}" not allowed.` });
      for (const allow of allowed) {
        expect(response.headers.allow).toContain(allow);
      }
    }
  });

  it('should treat a list without a body as no filter, and reject non-object bodies', async () => {
    const none = await http().post('/v1/teams/list').set(authed(cast.admin)).expect(200);
    expect(Array.isArray(none.body)).toBe(true);
    const empty = await http().post('/v1/teams/list').set(authed(cast.admin)).send({}).expect(200);
    expect(empty.body).toEqual(none.body);
    for (const body of ['null', '[]', '42', '"text"']) {
      const response = await http()
        .post('/v1/teams/list')
        .set(authed(cast.admin))
        .set('Content-Type', 'application/json')
        .send(body);
      expect(response.status).toBe(400);
      expect(typeof response.body.detail).toBe('string');
    }
  });

  it('should answer malformed JSON with 400 and a DRF parse-error detail', async () => {
    const response = await http()
      .post('/v1/teams/create')
      .set(authed(cast.admin))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.detail).toMatch(/^JSON parse error - /);
  });

  it('should answer a JSON null or array where an object is expected with 400', async () => {
    for (const body of ['null', '[{"name":"x"}]']) {
      const response = await http()
        .post('/v1/teams/create')
        .set(authed(cast.admin))
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(JSON.stringify(response.body)).toMatch(/Expected a dictionary|JSON parse error/);
    }
  });

  it('should page lists with ?limit&cursor and a Link header, body still a bare array', async () => {
    const team = await createTeam(testApp, cast);
    for (let i = 0; i < 5; i += 1) {
      await createProject(testApp, cast.admin, team.pk);
    }
    const filter = { expressions: [{ type: 'exact', field: 'team', value: team.pk }] };
    const seen: number[] = [];
    let next: string | undefined = '/v1/projects/list?limit=2';
    while (next) {
      const response = await http().post(next).set(authed(cast.admin)).send(filter).expect(200);
      expect(Array.isArray(response.body)).toBe(true);
      seen.push(...response.body.map((p: { pk: number }) => p.pk));
      const link = response.headers.link as string | undefined;
      next = link
        ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]).pathname +
          new URL(/^<([^>]+)>/.exec(link)![1]).search
        : undefined;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    await http().post('/v1/projects/list?limit=0').set(authed(cast.admin)).expect(400);
    await http().post('/v1/projects/list?cursor=zzz&limit=2').set(authed(cast.admin)).expect(400);
  });

  it('should render datetimes in UTC with a Z suffix', async () => {
    const team = await createTeam(testApp, cast);
    const response = await http().get(`/v1/teams/${team.pk}`).set(authed(cast.admin)).expect(200);
    expect(response.body.creation_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });
});
