import request from 'supertest';
import { adminToken, createUser, loginAs } from '../utils/auth.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { sql } from '../utils/sql.js';

const UFDL_NAMES = [
  'AGPL3',
  'Apache 2.0',
  'BSD 2-clause',
  'BSD 3-clause',
  'CC0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'GPL2',
  'GPL3',
  'LGPL3',
  'MIT',
  'Mozilla Public License 2.0',
  'The Unlicense',
  'Proprietary',
];
const DATAWORLD_NAMES = ['Public Domain', 'PDDL', 'ODC-BY', 'ODC-ODbL', 'CC BY-NC-SA', 'Other'];

const MIT = {
  pk: 11,
  name: 'MIT',
  url: 'https://opensource.org/licenses/MIT',
  permissions: ['Commercial use', 'Modification', 'Distribution', 'Private use'],
  conditions: ['License and copyright notice'],
  limitations: ['Liability', 'Warranty'],
  domains: ['Software', 'Models'],
};

interface LicenceBody {
  pk: number;
  name: string;
  url: string;
  permissions: string[];
  conditions: string[];
  limitations: string[];
  domains: string[];
}

describe('/v1/licences', () => {
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

  const query = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
    sql<R>(testApp.database, text, values);

  async function createLicence(name: string, url = 'https://example.org/licence') {
    const response = await http()
      .post('/v1/licences/create')
      .set(bearer(admin))
      .send({ name, url })
      .expect(201);
    return response.body as LicenceBody;
  }

  function modify(pk: number, body: unknown) {
    return http()
      .patch(`/v1/licences/${pk}/subdescriptors`)
      .set(bearer(admin))
      .send(body as object);
  }

  describe('seeded data', () => {
    it('should list the 14 UFDL licences then the 6 data.world ones, pks 1..20', async () => {
      const response = await http().post('/v1/licences/list').set(bearer(user)).expect(200);
      const body = response.body as LicenceBody[];
      expect(body.map((licence) => licence.name)).toEqual([...UFDL_NAMES, ...DATAWORLD_NAMES]);
      expect(body.map((licence) => licence.pk)).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
    });

    it('should serve MIT as pk 11 with its descriptors, keys in UFDL order', async () => {
      const response = await http().get('/v1/licences/11').set(bearer(user)).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual(MIT);
      expect(Object.keys(response.body as object)).toEqual([
        'pk',
        'name',
        'url',
        'permissions',
        'conditions',
        'limitations',
        'domains',
      ]);
    });

    it('should seed the UFDL descriptors of the other licences, ordered by descriptor id', async () => {
      const byName = new Map(
        ((await http().post('/v1/licences/list').set(bearer(user))).body as LicenceBody[]).map(
          (licence) => [licence.name, licence],
        ),
      );
      expect(byName.get('AGPL3')).toMatchObject({
        url: 'https://opensource.org/licenses/AGPL-3.0',
        permissions: [
          'Commercial use',
          'Modification',
          'Distribution',
          'Patent use',
          'Private use',
        ],
        conditions: [
          'License and copyright notice',
          'State changes',
          'Disclose source',
          'Network use is distribution',
          'Same license',
        ],
        limitations: ['Liability', 'Warranty'],
        domains: ['Software', 'Models'],
      });
      expect(byName.get('CC0')).toMatchObject({
        url: 'https://creativecommons.org/share-your-work/public-domain/cc0/',
        conditions: [],
        limitations: ['Liability', 'Warranty', 'Trademark use', 'Patent use'],
        domains: ['Models', 'Data'],
      });
      expect(byName.get('LGPL3')?.conditions).toContain('Same license (library)');
      expect(byName.get('Mozilla Public License 2.0')?.conditions).toContain('Same license (file)');
      expect(byName.get('Proprietary')).toMatchObject({
        url: 'https://en.wikipedia.org/wiki/All_rights_reserved',
        permissions: [],
        conditions: ['License and copyright notice'],
        limitations: [],
        domains: ['Software', 'Models'],
      });
    });

    it('should seed the data.world licences, Other without descriptors', async () => {
      const body = (await http().post('/v1/licences/list').set(bearer(user))).body as LicenceBody[];
      const extra = body.slice(14);
      expect(extra.map((licence) => [licence.pk, licence.name])).toEqual(
        DATAWORLD_NAMES.map((name, index) => [15 + index, name]),
      );
      for (const licence of extra) {
        expect(licence.url).toMatch(/^https:\/\//);
      }
      expect(extra.find((licence) => licence.name === 'Other')).toMatchObject({
        permissions: [],
        conditions: [],
        limitations: [],
        domains: [],
      });
      // Non-commercial: the one thing CC BY-NC-SA must not permit.
      expect(extra.find((licence) => licence.name === 'CC BY-NC-SA')?.permissions).not.toContain(
        'Commercial use',
      );
    });

    it('should map licences to their data.world names', async () => {
      const rows = await query<{ name: string; dataworld_name: string | null }>(
        'SELECT name, dataworld_name FROM licences WHERE dataworld_name IS NOT NULL ORDER BY id',
      );
      expect(rows.map((row) => [row.name, row.dataworld_name])).toEqual([
        ['CC0', 'CC-0'],
        ['CC-BY-4.0', 'CC-BY'],
        ['CC-BY-SA-4.0', 'CC-BY-SA'],
        ...DATAWORLD_NAMES.map((name) => [name, name]),
      ]);
    });
  });

  describe('POST /v1/licences/list', () => {
    it('should accept no body, an empty object and a trailing slash', async () => {
      const bare = await http().post('/v1/licences/list').set(bearer(user)).expect(200);
      expect(bare.headers.link).toBeUndefined();
      await http().post('/v1/licences/list').set(bearer(user)).send({}).expect(200);
      const slash = await http().post('/v1/licences/list/').set(bearer(user)).expect(200);
      expect(slash.body).toEqual(bare.body);
    });

    it('should answer under the /v1/licenses spelling too', async () => {
      const response = await http().post('/v1/licenses/list').set(bearer(user)).expect(200);
      expect((response.body as LicenceBody[]).length).toBeGreaterThanOrEqual(20);
    });

    it('should filter with a FilterSpec on name, url and pk', async () => {
      const exact = await http()
        .post('/v1/licences/list')
        .set(bearer(user))
        .send({ expressions: [{ type: 'exact', field: 'name', value: 'MIT' }] })
        .expect(200);
      expect(exact.body).toEqual([MIT]);

      const contains = await http()
        .post('/v1/licences/list')
        .set(bearer(user))
        .send({
          expressions: [
            {
              type: 'contains',
              field: 'url',
              sub_string: 'OPENDATACOMMONS',
              case_insensitive: true,
            },
          ],
          order_by: [{ field: 'name', ascending: false }],
        })
        .expect(200);
      expect((contains.body as LicenceBody[]).map((licence) => licence.name)).toEqual([
        'PDDL',
        'ODC-ODbL',
        'ODC-BY',
      ]);

      const compare = await http()
        .post('/v1/licences/list')
        .set(bearer(user))
        .send({ expressions: [{ type: 'compare', field: 'pk', operator: '>', value: 18 }] })
        .expect(200);
      expect((compare.body as LicenceBody[]).map((licence) => licence.pk)).toEqual([19, 20]);
    });

    it('should refuse unknown fields and malformed specs with 400', async () => {
      const unknown = await http()
        .post('/v1/licences/list')
        .set(bearer(user))
        .send({ expressions: [{ type: 'exact', field: 'dataworld_name', value: 'CC-0' }] })
        .expect(400);
      expect(typeof unknown.body.detail).toBe('string');
      const ordered = await http()
        .post('/v1/licences/list')
        .set(bearer(user))
        .send({ order_by: [{ field: 'permissions' }] })
        .expect(400);
      expect(typeof ordered.body.detail).toBe('string');
      const malformed = await http()
        .post('/v1/licences/list')
        .set(bearer(user))
        .send({ expressions: [{ type: 'exact', field: 'name' }], extra: true })
        .expect(400);
      expect(malformed.body.detail).toMatch(/^Unable to parse JSON: /);
    });

    it('should page with ?limit and a Link header to the next page', async () => {
      const first = await http().post('/v1/licences/list?limit=8').set(bearer(user)).expect(200);
      expect((first.body as LicenceBody[]).map((licence) => licence.pk)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      const link = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? '');
      expect(link).not.toBeNull();
      const next = new URL(link![1]);
      expect(next.pathname).toBe('/v1/licences/list');
      const second = await http()
        .post(`${next.pathname}${next.search}`)
        .set(bearer(user))
        .expect(200);
      expect((second.body as LicenceBody[])[0]?.pk).toBe(9);
      await http().post('/v1/licences/list?limit=0').set(bearer(user)).expect(400);
    });
  });

  describe('GET /v1/licences/{pk}', () => {
    it('should accept a trailing slash and the /v1/licenses spelling', async () => {
      expect((await http().get('/v1/licences/11/').set(bearer(user)).expect(200)).body).toEqual(
        MIT,
      );
      expect((await http().get('/v1/licenses/11').set(bearer(user)).expect(200)).body).toEqual(MIT);
    });

    it('should answer 404 for an unknown pk and for a non-numeric one', async () => {
      expect((await http().get('/v1/licences/999').set(bearer(user)).expect(404)).body).toEqual({
        detail: 'Not found.',
      });
      await http().get('/v1/licences/abc').set(bearer(user)).expect(404);
      await http().get('/v1/licences/99999999999').set(bearer(user)).expect(404);
    });
  });

  describe('POST /v1/licences/create', () => {
    it('should create a licence with no descriptors, numbered after the seeded ones', async () => {
      const response = await http()
        .post('/v1/licences/create')
        .set(bearer(admin))
        .send({ name: '  WTFPL ', url: 'http://www.wtfpl.net/' })
        .expect(201);
      const body = response.body as LicenceBody;
      expect(body.pk).toBeGreaterThan(20);
      expect(body).toEqual({
        pk: body.pk,
        name: 'WTFPL',
        url: 'http://www.wtfpl.net/',
        permissions: [],
        conditions: [],
        limitations: [],
        domains: [],
      });
      expect(Object.keys(body)).toEqual(Object.keys(MIT));
      await http().get(`/v1/licences/${body.pk}`).set(bearer(user)).expect(200);
      // Not writable through the UFDL API: a new licence shows as Other on /v0.
      const [row] = await query<{ dataworld_name: string | null }>(
        'SELECT dataworld_name FROM licences WHERE id = $1',
        [body.pk],
      );
      expect(row?.dataworld_name).toBeNull();
    });

    it('should accept the trailing slash and the /v1/licenses spelling', async () => {
      await createLicence('Trailing one');
      await http()
        .post('/v1/licences/create/')
        .set(bearer(admin))
        .send({ name: 'Trailing two', url: 'https://example.org/2' })
        .expect(201);
      await http()
        .post('/v1/licenses/create')
        .set(bearer(admin))
        .send({ name: 'US spelling', url: 'https://example.org/3' })
        .expect(201);
    });

    it('should refuse a duplicate name in DRF shape', async () => {
      const response = await http()
        .post('/v1/licences/create')
        .set(bearer(admin))
        .send({ name: 'MIT', url: 'https://example.org/mit' })
        .expect(400);
      expect(response.body).toEqual({ name: ['licence with this name already exists.'] });
    });

    it('should report field errors as DRF field maps', async () => {
      const post = (body: unknown) =>
        http()
          .post('/v1/licences/create')
          .set(bearer(admin))
          .send(body as object)
          .expect(400);
      expect((await post({})).body).toEqual({
        name: ['This field is required.'],
        url: ['This field is required.'],
      });
      expect((await post({ name: 'x'.repeat(101), url: 'not a url' })).body).toEqual({
        name: ['Ensure this field has no more than 100 characters.'],
        url: ['Enter a valid URL.'],
      });
      expect(
        (await post({ name: '   ', url: `https://example.org/${'a'.repeat(200)}` })).body,
      ).toEqual({
        name: ['This field may not be blank.'],
        url: ['Ensure this field has no more than 200 characters.'],
      });
      expect((await post({ name: null, url: 42 })).body).toEqual({
        name: ['This field may not be null.'],
        url: ['Not a valid string.'],
      });
      expect((await post({ name: 'No scheme', url: 'example.org/licence' })).body).toEqual({
        url: ['Enter a valid URL.'],
      });
    });

    it('should answer 400 for a body that is not a JSON object', async () => {
      await http()
        .post('/v1/licences/create')
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send('[1]')
        .expect(400);
      await http()
        .post('/v1/licences/create')
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send('{"name": ')
        .expect(400);
    });
  });

  describe('PUT and PATCH /v1/licences/{pk}', () => {
    it('should replace name and url with PUT', async () => {
      const created = await createLicence('Put me');
      const response = await http()
        .put(`/v1/licences/${created.pk}`)
        .set(bearer(admin))
        .send({ name: 'Put me again', url: 'https://example.org/put' })
        .expect(200);
      expect(response.body).toEqual({
        ...created,
        name: 'Put me again',
        url: 'https://example.org/put',
      });
      await http()
        .put(`/v1/licenses/${created.pk}/`)
        .set(bearer(admin))
        .send({ name: 'Put me again', url: 'https://example.org/put2' })
        .expect(200);
    });

    it('should require every field on PUT', async () => {
      const created = await createLicence('Put partial');
      const response = await http()
        .put(`/v1/licences/${created.pk}`)
        .set(bearer(admin))
        .send({ name: 'Put partial' })
        .expect(400);
      expect(response.body).toEqual({ url: ['This field is required.'] });
    });

    it('should change only the given fields with PATCH, keeping the descriptors', async () => {
      const created = await createLicence('Patch me');
      await modify(created.pk, {
        method: 'add',
        type: 'permissions',
        names: ['Distribution'],
      }).expect(200);
      const response = await http()
        .patch(`/v1/licences/${created.pk}`)
        .set(bearer(admin))
        .send({ url: 'https://example.org/patched' })
        .expect(200);
      expect(response.body).toEqual({
        ...created,
        url: 'https://example.org/patched',
        permissions: ['Distribution'],
      });
      const renamed = await http()
        .patch(`/v1/licenses/${created.pk}/`)
        .set(bearer(admin))
        .send({ name: 'Patched' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: 'Patched', url: 'https://example.org/patched' });
      await http().patch(`/v1/licences/${created.pk}`).set(bearer(admin)).send({}).expect(200);
    });

    it('should refuse null, bad values and a name taken by another licence', async () => {
      const created = await createLicence('Patch errors');
      const patch = (body: object) =>
        http().patch(`/v1/licences/${created.pk}`).set(bearer(admin)).send(body).expect(400);
      expect((await patch({ name: null })).body).toEqual({ name: ['This field may not be null.'] });
      expect((await patch({ url: 'ftp:/broken' })).body).toEqual({ url: ['Enter a valid URL.'] });
      expect((await patch({ name: 'MIT' })).body).toEqual({
        name: ['licence with this name already exists.'],
      });
      const put = await http()
        .put(`/v1/licences/${created.pk}`)
        .set(bearer(admin))
        .send({ name: 'GPL3', url: 'https://example.org' })
        .expect(400);
      expect(put.body).toEqual({ name: ['licence with this name already exists.'] });
      // Keeping one's own name is not a conflict.
      await http()
        .put(`/v1/licences/${created.pk}`)
        .set(bearer(admin))
        .send({ name: 'Patch errors', url: 'https://example.org/same' })
        .expect(200);
    });

    it('should answer 404 for unknown and non-numeric pks', async () => {
      const body = { name: 'Nobody', url: 'https://example.org' };
      await http().put('/v1/licences/999').set(bearer(admin)).send(body).expect(404);
      await http().patch('/v1/licences/999').set(bearer(admin)).send(body).expect(404);
      await http().put('/v1/licences/x1').set(bearer(admin)).send(body).expect(404);
      await http().patch('/v1/licences/x1').set(bearer(admin)).send(body).expect(404);
    });
  });

  describe('DELETE /v1/licences/{pk}', () => {
    it('should really delete the licence with an empty 204, its descriptors staying', async () => {
      const created = await createLicence('Delete me');
      await modify(created.pk, {
        method: 'add',
        type: 'conditions',
        names: ['Only here, deleted'],
      }).expect(200);
      const response = await http()
        .delete(`/v1/licences/${created.pk}`)
        .set(bearer(admin))
        .expect(204);
      expect(response.text).toBe('');
      await http().get(`/v1/licences/${created.pk}`).set(bearer(user)).expect(404);
      expect(await query('SELECT 1 FROM licences WHERE id = $1', [created.pk])).toEqual([]);
      expect(
        await query('SELECT 1 FROM licences_conditions WHERE licence_id = $1', [created.pk]),
      ).toEqual([]);
      await http().delete(`/v1/licences/${created.pk}`).set(bearer(admin)).expect(404);
    });

    it('should accept the trailing slash and the /v1/licenses spelling', async () => {
      const one = await createLicence('Delete slash');
      const two = await createLicence('Delete alias');
      await http().delete(`/v1/licences/${one.pk}/`).set(bearer(admin)).expect(204);
      await http().delete(`/v1/licenses/${two.pk}`).set(bearer(admin)).expect(204);
    });

    it('should answer 404 for a non-numeric pk', async () => {
      await http().delete('/v1/licences/mit').set(bearer(admin)).expect(404);
    });
  });

  describe('PATCH /v1/licences/{pk}/subdescriptors', () => {
    it('should add existing names, skip attached ones and keep id order', async () => {
      const created = await createLicence('Sub add');
      await modify(created.pk, {
        method: 'add',
        type: 'permissions',
        names: ['Private use', 'Commercial use'],
      }).expect(200);
      const response = await modify(created.pk, {
        method: 'add',
        type: 'permissions',
        names: ['Commercial use', 2],
      }).expect(200);
      expect(response.body).toEqual({
        ...created,
        permissions: ['Commercial use', 'Modification', 'Private use'],
      });
      expect(Object.keys(response.body as object)).toEqual(Object.keys(MIT));
    });

    it('should create a new name on add, for each of the four types', async () => {
      const created = await createLicence('Sub types');
      for (const type of ['permissions', 'conditions', 'limitations', 'domains']) {
        await modify(created.pk, { method: 'add', type, names: [`New ${type}`] }).expect(200);
      }
      const response = await http().get(`/v1/licences/${created.pk}`).set(bearer(user)).expect(200);
      expect(response.body).toEqual({
        ...created,
        permissions: ['New permissions'],
        conditions: ['New conditions'],
        limitations: ['New limitations'],
        domains: ['New domains'],
      });
      const [row] = await query<{ id: number }>(
        "SELECT id FROM licence_domains WHERE name = 'New domains'",
      );
      expect(row?.id).toBeGreaterThan(3);
    });

    it('should refuse an unknown pk and change nothing', async () => {
      const created = await createLicence('Sub bad pk');
      const response = await modify(created.pk, {
        method: 'add',
        type: 'limitations',
        names: ['Created then rolled back', 999],
      }).expect(400);
      expect(response.body).toEqual({
        detail: "Bad value for modify_subdescriptors parameter 'names': 999",
      });
      expect(
        await query("SELECT 1 FROM licence_limitations WHERE name = 'Created then rolled back'"),
      ).toEqual([]);
      expect((await http().get(`/v1/licences/${created.pk}`).set(bearer(user))).body).toEqual(
        created,
      );
    });

    it('should detach on remove and delete descriptors no licence uses any more', async () => {
      const created = await createLicence('Sub remove');
      await modify(created.pk, {
        method: 'add',
        type: 'conditions',
        names: ['Only mine', 'State changes', 'Disclose source'],
      }).expect(200);
      const [own] = await query<{ id: number }>(
        "SELECT id FROM licence_conditions WHERE name = 'Only mine'",
      );
      const response = await modify(created.pk, {
        method: 'remove',
        type: 'conditions',
        names: [own.id, 'State changes', 'Not attached at all', 12345],
      }).expect(200);
      expect(response.body).toEqual({ ...created, conditions: ['Disclose source'] });
      expect(await query("SELECT 1 FROM licence_conditions WHERE name = 'Only mine'")).toEqual([]);
      // Still used by the seeded licences: the row stays, and so do their links.
      expect(
        await query("SELECT 1 FROM licence_conditions WHERE name = 'State changes'"),
      ).toHaveLength(1);
      expect(
        ((await http().get('/v1/licences/9').set(bearer(user))).body as LicenceBody).conditions,
      ).toContain('State changes');
    });

    it('should accept the trailing slash and the /v1/licenses spelling', async () => {
      const created = await createLicence('Sub routes');
      await http()
        .patch(`/v1/licences/${created.pk}/subdescriptors/`)
        .set(bearer(admin))
        .send({ method: 'add', type: 'domains', names: ['Data'] })
        .expect(200);
      const response = await http()
        .patch(`/v1/licenses/${created.pk}/subdescriptors`)
        .set(bearer(admin))
        .send({ method: 'remove', type: 'domains', names: ['Data'] })
        .expect(200);
      expect((response.body as LicenceBody).domains).toEqual([]);
      // Data is still used by CC0 and others.
      expect(await query("SELECT 1 FROM licence_domains WHERE name = 'Data'")).toHaveLength(1);
    });

    it.each([
      ['no body', undefined],
      ['an empty object', {}],
      ['an array', [1]],
      ['a missing method', { type: 'permissions', names: ['a'] }],
      ['a bad method', { method: 'replace', type: 'permissions', names: ['a'] }],
      ['a bad type', { method: 'add', type: 'licences', names: ['a'] }],
      ['a missing names', { method: 'add', type: 'permissions' }],
      ['empty names', { method: 'add', type: 'permissions', names: [] }],
      ['names not an array', { method: 'add', type: 'permissions', names: 'a' }],
      ['duplicate names', { method: 'add', type: 'permissions', names: ['a', 'a'] }],
      ['duplicate pks', { method: 'add', type: 'permissions', names: [1, 1] }],
      ['an empty name', { method: 'add', type: 'permissions', names: [''] }],
      ['a long name', { method: 'add', type: 'permissions', names: ['x'.repeat(101)] }],
      ['a zero pk', { method: 'add', type: 'permissions', names: [0] }],
      ['a fractional pk', { method: 'add', type: 'permissions', names: [1.5] }],
      ['a boolean name', { method: 'add', type: 'permissions', names: [true] }],
      ['an extra key', { method: 'add', type: 'permissions', names: ['a'], extra: 1 }],
    ])('should refuse %s with "Unable to parse JSON"', async (_case, body) => {
      const created = await createLicence(`Sub schema ${_case}`);
      const call = http().patch(`/v1/licences/${created.pk}/subdescriptors`).set(bearer(admin));
      const response = await (body === undefined ? call : call.send(body as object)).expect(400);
      expect(response.body.detail).toMatch(/^Unable to parse JSON: \S/);
      expect(Object.keys(response.body as object)).toEqual(['detail']);
    });

    it('should answer 404 for unknown and non-numeric licence pks', async () => {
      const body = { method: 'add', type: 'permissions', names: ['Distribution'] };
      await modify(999, body).expect(404);
      await http()
        .patch('/v1/licences/abc/subdescriptors')
        .set(bearer(admin))
        .send(body)
        .expect(404);
    });

    it('should keep concurrent adds of one new name to one descriptor row', async () => {
      const licences = await Promise.all(
        [1, 2, 3, 4].map((index) => createLicence(`Concurrent ${index}`)),
      );
      await Promise.all(
        licences.map((licence) =>
          modify(licence.pk, { method: 'add', type: 'limitations', names: ['Raced'] }).expect(200),
        ),
      );
      expect(await query("SELECT 1 FROM licence_limitations WHERE name = 'Raced'")).toHaveLength(1);
      await Promise.all(
        licences.map((licence) =>
          modify(licence.pk, { method: 'remove', type: 'limitations', names: ['Raced'] }).expect(
            200,
          ),
        ),
      );
      expect(await query("SELECT 1 FROM licence_limitations WHERE name = 'Raced'")).toEqual([]);
    });
  });

  describe('authorisation', () => {
    const body = { name: 'Auth probe', url: 'https://example.org/auth' };
    const routes: {
      name: string;
      adminOnly: boolean;
      call: (pk: number) => request.Test;
      ok: number;
    }[] = [
      { name: 'list', adminOnly: false, ok: 200, call: () => http().post('/v1/licences/list') },
      {
        name: 'retrieve',
        adminOnly: false,
        ok: 200,
        call: (pk) => http().get(`/v1/licences/${pk}`),
      },
      {
        name: 'create',
        adminOnly: true,
        ok: 201,
        call: () =>
          http()
            .post('/v1/licences/create')
            .send({ ...body, name: `Auth ${Math.random()}` }),
      },
      {
        name: 'update',
        adminOnly: true,
        ok: 200,
        call: (pk) =>
          http()
            .put(`/v1/licences/${pk}`)
            .send({ ...body, name: `Put ${pk}` }),
      },
      {
        name: 'partial_update',
        adminOnly: true,
        ok: 200,
        call: (pk) => http().patch(`/v1/licences/${pk}`).send({ url: 'https://example.org/p' }),
      },
      {
        name: 'subdescriptors',
        adminOnly: true,
        ok: 200,
        call: (pk) =>
          http()
            .patch(`/v1/licences/${pk}/subdescriptors`)
            .send({ method: 'add', type: 'permissions', names: ['Distribution'] }),
      },
      {
        name: 'destroy',
        adminOnly: true,
        ok: 204,
        call: (pk) => http().delete(`/v1/licences/${pk}`),
      },
    ];

    it.each(routes)('should answer 401 with WWW-Authenticate to anonymous $name', async (route) => {
      const target = await createLicence(`Anon ${route.name}`);
      const response = await route.call(target.pk).expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
      expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    });

    it.each(routes)('should answer a plain user on $name as the role allows', async (route) => {
      const target = await createLicence(`User ${route.name}`);
      const response = await route.call(target.pk).set(bearer(user));
      if (route.adminOnly) {
        expect(response.status).toBe(403);
        expect(response.body).toEqual({
          detail: 'You do not have permission to perform this action.',
        });
        // The refusal changed nothing.
        expect((await http().get(`/v1/licences/${target.pk}`).set(bearer(user))).body).toEqual(
          target,
        );
      } else {
        expect(response.status).toBe(route.ok);
      }
    });

    it.each(routes)('should let a site admin use $name', async (route) => {
      const target = await createLicence(`Admin ${route.name}`);
      await route.call(target.pk).set(bearer(admin)).expect(route.ok);
    });

    it('should answer 401 to a bad token even on the read routes', async () => {
      const response = await http()
        .post('/v1/licences/list')
        .set(bearer('not-a-token'))
        .expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
    });

    it('should refuse anonymous callers before looking at the body or the pk', async () => {
      await http().patch('/v1/licences/999/subdescriptors').send({ bogus: true }).expect(401);
      await http().get('/v1/licences/999').expect(401);
      await http().patch('/v1/licences/999/subdescriptors').set(bearer(user)).send({}).expect(403);
    });
  });
});
