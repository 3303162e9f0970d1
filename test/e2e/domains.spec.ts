import request from 'supertest';
import { adminToken, createUser, loginAs } from '../utils/auth.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

const DOMAINS = [
  { pk: 1, name: 'ic', description: 'Image Classification' },
  { pk: 2, name: 'is', description: 'Image Segmentation' },
  { pk: 3, name: 'od', description: 'Object Detection' },
  { pk: 4, name: 'sc', description: 'Spectrum Classification' },
  { pk: 5, name: 'sp', description: 'Speech' },
];

interface DomainBody {
  pk: number;
  name: string;
  description: string;
}

describe('/v1/domains', () => {
  let testApp: TestApp;
  let admin: string;
  let user: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await adminToken(testApp);
    user = await loginAs(testApp, await createUser(testApp));
  });

  afterAll(async () => {
    await testApp.close();
  });

  const http = () => request(testApp.app.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const list = (body?: object, query = '') => {
    const call = http().post(`/v1/domains/list${query}`).set(bearer(user));
    return body === undefined ? call : call.send(body);
  };

  describe('POST /v1/domains/list', () => {
    it('should list the five seeded domains in pk order, keys in UFDL order', async () => {
      const response = await list().expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual(DOMAINS);
      for (const domain of response.body as DomainBody[]) {
        expect(Object.keys(domain)).toEqual(['pk', 'name', 'description']);
      }
    });

    it('should accept an empty object and a trailing slash', async () => {
      expect((await list({}).expect(200)).body).toEqual(DOMAINS);
      const slash = await http().post('/v1/domains/list/').set(bearer(user)).expect(200);
      expect(slash.body).toEqual(DOMAINS);
    });

    it('should filter and order with a FilterSpec', async () => {
      const exact = await list({ expressions: [{ type: 'exact', field: 'name', value: 'sp' }] });
      expect(exact.body).toEqual([DOMAINS[4]]);

      const contains = await list({
        expressions: [
          { type: 'contains', field: 'description', sub_string: 'IMAGE', case_insensitive: true },
        ],
        order_by: [{ field: 'name', ascending: false }],
      }).expect(200);
      expect(contains.body).toEqual([DOMAINS[1], DOMAINS[0]]);

      const inverted = await list({
        expressions: [
          {
            type: 'or',
            sub_expressions: [
              { type: 'exact', field: 'pk', value: 1 },
              { type: 'exact', field: 'pk', value: 2 },
            ],
            invert: true,
          },
        ],
      }).expect(200);
      expect((inverted.body as DomainBody[]).map((domain) => domain.pk)).toEqual([3, 4, 5]);
    });

    it('should refuse unknown fields and malformed specs with 400', async () => {
      const unknown = await list({
        expressions: [{ type: 'exact', field: 'id', value: 1 }],
      }).expect(400);
      expect(typeof unknown.body.detail).toBe('string');
      const malformed = await list({ order_by: 'name' }).expect(400);
      expect(malformed.body.detail).toMatch(/^Unable to parse JSON: /);
      await http()
        .post('/v1/domains/list')
        .set(bearer(user))
        .set('Content-Type', 'application/json')
        .send('null')
        .expect(400);
    });

    it('should page with ?limit and announce the next page in a Link header', async () => {
      const first = await list(undefined, '?limit=2').expect(200);
      expect(first.body).toEqual(DOMAINS.slice(0, 2));
      const link = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? '');
      expect(link).not.toBeNull();
      const next = new URL(link![1]);
      const pages: DomainBody[][] = [first.body as DomainBody[]];
      let target: string | undefined = `${next.pathname}${next.search}`;
      while (target) {
        const page = await http().post(target).set(bearer(user)).expect(200);
        pages.push(page.body as DomainBody[]);
        const more = /^<([^>]+)>; rel="next"$/.exec(page.headers.link ?? '');
        target = more ? `${new URL(more[1]).pathname}${new URL(more[1]).search}` : undefined;
      }
      expect(pages.flat()).toEqual(DOMAINS);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      await list(undefined, '?cursor=abc').expect(400);
    });
  });

  describe('GET /v1/domains/{pk}', () => {
    it('should retrieve each domain, with or without a trailing slash', async () => {
      for (const domain of DOMAINS) {
        const response = await http().get(`/v1/domains/${domain.pk}`).set(bearer(user)).expect(200);
        expect(response.body).toEqual(domain);
      }
      expect((await http().get('/v1/domains/3/').set(bearer(user)).expect(200)).body).toEqual(
        DOMAINS[2],
      );
    });

    it('should answer 404 for an unknown pk and a non-numeric one', async () => {
      expect((await http().get('/v1/domains/6').set(bearer(user)).expect(404)).body).toEqual({
        detail: 'Not found.',
      });
      await http().get('/v1/domains/ic').set(bearer(user)).expect(404);
      await http().get('/v1/domains/-1').set(bearer(user)).expect(404);
    });
  });

  describe('authorisation', () => {
    const reads = [
      { name: 'list', call: () => http().post('/v1/domains/list') },
      { name: 'retrieve', call: () => http().get('/v1/domains/1') },
    ];

    it.each(reads)('should answer 401 with WWW-Authenticate to anonymous $name', async (route) => {
      const response = await route.call().expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
      expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    });

    it.each(reads)('should let a plain user and a site admin use $name', async (route) => {
      await route.call().set(bearer(user)).expect(200);
      await route.call().set(bearer(admin)).expect(200);
    });

    it('should offer no mutating route, not even to site admins', async () => {
      const body = { name: 'xx', description: 'Injected' };
      // No create route at all; the retrieve route's path answers other methods with 405.
      await http().post('/v1/domains/create').send(body).set(bearer(admin)).expect(404);
      const attempts = [
        http().put('/v1/domains/1').send(body),
        http().patch('/v1/domains/1').send(body),
        http().delete('/v1/domains/1'),
      ];
      for (const attempt of attempts) {
        const response = await attempt.set(bearer(admin)).expect(405);
        expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
      }
      expect((await list().expect(200)).body).toEqual(DOMAINS);
    });
  });
});
