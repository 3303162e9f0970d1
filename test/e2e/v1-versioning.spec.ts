import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, upload, setFileMetadata } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

describe('/v1/datasets versioning', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: { pk: number };
  const http = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token!;

  async function withFiles(files: Record<string, string>, name?: string) {
    const dataset = await createDataset(testApp, token('W'), project.pk, name ? { name } : {});
    for (const [filename, content] of Object.entries(files)) {
      await upload(testApp, token('W'), dataset.pk, filename, content).expect(200);
    }
    return dataset;
  }

  const get = async (pk: number) =>
    (await http().get(`/v1/datasets/${pk}`).set(authed(cast.admin)).expect(200)).body;

  const setMetadata = (pk: number, filename: string, metadata: string) =>
    setFileMetadata(testApp, token('W'), pk, filename, metadata);

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('copy', () => {
    it('should make the next version with the same files and metadata, copying no bytes', async () => {
      const source = await withFiles({ 'a.txt': 'A', 'dir/b.txt': 'B' });
      await setMetadata(source.pk, 'a.txt', 'meta-a');
      const copy = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .expect(200);
      expect(copy.body).toMatchObject({
        name: source.name,
        version: 2,
        previous_version: 1,
        creator: cast.actors.W.user!.id,
        files: { 'a.txt': sha256('A'), 'dir/b.txt': sha256('B') },
      });
      expect(Object.keys(copy.body.files)).toEqual(['a.txt', 'dir/b.txt']);
      const metadata = await http()
        .get(`/v1/datasets/${copy.body.pk}/metadata`)
        .set(authed(token('R')))
        .expect(200);
      expect(metadata.body).toEqual({ 'a.txt': 'meta-a', 'dir/b.txt': '' });
      // Versions count from the highest active one; copying v1 again gives v3 with prev 1.
      const again = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({})
        .expect(200);
      expect(again.body).toMatchObject({ version: 3, previous_version: 1 });
    });

    it('should ignore soft-deleted versions when numbering', async () => {
      const source = await withFiles({});
      const v2 = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .expect(200);
      await http()
        .delete(`/v1/datasets/${v2.body.pk}`)
        .set(authed(token('W')))
        .expect(204);
      const next = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .expect(200);
      expect(next.body.version).toBe(2);
    });

    it('should copy under a new name as version 1, and refuse a taken name', async () => {
      const source = await withFiles({ 'x.txt': 'X' });
      const renamed = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ new_name: `${source.name}-copy` })
        .expect(200);
      expect(renamed.body).toMatchObject({
        name: `${source.name}-copy`,
        version: 1,
        previous_version: -1,
      });
      const taken = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ new_name: `${source.name}-copy` })
        .expect(400);
      expect(taken.body.detail).toBe(
        `Bad name '${source.name}-copy': New dataset name is already taken`,
      );
    });

    it('should copy only the named files, skipping unknown names; [] copies none', async () => {
      const source = await withFiles({ 'keep.txt': 'k', 'drop.txt': 'd' });
      const some = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ only_files: ['keep.txt', 'missing.txt'] })
        .expect(200);
      expect(Object.keys(some.body.files)).toEqual(['keep.txt']);
      const none = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ only_files: [] })
        .expect(200);
      expect(none.body.files).toEqual({});
    });

    it('should answer unknown keys with 422 and bad values with 400', async () => {
      const source = await withFiles({});
      const unknown = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ bogus: 5 })
        .expect(422);
      expect(unknown.body).toEqual({ detail: 'Unknown parameters: bogus=5' });
      const badName = await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ new_name: 5 })
        .expect(400);
      expect(badName.body).toEqual({ detail: "Bad name '5': New dataset name must be a string" });
      await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('W')))
        .send({ only_files: 'abc' })
        .expect(400);
    });

    it('should need write access (R members may not copy: Part A 7)', async () => {
      const source = await withFiles({});
      await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('R')))
        .expect(403);
      await http()
        .post(`/v1/datasets/${source.pk}/copy`)
        .set(authed(token('X')))
        .expect(403);
      await http().post(`/v1/datasets/${source.pk}/copy`).expect(401);
    });
  });

  describe('merge', () => {
    it('should add new names, keep identical files, and rename clashes stem-NNNN.ext', async () => {
      const target = await withFiles({
        'same.txt': 'S',
        'clash.txt': 'T',
        'clash-0001.txt': 'old',
      });
      await setMetadata(target.pk, 'same.txt', 'target-meta');
      const source = await withFiles({
        'same.txt': 'S',
        'clash.txt': 'different',
        'new.tar.gz': 'N',
      });
      await setMetadata(source.pk, 'same.txt', 'source-meta');
      await setMetadata(source.pk, 'clash.txt', 'clash-meta');
      const merged = await http()
        .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
        .set(authed(token('W')))
        .send({ delete: false })
        .expect(200);
      expect(merged.body.files).toEqual({
        'same.txt': sha256('S'),
        'clash.txt': sha256('T'),
        'clash-0001.txt': sha256('old'),
        'new.tar.gz': sha256('N'),
        'clash-0002.txt': sha256('different'),
      });
      const metadata = await http()
        .get(`/v1/datasets/${target.pk}/metadata`)
        .set(authed(token('R')));
      expect(metadata.body).toMatchObject({
        'same.txt': 'target-meta',
        'clash-0002.txt': 'clash-meta',
      });
      expect((await get(source.pk)).deletion_time).toBeNull();
      // Not idempotent, as in UFDL: the clash lands again under the next free counter.
      const again = await http()
        .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
        .set(authed(token('W')))
        .send({ delete: true })
        .expect(200);
      expect(again.body.files['clash-0003.txt']).toBe(sha256('different'));
      expect((await get(source.pk)).deletion_time).toMatch(/Z$/);
    });

    it('should hard-delete the source when asked (site admins), and refuse bad specs', async () => {
      const target = await withFiles({});
      const source = await withFiles({ 'h.txt': 'H' });
      await http()
        .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
        .set(authed(token('W')))
        .send({ delete: true, hard: true })
        .expect(403);
      const merged = await http()
        .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
        .set(authed(cast.admin))
        .send({ delete: true, hard: true })
        .expect(200);
      expect(merged.body.files).toEqual({ 'h.txt': sha256('H') });
      await http().get(`/v1/datasets/${source.pk}`).set(authed(cast.admin)).expect(404);
      for (const body of [
        {},
        { delete: 'yes' },
        { delete: true, extra: 1 },
        { delete: true, hard: 1 },
      ]) {
        const response = await http()
          .post(`/v1/datasets/${target.pk}/merge/${target.pk}`)
          .set(authed(token('W')))
          .send(body)
          .expect(400);
        expect(response.body.detail).toMatch(/^Unable to parse JSON/);
      }
      const self = await http()
        .post(`/v1/datasets/${target.pk}/merge/${target.pk}`)
        .set(authed(token('W')))
        .send({ delete: true })
        .expect(200);
      expect(self.body.deletion_time).toBeNull();
      await http()
        .post(`/v1/datasets/${target.pk}/merge/999999`)
        .set(authed(token('W')))
        .send({ delete: false })
        .expect(404);
      await http()
        .post(`/v1/datasets/${target.pk}/merge/abc`)
        .set(authed(token('W')))
        .send({ delete: false })
        .expect(404);
    });

    it('should refuse datasets of different domains with 406', async () => {
      const target = await withFiles({});
      const source = await withFiles({});
      await sql(testApp.database, 'UPDATE datasets SET domain_id = 1 WHERE id = $1', [source.pk]);
      const response = await http()
        .post(`/v1/datasets/${target.pk}/merge/${source.pk}`)
        .set(authed(token('W')))
        .send({ delete: false })
        .expect(406);
      expect(response.body.detail).toMatch(/^Cannot perform merge:\n/);
    });
  });

  describe('clear, destroy, reinstate, hard delete', () => {
    it('should blank metadata and keep files', async () => {
      const dataset = await withFiles({ 'c.txt': 'C' });
      await setMetadata(dataset.pk, 'c.txt', 'meta');
      const cleared = await http()
        .delete(`/v1/datasets/${dataset.pk}/clear`)
        .set(authed(token('W')))
        .expect(200);
      expect(cleared.body.files).toEqual({ 'c.txt': sha256('C') });
      const metadata = await http()
        .get(`/v1/datasets/${dataset.pk}/metadata/c.txt`)
        .set(authed(token('R')));
      expect(metadata.body).toEqual({ metadata: '' });
      await http()
        .delete(`/v1/datasets/${dataset.pk}/clear`)
        .set(authed(token('R')))
        .expect(403);
    });

    it('should soft-delete idempotently, free the slot, and refuse an occupied reinstate', async () => {
      const dataset = await withFiles({ 'd.txt': 'D' });
      const first = await http()
        .delete(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')))
        .expect(204);
      expect(first.text).toBe('');
      await http()
        .delete(`/v1/datasets/${dataset.pk}`)
        .set(authed(token('W')))
        .expect(204);
      const deleted = await get(dataset.pk);
      expect(deleted.deletion_time).toMatch(/Z$/);
      expect(deleted.files).toEqual({ 'd.txt': sha256('D') });
      // The (name, version) slot is free again.
      const replacement = await createDataset(testApp, token('W'), project.pk, {
        name: dataset.name,
      });
      const refused = await http()
        .delete(`/v1/datasets/${dataset.pk}/reinstate`)
        .set(authed(cast.admin))
        .expect(400);
      expect(refused.body.detail).toMatch(/Cannot reinstate/);
      await http()
        .delete(`/v1/datasets/${replacement.pk}`)
        .set(authed(token('W')))
        .expect(204);
      const reinstated = await http()
        .delete(`/v1/datasets/${dataset.pk}/reinstate`)
        .set(authed(cast.admin))
        .expect(200);
      expect(reinstated.body.deletion_time).toBeNull();
      await http()
        .delete(`/v1/datasets/${dataset.pk}/reinstate`)
        .set(authed(token('A')))
        .expect(403);
    });

    it('should hard-delete (200, the dataset as it was) and reclaim bytes nothing else uses', async () => {
      const content = `hard-${Date.now()}`;
      const dataset = await withFiles({ 'h.txt': content });
      const before = await get(dataset.pk);
      await http()
        .delete(`/v1/datasets/${dataset.pk}/hard`)
        .set(authed(token('A')))
        .expect(403);
      const response = await http()
        .delete(`/v1/datasets/${dataset.pk}/hard`)
        .set(authed(cast.admin))
        .expect(200);
      expect(response.body).toEqual(before);
      await http().get(`/v1/datasets/${dataset.pk}`).set(authed(cast.admin)).expect(404);
      let rows = 1;
      for (let i = 0; i < 50 && rows > 0; i += 1) {
        rows = (
          await sql(testApp.database, 'SELECT 1 FROM blobs WHERE handle = $1', [sha256(content)])
        ).length;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(rows).toBe(0);
    });
  });

  describe('versions never collide', () => {
    it('should give concurrent copies from two server instances consecutive versions', async () => {
      const second = await createTestApp({ database: testApp.database });
      try {
        const source = await withFiles({ 'v.txt': 'V' });
        const apps = [testApp, second];
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            request(apps[i % 2].app.getHttpServer())
              .post(`/v1/datasets/${source.pk}/copy`)
              .set(authed(token('W'))),
          ),
        );
        expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
        const versions = responses
          .map((response) => response.body.version as number)
          .sort((a, b) => a - b);
        expect(versions).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      } finally {
        await second.close();
      }
    });
  });
});
