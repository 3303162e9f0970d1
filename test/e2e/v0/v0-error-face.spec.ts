import request from 'supertest';
import { createTestApp, type TestApp } from '../../utils/test-app.js';

/**
 * The /v0 error face: every refusal under /v0 (and data.world's other paths Strata serves) is
 * data.world's `{code, message, details?}`, while /v1 keeps DRF's `{detail}`.
 */

let testApp: TestApp;
const http = () => request(testApp.app.getHttpServer());

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(async () => {
  await testApp.close();
});

describe('/v0 error shape', () => {
  it.each(['/v0/no-such-route', '/sql/owner/dataset', '/sparql/owner/dataset', '/datapackage/x'])(
    'an unknown path %s is a 404 in the /v0 shape',
    async (path) => {
      const response = await http().get(path).expect(404);
      expect(response.body).toEqual({ code: 404, message: expect.any(String) });
    },
  );

  it('a malformed JSON body is 400 with the parser cause in details', async () => {
    const response = await http()
      .post('/v0/no-such-route')
      .set('Content-Type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(response.body).toEqual({
      code: 400,
      message: 'Unable to process JSON.',
      details: expect.any(String),
    });
  });

  it('a body of a type no parser reads is 400 on /v0 (415 on /v1)', async () => {
    const v0 = await http()
      .patch('/v0/datasets/some-team/some-dataset')
      .set('Content-Type', 'text/plain')
      .send('title=x')
      .expect(400);
    expect(v0.body).toEqual({ code: 400, message: expect.stringContaining('text/plain') });
    const v1 = await http()
      .patch('/v1/datasets/1')
      .set('Content-Type', 'text/plain')
      .send('title=x')
      .expect(415);
    expect(v1.body).toEqual({ detail: expect.stringContaining('text/plain') });
  });

  it('/v1 keeps its own shape for a route miss', async () => {
    const response = await http().get('/v1/no-such-route').expect(404);
    expect(response.body).toEqual({ detail: 'Not found.' });
  });
});
