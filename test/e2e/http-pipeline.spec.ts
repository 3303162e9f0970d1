import request from 'supertest';
import { OPENAPI_TAGS } from '../../src/common/http/openapi-tags.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

describe('HTTP pipeline', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  const http = () => request(testApp.app.getHttpServer());

  it('should answer /health with 200 and the database state', async () => {
    const response = await http().get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('should tag every response with a fresh X-Request-Id', async () => {
    const first = await http().get('/health');
    const second = await http().get('/no/such/route');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-request-id']).not.toEqual(second.headers['x-request-id']);
  });

  it("should keep a caller's well-formed request id and replace a hostile one", async () => {
    const kept = await http().get('/health').set('X-Request-Id', 'trace-42.a:b');
    expect(kept.headers['x-request-id']).toBe('trace-42.a:b');
    const replaced = await http().get('/health').set('X-Request-Id', 'x'.repeat(500));
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should answer unknown routes with a JSON 404 in the DRF shape', async () => {
    const response = await http().get('/no/such/route').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ detail: 'Not found.' });
  });

  it('should answer CORS preflights as the UFDL reference does', async () => {
    const response = await http()
      .options('/health')
      .set('Origin', 'https://example.org')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-methods']).toBe(
      'DELETE,GET,OPTIONS,PATCH,POST,PUT',
    );
    expect(response.headers['access-control-allow-headers']).toBe(
      'accept,accept-encoding,authorization,content-disposition,content-type,dnt,if-none-match,' +
        'if-range,origin,range,user-agent,x-csrftoken,x-requested-with',
    );
  });

  it('should add Access-Control-Allow-Origin to plain cross-origin responses', async () => {
    const response = await http().get('/health').set('Origin', 'https://example.org');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('should send helmet security headers', async () => {
    const response = await http().get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('should serve Swagger UI at /docs and the document at /docs-json', async () => {
    const ui = await http().get('/docs').expect(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    expect(ui.text).toContain('swagger-ui');
    const document = await http().get('/docs-json').expect(200);
    expect(document.body.info.title).toBe('Strata');
    expect(Object.keys(document.body.paths)).toContain('/health');
  });

  it('should redirect / to Swagger UI, leaving the redirect out of the document', async () => {
    const response = await http().get('/').expect(302);
    expect(response.headers.location).toBe('/docs');
    const document = await http().get('/docs-json').expect(200);
    expect(Object.keys(document.body.paths)).not.toContain('/');
  });

  it("should serve Swagger UI's own scripts and styles, and keep authorisations over reloads", async () => {
    const ui = await http().get('/docs').expect(200);
    const assets = [...ui.text.matchAll(/(?:src|href)="\.\/docs\/([\w.-]+\.(?:js|css))"/g)].map(
      (match) => match[1],
    );
    expect(assets).toEqual(
      expect.arrayContaining(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-init.js']),
    );
    for (const asset of assets) {
      const served = await http().get(`/docs/${asset}`).expect(200);
      expect(served.headers['content-type']).toMatch(/^(application|text)\/(javascript|css)/);
    }
    const init = await http().get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toMatch(/"persistAuthorization":\s*true/);
  });

  it('should list the tags in the order a person uses them, auth first', async () => {
    const document = await http().get('/docs-json').expect(200);
    expect(document.body.tags.map((tag: { name: string }) => tag.name)).toEqual(
      OPENAPI_TAGS.map((tag) => tag.name),
    );
  });
});

describe('/health when the database is gone', () => {
  it('should answer 503 naming the database as down', async () => {
    const testApp = await createTestApp();
    try {
      await request(testApp.app.getHttpServer()).get('/health').expect(200);
      await testApp.database.drop();
      const response = await request(testApp.app.getHttpServer()).get('/health').expect(503);
      expect(response.body).toMatchObject({
        status: 'error',
        error: { database: { status: 'down' } },
      });
    } finally {
      await testApp.close();
    }
  });
});
