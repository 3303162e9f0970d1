import request from 'supertest';
import { DataSource } from 'typeorm';
import { createDataset } from '../../utils/datasets.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  type Cast,
  type Role,
} from '../../utils/fixtures.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { teamSlug } from '../../utils/v0.js';
import { mintApiToken } from '../../utils/auth.js';

/**
 * data.world's dataset lists: `GET /v0/datasets/{owner}` and `GET /v0/user/datasets/own|
 * contributing|liked`, paged by `limit` and an opaque keyset `next`.
 */

interface Page {
  count: number;
  records: {
    owner: string;
    id: string;
    version: string;
    visibility: string;
    accessLevel: string;
  }[];
  nextPageToken?: string;
}

let testApp: TestApp;
let cast: Cast;
const http = () => request(testApp.app.getHttpServer());
const tokenOf = (role: Role) => cast.actors[role].token;

/** A team of its own per test group, so lists see only that group's datasets. */
async function teamWithDatasets(
  datasets: { name: string; is_public?: boolean }[],
): Promise<{ owner: string; project: number; pks: number[] }> {
  const team = await createTeam(testApp, cast);
  const project = await createProject(testApp, cast.admin, team.pk);
  const pks: number[] = [];
  for (const fields of datasets) {
    pks.push((await createDataset(testApp, cast.admin, project.pk, fields)).pk);
  }
  return { owner: await teamSlug(testApp, team.pk), project: project.pk, pks };
}

async function page(path: string, token: string | undefined, expected = 200): Promise<Page> {
  const response = await http().get(path).set(authed(token)).expect(expected);
  return response.body as Page;
}

beforeAll(async () => {
  testApp = await createTestApp();
  cast = await createCast(testApp);
});

afterAll(async () => {
  await testApp.close();
});

describe('GET /v0/datasets/{owner}', () => {
  let owner: string;
  const names = Array.from({ length: 25 }, (_, i) => `Set ${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    // Every third one public; created out of order so the order is the server's doing.
    ({ owner } = await teamWithDatasets(
      [...names].reverse().map((name, i) => ({ name, is_public: i % 3 === 0 })),
    ));
  });

  it('should page through 25 datasets 10 at a time, in id order, without repeats', async () => {
    const first = await page(`/v0/datasets/${owner}?limit=10`, tokenOf('R'));
    expect(first.count).toBe(10);
    expect(first.records).toHaveLength(10);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = await page(
      `/v0/datasets/${owner}?limit=10&next=${first.nextPageToken}`,
      tokenOf('R'),
    );
    expect(second.count).toBe(10);
    expect(second.nextPageToken).toEqual(expect.any(String));
    const third = await page(
      `/v0/datasets/${owner}?limit=10&next=${second.nextPageToken}`,
      tokenOf('R'),
    );
    expect(third.count).toBe(5);
    expect(third).not.toHaveProperty('nextPageToken');

    const ids = [...first.records, ...second.records, ...third.records].map((record) => record.id);
    expect(ids).toEqual(names.map((name) => name.toLowerCase().replace(' ', '-')));
    expect(new Set(ids).size).toBe(25);
    for (const record of [...first.records, ...second.records, ...third.records]) {
      expect(record).toMatchObject({ owner, version: '1', accessLevel: 'READ' });
    }
  });

  it('should default to 10 records and accept Content-Type json without a body', async () => {
    const response = await http()
      .get(`/v0/datasets/${owner}`)
      .set(authed(tokenOf('A')))
      .set('Content-Type', 'application/json')
      .expect(200);
    expect(response.body.count).toBe(10);
    expect(response.body.records[0]).toMatchObject({ id: 'set-00', accessLevel: 'ADMIN' });
  });

  it('should end without nextPageToken when the page holds the rest exactly', async () => {
    const all = await page(`/v0/datasets/${owner}?limit=25`, tokenOf('R'));
    expect(all.count).toBe(25);
    expect(all).not.toHaveProperty('nextPageToken');
  });

  it('should show anonymous callers and outsiders the OPEN datasets only', async () => {
    const open = names
      .filter((_, i) => (24 - i) % 3 === 0)
      .map((n) => n.toLowerCase().replace(' ', '-'));
    for (const role of ['anonymous', 'outsider'] as const) {
      const listed = await page(`/v0/datasets/${owner}?limit=100`, tokenOf(role));
      expect(listed.records.map((record) => record.id)).toEqual(open);
      expect(listed.records.every((record) => record.visibility === 'OPEN')).toBe(true);
      expect(listed.records.every((record) => record.accessLevel === 'READ')).toBe(true);
    }
    const admin = await page(`/v0/datasets/${owner}?limit=100`, cast.admin);
    expect(admin.count).toBe(25);
  });

  it.each(['0', '101', 'ten', '1.5', '-1', ''])(
    'should refuse limit=%s with 400',
    async (limit) => {
      const response = await http()
        .get(`/v0/datasets/${owner}?limit=${limit}`)
        .set(authed(tokenOf('R')))
        .expect(400);
      expect(response.body).toEqual({ code: 400, message: expect.stringContaining('limit') });
    },
  );

  it.each([
    ['not base64url', 'not a token!'],
    ['not JSON', Buffer.from('{{').toString('base64url')],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url')],
    ['a token with a number for the id', Buffer.from('{"o":"a","i":3}').toString('base64url')],
  ])('should refuse a next that is %s with 400', async (_case, next) => {
    const response = await http()
      .get(`/v0/datasets/${owner}?next=${encodeURIComponent(next)}`)
      .set(authed(tokenOf('R')))
      .expect(400);
    expect(response.body).toEqual({ code: 400, message: expect.stringContaining('next') });
  });

  it('should answer 404 for an unknown owner and 400 for one that is no slug', async () => {
    await page('/v0/datasets/no-such-team-here', tokenOf('R'), 404);
    await page('/v0/datasets/No_Slug', tokenOf('R'), 400);
  });
});

describe('one record per lineage', () => {
  it('should list each lineage once, as its newest active version, visible as that version is', async () => {
    const { owner, pks } = await teamWithDatasets([
      { name: 'Alpha', is_public: true },
      { name: 'Beta', is_public: true },
    ]);
    const copyOf = async (pk: number) =>
      (
        (await http().post(`/v1/datasets/${pk}/copy`).set(authed(cast.admin)).expect(200)).body as {
          pk: number;
        }
      ).pk;
    const alpha2 = await copyOf(pks[0]);
    await copyOf(alpha2);
    // Beta's newest version is private: the public version 1 must not show the lineage.
    const beta2 = await copyOf(pks[1]);
    await http()
      .patch(`/v1/datasets/${beta2}`)
      .set(authed(cast.admin))
      .send({ is_public: false })
      .expect(200);

    const member = await page(`/v0/datasets/${owner}`, tokenOf('R'));
    expect(member.records.map((record) => [record.id, record.version])).toEqual([
      ['alpha', '3'],
      ['beta', '2'],
    ]);
    const anonymous = await page(`/v0/datasets/${owner}`, undefined);
    expect(anonymous.records.map((record) => [record.id, record.version])).toEqual([
      ['alpha', '3'],
    ]);
  });
});

describe('GET /v0/user/datasets/own and /contributing', () => {
  let owner: string;

  beforeAll(async () => {
    ({ owner } = await teamWithDatasets([{ name: 'Mine One' }, { name: 'Mine Two' }]));
  });

  const ids = (listed: Page) =>
    listed.records.filter((record) => record.owner === owner).map((record) => record.id);

  it('should list the datasets of teams where the caller is A as own', async () => {
    const own = await page('/v0/user/datasets/own?limit=100', tokenOf('A'));
    expect(ids(own)).toEqual(['mine-one', 'mine-two']);
    expect(own.records.every((record) => record.accessLevel === 'ADMIN')).toBe(true);
    const contributing = await page('/v0/user/datasets/contributing?limit=100', tokenOf('A'));
    expect(ids(contributing)).toEqual([]);
  });

  it('should list the datasets of teams where the caller is W as contributing', async () => {
    const contributing = await page('/v0/user/datasets/contributing?limit=100', tokenOf('W'));
    expect(ids(contributing)).toEqual(['mine-one', 'mine-two']);
    expect(contributing.records.every((record) => record.accessLevel === 'WRITE')).toBe(true);
    expect(ids(await page('/v0/user/datasets/own?limit=100', tokenOf('W')))).toEqual([]);
  });

  it.each(['R', 'X', 'outsider', 'admin'] as const)(
    'should list nothing of the team for %s (membership decides, not powers)',
    async (role) => {
      for (const list of ['own', 'contributing']) {
        expect(ids(await page(`/v0/user/datasets/${list}?limit=100`, tokenOf(role)))).toEqual([]);
      }
    },
  );

  it('should page the own list too', async () => {
    const first = await page('/v0/user/datasets/own?limit=1', tokenOf('A'));
    expect(first.count).toBe(1);
    const rest = await page(
      `/v0/user/datasets/own?limit=100&next=${first.nextPageToken}`,
      tokenOf('A'),
    );
    const all = await page('/v0/user/datasets/own?limit=100', tokenOf('A'));
    expect([...first.records, ...rest.records]).toEqual(all.records);
  });

  it('should serve the lists to a read-scoped API token', async () => {
    const readToken = await mintApiToken(testApp, tokenOf('A'), ['read']);
    const own = await page('/v0/user/datasets/own?limit=100', readToken);
    expect(ids(own)).toEqual(['mine-one', 'mine-two']);
    // The token's scope caps the access level shown.
    expect(own.records.every((record) => record.accessLevel === 'READ')).toBe(true);
  });
});

describe('the cost of a page', () => {
  /** Statements the app sends through TypeORM while `work` runs. */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const runner = testApp.app.get(DataSource).createQueryRunner();
    const prototype = Object.getPrototypeOf(runner) as {
      query: (this: unknown, ...args: unknown[]) => unknown;
    };
    await runner.release();
    const original = prototype.query;
    const sent: string[] = [];
    prototype.query = function (this: unknown, ...args: unknown[]) {
      sent.push(String(args[0]));
      return original.apply(this, args);
    };
    try {
      await work();
    } finally {
      prototype.query = original;
    }
    return sent;
  }

  it('should cost the same statements for 1 record as for 6 from 3 teams', async () => {
    for (let team = 0; team < 3; team += 1) {
      await teamWithDatasets([
        { name: `Cost ${team} A` },
        { name: `Cost ${team} B`, is_public: true },
      ]);
    }
    const path = (limit: number) => `/v0/user/datasets/own?limit=${limit}`;
    // Caches (the caller's token, their levels) are warm for both counts.
    await page(path(1), tokenOf('A'));
    const one = await statementsDuring(() => page(path(1), tokenOf('A')));
    const many = await statementsDuring(async () => {
      const listed = await page(path(100), tokenOf('A'));
      expect(listed.count).toBeGreaterThanOrEqual(6);
      expect(new Set(listed.records.map((record) => record.owner)).size).toBeGreaterThanOrEqual(3);
    });
    // The caller's user row is cached with a short life of its own: not the page's cost.
    const pageCost = (statements: string[]) =>
      statements.filter((statement) => !/\b(FROM|UPDATE) users\b/.test(statement));
    expect(pageCost(many)).toEqual(pageCost(one));
  });
});

describe('GET /v0/user/datasets/liked', () => {
  it('should always be an empty page', async () => {
    const liked = await page('/v0/user/datasets/liked', tokenOf('A'));
    expect(liked).toEqual({ count: 0, records: [] });
  });

  it('should still refuse a bad limit', async () => {
    await page('/v0/user/datasets/liked?limit=0', tokenOf('A'), 400);
  });
});

describe('anonymous callers on /v0/user/*', () => {
  it.each([
    '/v0/user',
    '/v0/user/datasets/own',
    '/v0/user/datasets/contributing',
    '/v0/user/datasets/liked',
  ])('should answer 401 on %s', async (path) => {
    const response = await http().get(path).expect(401);
    expect(response.body).toEqual({ code: 401, message: expect.any(String) });
  });
});
