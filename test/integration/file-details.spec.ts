import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as pause } from 'node:timers/promises';
import request from 'supertest';
import type { AuthUser, Caller, TokenScope } from '../../src/common/auth/auth-user.js';
import {
  DatasetFilesService,
  type FileDetails,
} from '../../src/modules/dataset-files/dataset-files.service.js';
import { StagedFiles } from '../../src/modules/dataset-files/staged-files.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { DatasetsService } from '../../src/modules/datasets/datasets.service.js';
import { SourcesService } from '../../src/modules/sources/sources.service.js';
import { TeamAccessService, type TeamAccess } from '../../src/modules/teams/team-access.service.js';
import { createUser } from '../utils/auth.js';
import { createDataset, setFileMetadata, upload } from '../utils/datasets.js';
import { eventually } from '../utils/eventually.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  type Cast,
  type Role,
} from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { startSourceServer, type SourceServer } from '../utils/source-server.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/**
 * The domain API the /v0 face reads and writes file details through: setFileDetails on fetched
 * files and on sources not fetched yet, the fetch worker carrying a source's details onto its
 * file (and keeping them on a refetch), the batch reads, and accessLevel.
 */

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

describe('file details and access levels for /v0', () => {
  let testApp: TestApp;
  let cast: Cast;
  let team: { pk: number };
  let project: { pk: number };
  let files: DatasetFilesService;
  let datasets: DatasetsService;
  let sources: SourcesService;
  let access: TeamAccessService;
  let source: SourceServer;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { SOURCES_ALLOW_PRIVATE: 'true' } });
    cast = await createCast(testApp);
    team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
    files = testApp.app.get(DatasetFilesService);
    datasets = testApp.app.get(DatasetsService);
    sources = testApp.app.get(SourcesService);
    access = testApp.app.get(TeamAccessService);
    source = await startSourceServer();
  });

  afterAll(async () => {
    await source.close();
    await testApp.close();
  });

  const writer = () => cast.actors.W.token!;
  const newDataset = async (isPublic = false) =>
    (await createDataset(testApp, writer(), project.pk, { is_public: isPublic })).pk;
  const details = async (pk: number): Promise<Record<string, FileDetails>> =>
    Object.fromEntries((await files.fileDetails(pk)).map((file) => [file.name, file]));
  const modified = async (pk: number) => (await datasets.view(pk)).modificationTime.getTime();
  const settled = (pk: number) =>
    eventually(async () => {
      const views = await sources.listSources(pk);
      return views.every((view) => !view.syncPending && view.syncStatus !== 'INPROGRESS');
    }, 20_000);

  /** A route that answers only when released, so its source stays unfetched until then. */
  function heldRoute(path: string) {
    const waiting: ServerResponse[] = [];
    let body: string | undefined;
    source.route(path, (_request, response) => {
      if (body === undefined) {
        waiting.push(response);
      } else {
        response.end(body);
      }
    });
    return {
      release(content: string) {
        body = content;
        waiting.splice(0).forEach((response) => response.end(content));
      },
    };
  }

  describe('setFileDetails', () => {
    it('should set the details of a source not fetched yet, which its fetch then records', async () => {
      const pk = await newDataset();
      const held = heldRoute('/later.csv');
      const [queued] = await sources.setSources(pk, [
        { filename: 'later.csv', url: source.url('/later.csv'), description: 'D', labels: ['x'] },
      ]);
      expect(queued).toMatchObject({ description: 'D', labels: ['x'] });

      const before = await modified(pk);
      await pause(5);
      expect(await sources.setFileDetails(pk, 'later.csv', { labels: ['raw data'] })).toBe(true);
      expect(await modified(pk)).toBeGreaterThan(before);
      const [view] = await sources.listSources(pk);
      // undefined left the description; the labels were replaced.
      expect(view).toMatchObject({ description: 'D', labels: ['raw data'] });
      expect(view.updated.getTime()).toBeGreaterThan(view.created.getTime());
      expect(await files.fileDetails(pk)).toEqual([]);

      held.release('a,b\n');
      await settled(pk);
      const { 'later.csv': fetched } = await details(pk);
      expect(fetched).toMatchObject({
        handle: sha256('a,b\n'),
        size: 4,
        description: 'D',
        labels: ['raw data'],
      });
      expect(fetched.updated).toEqual(fetched.created);
      expect(await modified(pk)).toBe(fetched.created.getTime());
    });

    it('should set a fetched file and its source alike; null clears, false for no such file', async () => {
      const pk = await newDataset();
      source.route('/fetched.csv', (_request, response) => response.end('1'));
      await sources.setSources(pk, [{ filename: 'fetched.csv', url: source.url('/fetched.csv') }]);
      await settled(pk);
      await upload(testApp, writer(), pk, 'plain.csv', 'p').expect(200);

      await pause(5);
      expect(
        await sources.setFileDetails(pk, 'fetched.csv', { description: 'F', labels: ['a', 'b'] }),
      ).toBe(true);
      let file = (await details(pk))['fetched.csv'];
      expect(file).toMatchObject({ description: 'F', labels: ['a', 'b'] });
      expect(file.updated.getTime()).toBeGreaterThan(file.created.getTime());
      expect((await sources.listSources(pk))[0]).toMatchObject({
        description: 'F',
        labels: ['a', 'b'],
      });

      expect(await sources.setFileDetails(pk, 'fetched.csv', { description: null })).toBe(true);
      file = (await details(pk))['fetched.csv'];
      expect(file).toMatchObject({ description: null, labels: ['a', 'b'] });
      expect((await sources.listSources(pk))[0]).toMatchObject({
        description: null,
        labels: ['a', 'b'],
      });

      // An uploaded file has no source: only the file changes.
      expect(await sources.setFileDetails(pk, 'plain.csv', { labels: [] })).toBe(true);
      expect((await details(pk))['plain.csv'].labels).toEqual([]);
      expect(await sources.listSources(pk)).toHaveLength(1);

      const before = await modified(pk);
      const unchanged = await details(pk);
      await pause(5);
      expect(await sources.setFileDetails(pk, 'missing.csv', { description: 'no' })).toBe(false);
      expect(await modified(pk)).toBe(before);
      expect(await details(pk)).toEqual(unchanged);
    });

    it('should change only the version written to when a copy shares its files', async () => {
      const pk = await newDataset();
      await upload(testApp, writer(), pk, 'shared.csv', 's').expect(200);
      const copied = await request(testApp.app.getHttpServer())
        .post(`/v1/datasets/${pk}/copy`)
        .set(authed(writer()))
        .send({})
        .expect(200);
      const copy = (copied.body as { pk: number }).pk;
      expect(await sources.setFileDetails(copy, 'shared.csv', { description: 'mine' })).toBe(true);
      expect((await details(copy))['shared.csv'].description).toBe('mine');
      expect((await details(pk))['shared.csv'].description).toBeNull();
    });

    it('should refetch in place: new bytes, same place, creation time and details', async () => {
      const pk = await newDataset();
      let body = 'one';
      source.route('/refetch.csv', (_request, response) => response.end(body));
      await sources.setSources(pk, [
        { filename: 'refetch.csv', url: source.url('/refetch.csv'), labels: ['raw data'] },
      ]);
      await settled(pk);
      await upload(testApp, writer(), pk, 'after.csv', 'after').expect(200);
      await sources.setFileDetails(pk, 'refetch.csv', { description: 'kept' });
      await setFileMetadata(testApp, writer(), pk, 'refetch.csv', 'meta');
      const first = (await details(pk))['refetch.csv'];

      // The same bytes again change nothing, not even the times.
      const before = await modified(pk);
      await sources.sync(pk);
      await settled(pk);
      expect((await details(pk))['refetch.csv']).toEqual(first);
      expect(await modified(pk)).toBe(before);

      body = 'two';
      await sources.sync(pk);
      await settled(pk);
      const listed = await files.fileDetails(pk);
      expect(listed.map((file) => file.name)).toEqual(['refetch.csv', 'after.csv']);
      expect(listed[0]).toEqual({
        ...first,
        handle: sha256('two'),
        updated: listed[0].updated,
      });
      expect(listed[0].updated.getTime()).toBeGreaterThan(first.updated.getTime());
      expect(await modified(pk)).toBeGreaterThan(before);
      const metadata = await request(testApp.app.getHttpServer())
        .get(`/v1/datasets/${pk}/metadata/refetch.csv`)
        .set(authed(writer()))
        .expect(200);
      expect(metadata.body).toEqual({ metadata: 'meta' });
    });
  });

  describe('addStaged with replace', () => {
    it('should give existing names new bytes in place and add the others, last entry winning', async () => {
      const pk = await newDataset();
      await upload(testApp, writer(), pk, 'a.csv', 'a1').expect(200);
      await upload(testApp, writer(), pk, 'b.csv', 'b1').expect(200);
      await sources.setFileDetails(pk, 'a.csv', { description: 'A', labels: ['l'] });
      const before = await details(pk);
      await pause(5);

      const blobs = testApp.app.get(BlobStore);
      const staged = new StagedFiles(blobs);
      for (const [name, content] of [
        ['a.csv', 'a2'],
        ['new.csv', 'n'],
        ['a.csv', 'a3'],
        ['b.csv', 'b1'],
      ]) {
        staged.add(name, await blobs.stageBytes(Buffer.from(content)));
      }
      try {
        await files.addStaged(pk, staged, {
          replace: true,
          details: { description: 'fresh', labels: null },
        });
      } finally {
        await staged.discardRemaining();
      }
      const recorded = [];
      for await (const batch of staged.added(10)) {
        recorded.push(...batch.items.map((item) => item.name));
      }
      expect(recorded).toEqual(['a.csv', 'new.csv', 'a.csv', 'b.csv']);
      const after = await files.fileDetails(pk);
      expect(after.map((file) => [file.name, file.handle, file.description])).toEqual([
        ['a.csv', sha256('a3'), 'A'],
        ['b.csv', sha256('b1'), null],
        ['new.csv', sha256('n'), 'fresh'],
      ]);
      expect(after[0]).toMatchObject({ created: before['a.csv'].created, labels: ['l'] });
      expect(after[0].updated.getTime()).toBeGreaterThan(before['a.csv'].updated.getTime());
      expect(after[1]).toEqual(before['b.csv']); // The same bytes: nothing changed.
      expect(after[2].updated).toEqual(after[2].created);
      // The bytes a.csv had, and those its first entry brought, are no file's: collected.
      const blobRow = async (content: string) =>
        (await sql(testApp.database, 'SELECT 1 FROM blobs WHERE handle = $1', [sha256(content)]))
          .length > 0;
      await eventually(async () => !(await blobRow('a1')) && !(await blobRow('a2')), 10_000);
      expect(await blobRow('a3')).toBe(true);

      // Without replace, an existing name is still the UFDL clash.
      const again = new StagedFiles(blobs);
      again.add('a.csv', await blobs.stageBytes(Buffer.from('a4')));
      try {
        await expect(files.addStaged(pk, again)).rejects.toThrow('Filename already in use');
      } finally {
        await again.discardRemaining();
      }
    });
  });

  describe('batch reads', () => {
    it('should answer fileDetailsOf for every id asked, as fileDetails does one by one', async () => {
      const empty = await newDataset();
      const full = await newDataset();
      for (const name of ['z.csv', 'a.csv', 'm/n.csv']) {
        await upload(testApp, writer(), full, name, name).expect(200);
      }
      await sources.setFileDetails(full, 'a.csv', { description: 'A', labels: ['l'] });
      const other = await newDataset();
      await upload(testApp, writer(), other, 'o.csv', 'other!').expect(200);
      const unknown = 2_000_000_000;

      const batch = await files.fileDetailsOf([full, empty, other, unknown]);
      expect([...batch.keys()]).toEqual([full, empty, other, unknown]);
      expect(batch.get(full)!.map((file) => file.name)).toEqual(['z.csv', 'a.csv', 'm/n.csv']);
      expect(batch.get(full)).toEqual(await files.fileDetails(full));
      expect(batch.get(full)![1]).toMatchObject({ description: 'A', labels: ['l'], size: 5 });
      expect(batch.get(empty)).toEqual([]);
      expect(batch.get(other)).toEqual([
        expect.objectContaining({ name: 'o.csv', handle: sha256('other!'), size: 6 }),
      ]);
      expect(batch.get(unknown)).toEqual([]);
      expect(await files.fileDetailsOf([])).toEqual(new Map());
    });

    it('should answer listSourcesOf for every id asked, as listSources does one by one', async () => {
      source.route('/batch.csv', (_request, response) => response.writeHead(404).end());
      const first = await newDataset();
      const second = await newDataset();
      const none = await newDataset();
      await sources.setSources(first, [
        { filename: 'b.csv', url: source.url('/batch.csv'), description: 'B' },
        { filename: 'a.csv', url: source.url('/batch.csv') },
      ]);
      await sources.setSources(second, [
        { filename: 'c.csv', url: source.url('/batch.csv'), labels: ['c'] },
      ]);
      await settled(first);
      await settled(second);

      const batch = await sources.listSourcesOf([second, none, first]);
      expect([...batch.keys()]).toEqual([second, none, first]);
      expect(batch.get(first)).toEqual(await sources.listSources(first));
      expect(batch.get(first)!.map((view) => [view.filename, view.description])).toEqual([
        ['a.csv', null],
        ['b.csv', 'B'],
      ]);
      expect(batch.get(second)).toEqual([expect.objectContaining({ labels: ['c'] })]);
      expect(batch.get(none)).toEqual([]);
      expect(await sources.listSourcesOf([])).toEqual(new Map());
    });
  });

  describe('accessLevel', () => {
    const caller = (role: Role, scope?: TokenScope): Caller => {
      if (role === 'anonymous') {
        return undefined;
      }
      const user = cast.actors[role].user!;
      return { id: user.id, username: user.username, isStaff: false, isSuperuser: false, scope };
    };
    let staff: AuthUser;

    beforeAll(async () => {
      const user = await createUser(testApp, { isStaff: true });
      staff = { id: user.id, username: user.username, isStaff: true, isSuperuser: true };
    });

    it('should answer the highest level each role has, public datasets giving read', async () => {
      const expected: Record<Exclude<Role, 'admin'>, [TeamAccess | undefined, TeamAccess]> = {
        // [private, public]
        anonymous: [undefined, 'read'],
        outsider: [undefined, 'read'],
        R: ['read', 'read'],
        X: ['read', 'read'],
        W: ['write', 'write'],
        A: ['admin', 'admin'],
      };
      for (const [role, [closed, open]] of Object.entries(expected)) {
        expect([role, await access.accessLevel(caller(role as Role), team.pk, false)]).toEqual([
          role,
          closed,
        ]);
        expect([role, await access.accessLevel(caller(role as Role), team.pk, true)]).toEqual([
          role,
          open,
        ]);
      }
      expect(await access.accessLevel(staff, team.pk, false)).toBe('admin');
    });

    it('should cap the level at the token scope, never raise it', async () => {
      const cases: [Caller, TokenScope, TeamAccess | undefined][] = [
        [caller('A'), 'read', 'read'],
        [caller('A'), 'write', 'write'],
        [caller('A'), 'admin', 'admin'],
        [caller('W'), 'admin', 'write'],
        [caller('R'), 'admin', 'read'],
        [caller('outsider'), 'admin', undefined],
        [staff, 'write', undefined], // Site admin powers need an admin-scoped token.
        [staff, 'admin', 'admin'],
      ];
      for (const [who, scope, level] of cases) {
        const scoped = { ...who!, scope };
        expect([who!.username, scope, await access.accessLevel(scoped, team.pk, false)]).toEqual([
          who!.username,
          scope,
          level,
        ]);
        // accessLevel agrees with the checks the routes make.
        for (const needed of ['read', 'write', 'admin'] as const) {
          const rank = (value: TeamAccess | undefined) =>
            value === undefined ? -1 : ['read', 'write', 'admin'].indexOf(value);
          expect(await access.can(scoped, team.pk, needed)).toBe(rank(level) >= rank(needed));
        }
      }
      // A read token still reads a public dataset of a team its user is not in.
      expect(
        await access.accessLevel({ ...caller('outsider')!, scope: 'read' }, team.pk, true),
      ).toBe('read');
    });

    it('should see a membership revoked at once', async () => {
      const user = await createUser(testApp);
      const member: AuthUser = {
        id: user.id,
        username: user.username,
        isStaff: false,
        isSuperuser: false,
      };
      const http = () => request(testApp.app.getHttpServer());
      await http()
        .patch(`/v1/teams/${team.pk}/memberships`)
        .set(authed(cast.admin))
        .send({ method: 'add', username: user.username, permissions: 'W' })
        .expect(200);
      expect(await access.accessLevel(member, team.pk, false)).toBe('write');
      await http()
        .patch(`/v1/teams/${team.pk}/memberships`)
        .set(authed(cast.admin))
        .send({ method: 'remove', username: user.username })
        .expect(200);
      expect(await access.accessLevel(member, team.pk, false)).toBeUndefined();
    });
  });
});
