import {
  Column,
  DataSource,
  DeleteDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  type SelectQueryBuilder,
} from 'typeorm';
import {
  FilterSpecError,
  applyFilterSpec,
  applyPage,
  nextPageLink,
  pageRows,
  parseFilterSpec,
  parsePageRequest,
  type FilterResource,
} from '../../src/common/filter-spec/index.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

const teamResource: FilterResource = {
  name: 'team',
  table: 't_teams',
  primaryKey: 'id',
  fields: { pk: { column: 'id', type: 'int' }, name: { column: 'name', type: 'string' } },
  active: '{alias}."deletion_time" IS NULL',
};

// No password_hash here on purpose: what is not listed cannot be filtered or ordered by.
const userResource: FilterResource = {
  name: 'user',
  table: 't_users',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    username: { column: 'username', type: 'string' },
    is_active: { column: 'is_active', type: 'bool' },
  },
  active: '{alias}."is_active" = true',
};

const projectResource: FilterResource = {
  name: 'project',
  table: 't_projects',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    team: { column: 'team_id', type: 'int' },
  },
  relations: {
    team: { table: 't_teams', localColumn: 'team_id', remoteColumn: 'id', resource: teamResource },
  },
  active: '{alias}."deletion_time" IS NULL',
};

const domainResource: FilterResource = {
  name: 'domain',
  table: 't_domains',
  primaryKey: 'id',
  fields: { pk: { column: 'id', type: 'int' }, name: { column: 'name', type: 'string' } },
};

const datasetResource: FilterResource = {
  name: 'dataset',
  table: 't_datasets',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    version: { column: 'version', type: 'int' },
    description: { column: 'description', type: 'string' },
    is_public: { column: 'is_public', type: 'bool' },
    creation_time: { column: 'creation_time', type: 'datetime' },
    deletion_time: { column: 'deletion_time', type: 'datetime' },
    project: { column: 'project_id', type: 'int' },
    creator: { column: 'creator_id', type: 'int' },
    // domain is deliberately only a relation: naming it must still mean the foreign key.
  },
  relations: {
    project: {
      table: 't_projects',
      localColumn: 'project_id',
      remoteColumn: 'id',
      resource: projectResource,
    },
    creator: {
      table: 't_users',
      localColumn: 'creator_id',
      remoteColumn: 'id',
      resource: userResource,
    },
    domain: {
      table: 't_domains',
      localColumn: 'domain_id',
      remoteColumn: 'id',
      resource: domainResource,
    },
  },
  active: '{alias}."deletion_time" IS NULL',
};

const SCHEMA = [
  'CREATE TABLE t_teams (id serial PRIMARY KEY, name text NOT NULL, deletion_time timestamptz)',
  `CREATE TABLE t_users (id serial PRIMARY KEY, username text NOT NULL, password_hash text NOT NULL,
     is_active boolean NOT NULL DEFAULT true)`,
  `CREATE TABLE t_projects (id serial PRIMARY KEY, name text NOT NULL,
     team_id int NOT NULL REFERENCES t_teams (id), deletion_time timestamptz)`,
  'CREATE TABLE t_domains (id serial PRIMARY KEY, name text NOT NULL)',
  `CREATE TABLE t_datasets (id serial PRIMARY KEY, name text NOT NULL, version int NOT NULL,
     description text, is_public boolean NOT NULL, creation_time timestamptz NOT NULL,
     deletion_time timestamptz, project_id int NOT NULL REFERENCES t_projects (id),
     creator_id int NOT NULL REFERENCES t_users (id), domain_id int REFERENCES t_domains (id))`,
  // Lower-case names wherever the tests order by them, so the server's collation does not matter.
  `INSERT INTO t_teams (name, deletion_time) VALUES ('alpha', NULL), ('beta', NULL),
     ('gamma', '2024-01-01T00:00:00Z')`,
  `INSERT INTO t_users (username, password_hash, is_active) VALUES ('alice', 'hash-a', true),
     ('Bob', 'hash-b', true), ('carol', 'hash-c', false)`,
  `INSERT INTO t_projects (name, team_id, deletion_time) VALUES ('apollo', 1, NULL),
     ('Borealis', 2, NULL), ('cosmos', 3, '2024-01-01T00:00:00Z')`,
  "INSERT INTO t_domains (name) VALUES ('Image Classification'), ('Speech')",
  `INSERT INTO t_datasets (name, version, description, is_public, creation_time, deletion_time,
     project_id, creator_id, domain_id) VALUES
     ('cats',   1, 'Cute cats',  true,  '2024-01-01T00:00:00Z', NULL,                   1, 1, 1),
     ('Dogs',   2, '100% dogs',  false, '2024-02-01T00:00:00Z', NULL,                   1, 2, 1),
     ('birds',  1, 'under_score', true, '2024-03-01T00:00:00Z', NULL,                   2, 1, NULL),
     ('Cats2',  3, 'back\\slash', false, '2024-04-01T00:00:00Z', NULL,                  2, 3, 2),
     ('fish',   1, NULL,         true,  '2024-05-01T00:00:00Z', '2024-06-01T00:00:00Z', 3, 2, NULL),
     ('frogs',  5, 'plain',      true,  '2024-06-01T00:00:00Z', NULL,                   3, 1, 2)`,
];

/** Row 5 is soft-deleted; 6 belongs to a deleted project of a deleted team. */
const ACTIVE = [1, 2, 3, 4, 6];

@Entity({ name: 't_datasets' })
class DatasetRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @DeleteDateColumn({ name: 'deletion_time', type: 'timestamptz' })
  deletionTime: Date | null;
}

@Entity({ name: 't_projects' })
class ProjectRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  name: string;

  @DeleteDateColumn({ name: 'deletion_time', type: 'timestamptz' })
  deletionTime: Date | null;
}

describe('FilterSpec compiler (PostgreSQL)', () => {
  let database: TestDatabase;
  /** No entities: the shape list endpoints over raw tables use. */
  let raw: DataSource;
  /** Entities with @DeleteDateColumn, to check that TypeORM's own soft-delete logic stays out. */
  let entities: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    raw = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    for (const statement of SCHEMA) {
      await raw.query(statement);
    }
    entities = await new DataSource({
      type: 'postgres',
      url: database.url,
      entities: [DatasetRow, ProjectRow],
    }).initialize();
  });

  afterAll(async () => {
    await raw?.destroy();
    await entities?.destroy();
    await database?.drop();
  });

  function datasets(): SelectQueryBuilder<Record<string, unknown>> {
    return raw.createQueryBuilder().select('"d"."id"', 'id').from('t_datasets', 'd');
  }

  async function ids(
    body: unknown,
    qb = datasets(),
    resource: FilterResource = datasetResource,
  ): Promise<number[]> {
    applyFilterSpec(qb, 'd', resource, parseFilterSpec(body));
    const rows = await qb.getRawMany<{ id: number }>();
    return rows.map((row) => row.id);
  }

  const where = (...expressions: unknown[]) => ({ expressions });

  async function rejection(body: unknown, resource = datasetResource): Promise<string> {
    try {
      await ids(body, datasets(), resource);
    } catch (error) {
      expect(error).toBeInstanceOf(FilterSpecError);
      expect((error as FilterSpecError).status).toBe(400);
      return (error as FilterSpecError).message;
    }
    throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
  }

  describe('without expressions', () => {
    it('should list the active rows ordered by primary key', async () => {
      expect(await ids(undefined)).toEqual(ACTIVE);
      expect(await ids({})).toEqual(ACTIVE);
      expect(await ids({ expressions: [] })).toEqual(ACTIVE);
    });

    it('should list inactive rows too with include_inactive', async () => {
      expect(await ids({ include_inactive: true })).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('should use the resource own active predicate (is_active for users)', async () => {
      const users = () => raw.createQueryBuilder().select('"d"."id"', 'id').from('t_users', 'd');
      expect(await ids({}, users(), userResource)).toEqual([1, 2]);
      expect(await ids({ include_inactive: true }, users(), userResource)).toEqual([1, 2, 3]);
    });
  });

  describe('exact', () => {
    it('should match strings, case-sensitively unless asked otherwise', async () => {
      expect(await ids(where({ type: 'exact', field: 'name', value: 'cats' }))).toEqual([1]);
      expect(await ids(where({ type: 'exact', field: 'name', value: 'CATS' }))).toEqual([]);
      expect(
        await ids(where({ type: 'exact', field: 'name', value: 'CATS', case_insensitive: true })),
      ).toEqual([1]);
    });

    it('should match integers given as numbers or digit strings', async () => {
      expect(await ids(where({ type: 'exact', field: 'version', value: 1 }))).toEqual([1, 3]);
      expect(await ids(where({ type: 'exact', field: 'version', value: '1' }))).toEqual([1, 3]);
      expect(await ids(where({ type: 'exact', field: 'pk', value: 4 }))).toEqual([4]);
    });

    it('should match booleans and datetimes', async () => {
      expect(await ids(where({ type: 'exact', field: 'is_public', value: true }))).toEqual([
        1, 3, 6,
      ]);
      expect(
        await ids(where({ type: 'exact', field: 'creation_time', value: '2024-02-01T00:00:00Z' })),
      ).toEqual([2]);
      expect(
        await ids(
          where({ type: 'exact', field: 'creation_time', value: '2024-02-01T01:00:00+01:00' }),
        ),
      ).toEqual([2]);
      expect(
        await ids(where({ type: 'exact', field: 'creation_time', value: '2024-02-01' })),
      ).toEqual([2]);
    });

    it('should take a relation name as its foreign key', async () => {
      expect(await ids(where({ type: 'exact', field: 'project', value: 2 }))).toEqual([3, 4]);
      expect(await ids(where({ type: 'exact', field: 'domain', value: 2 }))).toEqual([4, 6]);
      expect(await ids(where({ type: 'exact', field: 'project.team', value: 1 }))).toEqual([1, 2]);
    });

    it('should accept a number for a string field', async () => {
      await raw.query("UPDATE t_datasets SET description = '42' WHERE id = 6");
      try {
        expect(await ids(where({ type: 'exact', field: 'description', value: 42 }))).toEqual([6]);
      } finally {
        await raw.query("UPDATE t_datasets SET description = 'plain' WHERE id = 6");
      }
    });
  });

  describe('contains', () => {
    it('should match substrings, case-insensitively when asked', async () => {
      expect(await ids(where({ type: 'contains', field: 'name', sub_string: 'Cat' }))).toEqual([4]);
      expect(await ids(where({ type: 'contains', field: 'name', sub_string: 'og' }))).toEqual([
        2, 6,
      ]);
      expect(
        await ids(
          where({ type: 'contains', field: 'name', sub_string: 'CAT', case_insensitive: true }),
        ),
      ).toEqual([1, 4]);
    });

    it('should treat %, _ and backslash literally', async () => {
      const contains = (sub: string) =>
        ids(where({ type: 'contains', field: 'description', sub_string: sub }));
      expect(await contains('%')).toEqual([2]);
      expect(await contains('0% d')).toEqual([2]);
      expect(await contains('_')).toEqual([3]);
      expect(await contains('\\')).toEqual([4]);
      expect(await contains('k\\s')).toEqual([4]);
      expect(await contains('%%')).toEqual([]);
      expect(await contains('c_t')).toEqual([]);
    });
  });

  describe('compare', () => {
    it('should compare integers', async () => {
      const compare = (operator: string, value: unknown) =>
        ids(where({ type: 'compare', field: 'version', operator, value }));
      expect(await compare('>', 1)).toEqual([2, 4, 6]);
      expect(await compare('>=', 3)).toEqual([4, 6]);
      expect(await compare('<', '2')).toEqual([1, 3]);
      expect(await compare('<=', 2)).toEqual([1, 2, 3]);
    });

    it('should compare ISO datetimes', async () => {
      const compare = (operator: string, value: unknown) =>
        ids(where({ type: 'compare', field: 'creation_time', operator, value }));
      expect(await compare('>=', '2024-03-01')).toEqual([3, 4, 6]);
      expect(await compare('<', '2024-02-01T00:00:00Z')).toEqual([1]);
      expect(await compare('<=', '2024-02-01T00:00:00.000001Z')).toEqual([1, 2]);
      expect(await compare('<', '2024-02-01T00:30:00+01:00')).toEqual([1]);
      expect(await compare('<', '2024-02-01T01:30:00+01:00')).toEqual([1, 2]);
    });
  });

  describe('isnull', () => {
    it('should find nulls in columns and across a LEFT JOIN', async () => {
      expect(await ids(where({ type: 'isnull', field: 'domain' }))).toEqual([3]);
      expect(await ids(where({ type: 'isnull', field: 'domain.name' }))).toEqual([3]);
      expect(
        await ids({
          expressions: [{ type: 'isnull', field: 'description' }],
          include_inactive: true,
        }),
      ).toEqual([5]);
      expect(await ids(where({ type: 'isnull', field: 'domain.name', invert: true }))).toEqual([
        1, 2, 4, 6,
      ]);
    });
  });

  describe('invert', () => {
    it('should negate field expressions', async () => {
      expect(
        await ids(where({ type: 'exact', field: 'name', value: 'cats', invert: true })),
      ).toEqual([2, 3, 4, 6]);
      expect(
        await ids(
          where({
            type: 'contains',
            field: 'name',
            sub_string: 's',
            invert: true,
            case_insensitive: true,
          }),
        ),
      ).toEqual([]);
    });

    it('should return exactly the rows the plain form does not, NULLs included', async () => {
      const body = (invert: boolean) => ({
        include_inactive: true,
        expressions: [{ type: 'exact', field: 'description', value: 'plain', invert }],
      });
      expect(await ids(body(false))).toEqual([6]);
      expect(await ids(body(true))).toEqual([1, 2, 3, 4, 5]);
      const viaJoin = (invert: boolean) =>
        ids(where({ type: 'exact', field: 'domain.name', value: 'Speech', invert }));
      expect(await viaJoin(false)).toEqual([4, 6]);
      expect(await viaJoin(true)).toEqual([1, 2, 3]);
    });
  });

  describe('and / or', () => {
    const exact = (field: string, value: unknown) => ({ type: 'exact', field, value });

    it('should AND top-level expressions', async () => {
      expect(await ids(where(exact('version', 1), exact('is_public', true)))).toEqual([1, 3]);
    });

    it('should combine and inside or, with invert at each level', async () => {
      const and = {
        type: 'and',
        sub_expressions: [exact('version', 3), exact('is_public', false)],
      };
      expect(
        await ids(where({ type: 'or', sub_expressions: [exact('name', 'cats'), and] })),
      ).toEqual([1, 4]);
      expect(
        await ids(
          where({ type: 'or', invert: true, sub_expressions: [exact('name', 'cats'), and] }),
        ),
      ).toEqual([2, 3, 6]);
      expect(
        await ids(
          where({
            type: 'and',
            invert: true,
            sub_expressions: [exact('version', 1), exact('is_public', true)],
          }),
        ),
      ).toEqual([2, 4, 6]);
      expect(
        await ids(
          where({
            type: 'or',
            sub_expressions: [
              { ...and, invert: true },
              { ...exact('pk', 4), invert: false },
            ],
          }),
        ),
      ).toEqual(ACTIVE);
    });
  });

  describe('dotted fields', () => {
    it('should follow relations two joins deep', async () => {
      const exact = (field: string, value: unknown) => where({ type: 'exact', field, value });
      expect(await ids(exact('project.team.name', 'beta'))).toEqual([3, 4]);
      expect(await ids(exact('project.name', 'Borealis'))).toEqual([3, 4]);
      expect(await ids(exact('creator.username', 'alice'))).toEqual([1, 3, 6]);
      expect(
        await ids(
          where({
            type: 'contains',
            field: 'domain.name',
            sub_string: 'CLASS',
            case_insensitive: true,
          }),
        ),
      ).toEqual([1, 2]);
    });

    it('should resolve joined rows whatever their own active state', async () => {
      expect(
        await ids(where({ type: 'exact', field: 'project.team.name', value: 'gamma' })),
      ).toEqual([6]);
      expect(await ids(where({ type: 'exact', field: 'creator.is_active', value: false }))).toEqual(
        [4],
      );
    });

    it('should join each relation path once with a LEFT JOIN', () => {
      const qb = datasets();
      applyFilterSpec(
        qb,
        'd',
        datasetResource,
        parseFilterSpec({
          expressions: [
            { type: 'exact', field: 'project.team.name', value: 'a' },
            { type: 'exact', field: 'project.name', value: 'b' },
            { type: 'isnull', field: 'project.team.name' },
          ],
          order_by: [{ field: 'project.team.name' }, { field: 'project.name' }],
        }),
      );
      const sql = qb.getQuery();
      expect(sql.match(/LEFT JOIN/g)).toHaveLength(2);
      expect(sql).not.toMatch(/INNER JOIN/);
    });
  });

  describe('order_by', () => {
    const order = (...order_by: unknown[]) => ids({ order_by });

    it('should order by fields in precedence order with the primary key as tiebreak', async () => {
      expect(await order({ field: 'version', ascending: false })).toEqual([6, 4, 2, 1, 3]);
      expect(await order({ field: 'version' })).toEqual([1, 3, 2, 4, 6]);
      expect(await order({ field: 'is_public' }, { field: 'version', ascending: false })).toEqual([
        4, 2, 6, 1, 3,
      ]);
      expect(await order({ field: 'pk', ascending: false })).toEqual([6, 4, 3, 2, 1]);
    });

    it('should order by dotted paths', async () => {
      expect(await order({ field: 'project.team', ascending: false })).toEqual([6, 3, 4, 1, 2]);
      expect(
        await order(
          { field: 'project.team.name', ascending: false },
          { field: 'pk', ascending: false },
        ),
      ).toEqual([6, 4, 3, 2, 1]);
    });

    it('should honour nulls_first and default to PostgreSQL placement otherwise', async () => {
      expect(await order({ field: 'domain.name' })).toEqual([1, 2, 4, 6, 3]);
      expect(await order({ field: 'domain.name', nulls_first: true })).toEqual([3, 1, 2, 4, 6]);
      expect(await order({ field: 'domain.name', ascending: false })).toEqual([3, 4, 6, 1, 2]);
      expect(await order({ field: 'domain.name', ascending: false, nulls_first: false })).toEqual([
        4, 6, 1, 2, 3,
      ]);
    });

    it('should keep the first direction when a field is ordered by twice', async () => {
      expect(
        await order({ field: 'version', ascending: false }, { field: 'version', ascending: true }),
      ).toEqual([6, 4, 2, 1, 3]);
    });

    it('should be combined with filters', async () => {
      expect(
        await ids({
          expressions: [{ type: 'exact', field: 'is_public', value: true }],
          order_by: [{ field: 'creation_time', ascending: false }],
        }),
      ).toEqual([6, 3, 1]);
    });
  });

  describe('composition with the caller query', () => {
    it('should AND with the caller where clause and never clash with its names', async () => {
      const qb = datasets()
        .leftJoin('t_projects', 'fs0_j0', '"fs0_j0"."id" = "d"."project_id"')
        .where('("d"."version" >= :fs0_p0)', { fs0_p0: 2 });
      expect(
        await ids(
          where(
            { type: 'exact', field: 'is_public', value: true },
            { type: 'exact', field: 'project.team.name', value: 'gamma' },
          ),
          qb,
        ),
      ).toEqual([6]);
      expect(qb.getQuery()).toContain('"fs1_j0"');
    });

    it('should compose when applied twice to one query', async () => {
      const qb = datasets();
      applyFilterSpec(
        qb,
        'd',
        datasetResource,
        parseFilterSpec(where({ type: 'exact', field: 'version', value: 1 })),
      );
      expect(await ids(where({ type: 'exact', field: 'is_public', value: true }), qb)).toEqual([
        1, 3,
      ]);
    });

    it('should work with entity query builders and getMany', async () => {
      const query = (body: unknown) =>
        applyFilterSpec(
          entities.getRepository(DatasetRow).createQueryBuilder('d'),
          'd',
          datasetResource,
          parseFilterSpec(body),
        );
      const names = async (body: unknown) => (await query(body).getMany()).map((row) => row.name);
      expect(await names({ order_by: [{ field: 'version', ascending: false }] })).toEqual([
        'frogs',
        'Cats2',
        'Dogs',
        'cats',
        'birds',
      ]);
      // The joined project is soft-deleted as far as its entity goes; the filter still sees it.
      expect(await names(where({ type: 'exact', field: 'project.name', value: 'cosmos' }))).toEqual(
        ['frogs'],
      );
      // include_inactive also lifts TypeORM's own @DeleteDateColumn filter on the listed table.
      expect(
        await names({
          include_inactive: true,
          expressions: [{ type: 'exact', field: 'name', value: 'fish' }],
        }),
      ).toEqual(['fish']);
      const paged = await applyPage(query({}), { limit: 2, offset: 2 }).getMany();
      expect(paged.map((row) => row.id)).toEqual([3, 4, 6]);
    });
  });

  describe('pagination', () => {
    it('should walk every page through the Link cursor and return all rows once', async () => {
      const seen: number[] = [];
      let url: string | undefined = '/v1/datasets/list?limit=2';
      let pages = 0;
      while (url !== undefined) {
        const query = Object.fromEntries(new URL(url, 'http://x').searchParams);
        const page = parsePageRequest(query);
        const qb = applyPage(
          applyFilterSpec(
            datasets(),
            'd',
            datasetResource,
            parseFilterSpec({ include_inactive: true }),
          ),
          page,
        );
        const rows = await qb.getRawMany<{ id: number }>();
        seen.push(...pageRows(rows, page).map((row) => row.id));
        const next = nextPageLink(url, 'http://api.test', page!, rows.length);
        url = next === undefined ? undefined : next.slice('http://api.test'.length);
        pages++;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('should give no Link when the last page is exactly full', async () => {
      const page = parsePageRequest({ limit: '5' })!;
      const rows = await applyPage(
        applyFilterSpec(datasets(), 'd', datasetResource, parseFilterSpec({})),
        page,
      ).getRawMany();
      expect(rows).toHaveLength(5);
      expect(
        nextPageLink('/v1/datasets/list?limit=5', 'http://h', page, rows.length),
      ).toBeUndefined();
    });

    it('should return everything without limit, and nothing past the end', async () => {
      expect(
        await applyPage(datasets(), undefined)
          .getRawMany()
          .then((rows) => rows.length),
      ).toBe(6);
      const beyond = await applyPage(
        applyFilterSpec(datasets(), 'd', datasetResource, parseFilterSpec({})),
        { limit: 10, offset: 100 },
      ).getRawMany();
      expect(beyond).toEqual([]);
    });
  });

  describe('rejections', () => {
    it('should reject unknown fields in filters and order_by', async () => {
      expect(await rejection(where({ type: 'exact', field: 'foo', value: 1 }))).toBe(
        "Unknown field 'foo' in filter for dataset",
      );
      expect(await rejection({ order_by: [{ field: 'bar' }] })).toBe(
        "Unknown field 'bar' in order_by for dataset",
      );
      for (const field of [
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
        'project.',
        '.name',
        'project..name',
        'project.team.name.x',
        'name.x',
        'project.nope',
        'domain_id',
        'id',
      ]) {
        expect(await rejection(where({ type: 'isnull', field }))).toBe(
          `Unknown field '${field}' in filter for dataset`,
        );
        expect(await rejection({ order_by: [{ field }] })).toBe(
          `Unknown field '${field}' in order_by for dataset`,
        );
      }
      expect(await rejection(where({ type: 'isnull', field: 'a.b.c.d.e' }))).toMatch(
        /more than 4 parts/,
      );
    });

    it('should make password hashes unreachable', async () => {
      for (const field of [
        'creator.password',
        'creator.password_hash',
        'password',
        'password_hash',
        'project.team.password_hash',
      ]) {
        expect(await rejection(where({ type: 'exact', field, value: 'hash-a' }))).toBe(
          `Unknown field '${field}' in filter for dataset`,
        );
        expect(await rejection(where({ type: 'contains', field, sub_string: 'h' }))).toMatch(
          /^Unknown field/,
        );
        expect(await rejection({ order_by: [{ field }] })).toMatch(/^Unknown field/);
      }
    });

    it('should reject values of the wrong type for the field', async () => {
      const bad = (field: string, value: unknown, type = 'exact', operator = '<') =>
        rejection(
          where(type === 'exact' ? { type, field, value } : { type, field, operator, value }),
        );
      expect(await bad('pk', 'abc')).toBe("Bad value for field 'pk': expected an integer");
      expect(await bad('pk', 1.5)).toBe("Bad value for field 'pk': expected an integer");
      expect(await bad('pk', true)).toBe("Bad value for field 'pk': expected an integer");
      expect(await bad('pk', '1.0')).toBe("Bad value for field 'pk': expected an integer");
      expect(await bad('pk', ' 1')).toBe("Bad value for field 'pk': expected an integer");
      expect(await bad('pk', 2 ** 31)).toBe(
        "Bad value for field 'pk': expected an integer between -2147483648 and 2147483647",
      );
      expect(await bad('project.team', '99999999999999999999')).toMatch(/between/);
      expect(await bad('version', 1e300, 'compare')).toMatch(/between/);
      expect(await bad('is_public', 'true')).toBe(
        "Bad value for field 'is_public': expected a boolean",
      );
      expect(await bad('is_public', 1)).toMatch(/expected a boolean/);
      expect(await bad('name', false)).toBe("Bad value for field 'name': expected a string");
      expect(await bad('creation_time', true)).toBe(
        "Bad value for field 'creation_time': expected an ISO 8601 datetime string",
      );
      for (const value of ['yesterday', '2024-02-30', '2024-01-01T25:00', 1704067200, '']) {
        expect(await bad('creation_time', value, 'compare')).toMatch(/expected an ISO 8601/);
      }
    });

    it('should reject operators that do not apply to the field type', async () => {
      expect(await rejection(where({ type: 'contains', field: 'pk', sub_string: '1' }))).toBe(
        "Bad operator for field 'pk': contains only applies to string fields",
      );
      expect(
        await rejection(where({ type: 'contains', field: 'creation_time', sub_string: '2024' })),
      ).toMatch(/contains only applies to string fields/);
      expect(
        await rejection(where({ type: 'compare', field: 'is_public', operator: '<', value: 1 })),
      ).toBe("Bad operator for field 'is_public': compare does not apply to boolean fields");
    });

    it('should leave the query builder untouched when rejecting', () => {
      const qb = datasets();
      const before = qb.getQuery();
      expect(() =>
        applyFilterSpec(
          qb,
          'd',
          datasetResource,
          parseFilterSpec({
            expressions: [
              { type: 'exact', field: 'project.team.name', value: 'a' },
              { type: 'exact', field: 'pk', value: 'x' },
            ],
          }),
        ),
      ).toThrow(FilterSpecError);
      expect(qb.getQuery()).toBe(before);
      expect(qb.getParameters()).toEqual({});
    });
  });

  it('should never fail other than with FilterSpecError on random specs (fuzz)', async () => {
    let state = 1234567;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const fields = [
      'pk',
      'name',
      'version',
      'description',
      'is_public',
      'creation_time',
      'deletion_time',
      'project',
      'creator',
      'domain',
      'project.team',
      'project.team.name',
      'project.name',
      'creator.username',
      'creator.is_active',
      'domain.name',
      'creator.password_hash',
      'nope',
      'project.team.pk',
    ];
    const values = [
      0,
      -1,
      7,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      1.5,
      -0,
      '3',
      '-3',
      '007',
      'abc',
      '',
      "'; DROP TABLE t_datasets; --",
      '%',
      '\\',
      'é',
      '\u{1F600}',
      true,
      false,
      '2024-03-01',
      '2024-03-01T12:00:00.123456-05:00',
      '9999-12-31T23:59:59Z',
      '0001-01-01',
      '2024-02-30',
    ];
    const fieldExpr = (): Record<string, unknown> => {
      const field = pick(fields);
      const invert = random() < 0.3;
      switch (pick(['exact', 'contains', 'compare', 'isnull'])) {
        case 'exact':
          return {
            type: 'exact',
            field,
            value: pick(values),
            invert,
            case_insensitive: random() < 0.5,
          };
        case 'contains':
          return {
            type: 'contains',
            field,
            sub_string: String(pick(values)) || 'x',
            invert,
            case_insensitive: random() < 0.5,
          };
        case 'compare':
          return {
            type: 'compare',
            field,
            operator: pick(['<', '>', '<=', '>=']),
            value: pick(values.filter((value) => typeof value !== 'boolean')),
            invert,
          };
        default:
          return { type: 'isnull', field, invert };
      }
    };
    const expr = (): Record<string, unknown> => {
      const roll = random();
      const and = () => ({
        type: 'and',
        sub_expressions: [fieldExpr(), fieldExpr()],
        invert: random() < 0.3,
      });
      if (roll < 0.6) {
        return fieldExpr();
      }
      if (roll < 0.8) {
        return and();
      }
      return {
        type: 'or',
        sub_expressions: [fieldExpr(), and(), fieldExpr()],
        invert: random() < 0.3,
      };
    };
    let executed = 0;
    let rejected = 0;
    for (let i = 0; i < 1000; i++) {
      const body = {
        expressions: Array.from({ length: 1 + Math.floor(random() * 3) }, expr),
        order_by: Array.from({ length: Math.floor(random() * 3) }, () => ({
          field: pick(fields),
          ascending: random() < 0.5,
          ...(random() < 0.5 ? { nulls_first: random() < 0.5 } : {}),
        })),
        include_inactive: random() < 0.5,
      };
      try {
        await ids(body);
        executed++;
      } catch (error) {
        if (!(error instanceof FilterSpecError)) {
          throw new Error(`case ${i}: ${JSON.stringify(body)} threw ${String(error)}`, {
            cause: error,
          });
        }
        rejected++;
      }
    }
    expect(executed).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
    expect(Number((await raw.query('SELECT count(*) AS n FROM t_datasets'))[0].n)).toBe(6);
  });
});
