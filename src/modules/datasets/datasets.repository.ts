import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Dataset } from './dataset.entity.js';
import type { DatasetView } from './dataset-view.js';
import { runTransaction } from '../../database/transaction.js';

/** Lock class for pg_advisory_xact_lock(class, team): serialises slug choice within a team. */
const SLUG_LOCK_CLASS = 73_019;
/** Lock class for pg_advisory_xact_lock(class, project): one version decision at a time. */
const VERSION_LOCK_CLASS = 73_021;

/** One row of {@link DatasetsRepository.findForView}: a DatasetView with its files as JSON text. */
export interface DatasetViewRow extends Omit<DatasetView, 'files'> {
  /** The files map as JSON text, or null when there are no files. */
  files: string | null;
}

/** A dataset with the team that owns it (through its project), as access checks need. */
export interface OwnedDataset {
  readonly dataset: Dataset;
  readonly teamId: number;
}

/** A piece of SQL with its named parameters (`:name`), as TeamAccessService hands them out. */
export interface SqlCondition {
  readonly sql: string;
  readonly parameters: Record<string, unknown>;
}

/** The newest active version of a lineage, with the slugs `/v0` names it by. */
export interface LineageHead extends Pick<
  DatasetView,
  | 'id'
  | 'slug'
  | 'name'
  | 'version'
  | 'description'
  | 'summary'
  | 'tags'
  | 'licenceId'
  | 'isPublic'
  | 'teamId'
  | 'creationTime'
  | 'modificationTime'
> {
  /** The team's slug. */
  readonly owner: string;
}

/** One version of a lineage as its history lists it. */
export interface LineageVersion {
  readonly id: number;
  readonly version: number;
  readonly previousVersion: number;
  readonly isPublic: boolean;
  readonly creatorId: number | null;
  readonly creatorUsername: string | null;
  readonly creationTime: Date;
  readonly deletionTime: Date | null;
}

@Injectable()
export class DatasetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  /**
   * The dataset, its domain and its team in one query. Joining the projects table here (rather
   * than asking the projects service) keeps a dataset GET at one round trip.
   */
  async findOwned(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OwnedDataset | undefined> {
    const dataset = await manager
      .createQueryBuilder(Dataset, 'd')
      .leftJoinAndSelect('d.domain', 'dom')
      .innerJoinAndSelect('d.project', 'p')
      .where('d.id = :id', { id })
      .getOne();
    return dataset ? { dataset, teamId: dataset.project!.teamId } : undefined;
  }

  /**
   * Everything a dataset's view needs in one round trip: the record, its domain's name,
   * its team and manifest, and its files map in insertion order.
   */
  async findForView(id: number): Promise<DatasetViewRow | undefined> {
    const query = this.dataSource
      .createQueryBuilder()
      .select([
        'd.id AS id',
        'd.name AS name',
        'd.version AS version',
        'd.previous_version AS "previousVersion"',
        'd.description AS description',
        'd.project_id AS "projectId"',
        'd.licence_id AS "licenceId"',
        'd.is_public AS "isPublic"',
        'd.domain_id AS "domainId"',
        'd.tags AS tags',
        'd.slug AS slug',
        'd.summary AS summary',
        'd.creator_id AS "creatorId"',
        'd.creation_time AS "creationTime"',
        'd.deletion_time AS "deletionTime"',
        'd.modification_time AS "modificationTime"',
        'p.team_id AS "teamId"',
        'd.manifest_id AS "manifestId"',
        'dom.description AS "domainDescription"',
        // Built as text so the map keeps insertion order whatever the names look like.
        `(SELECT json_object_agg(f.filename, f.blob_handle ORDER BY f.id)::text
            FROM dataset_files f WHERE f.manifest_id = d.manifest_id) AS files`,
      ])
      .from(Dataset, 'd')
      .innerJoin('projects', 'p', 'p.id = d.project_id')
      .leftJoin('data_domains', 'dom', 'dom.id = d.domain_id')
      .where('d.id = :id', { id });
    return query.getRawOne<DatasetViewRow>();
  }

  /**
   * The id of the lineage's newest active version: the dataset `teamSlug/datasetSlug` names on
   * `/v0` (spec decision 2: highest version, newest on a tie). Undefined when the team or the
   * dataset does not exist or is deleted.
   */
  /**
   * The newest active version of the lineage `datasetSlug` of the active team `teamSlug`, as
   * {@link findOwned} answers it, in one round trip.
   */
  async findOwnedLatestBySlug(
    teamSlug: string,
    datasetSlug: string,
  ): Promise<OwnedDataset | undefined> {
    const dataset = await this.dataSource.manager
      .createQueryBuilder(Dataset, 'd')
      .leftJoinAndSelect('d.domain', 'dom')
      .innerJoinAndSelect('d.project', 'p')
      .where(
        `d.id = (SELECT l.id FROM datasets l JOIN teams t ON t.id = l.team_id
           WHERE t.slug = :teamSlug AND t.deletion_time IS NULL
             AND l.slug = :datasetSlug AND l.deletion_time IS NULL
           ORDER BY l.version DESC, l.creation_time DESC, l.id DESC
           LIMIT 1)`,
        { teamSlug, datasetSlug },
      )
      .getOne();
    return dataset ? { dataset, teamId: dataset.project!.teamId } : undefined;
  }

  /**
   * One page of lineage heads (each lineage's newest active version, as
   * {@link findOwnedLatestBySlug} picks it) in (team slug, dataset slug) order, byte-wise, after
   * `after`. `teams` narrows the lineages on `d.team_id`; `visible` is judged on the head
   * (its columns as `n."isPublic"`, `n."teamId"`), so an older public version never shows a lineage
   * whose newest version is private.
   */
  async lineageHeads(page: {
    teams?: SqlCondition;
    visible?: SqlCondition;
    after?: { owner: string; slug: string };
    limit: number;
  }): Promise<LineageHead[]> {
    const teams = page.teams ?? { sql: 'TRUE', parameters: {} };
    const visible = page.visible ?? { sql: 'TRUE', parameters: {} };
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT n.* FROM (
         SELECT DISTINCT ON (t.slug COLLATE "C", d.slug COLLATE "C")
           d.id, t.slug AS owner, d.slug, d.name, d.version, d.description, d.summary, d.tags,
           d.licence_id AS "licenceId", d.is_public AS "isPublic", d.team_id AS "teamId",
           d.creation_time AS "creationTime", d.modification_time AS "modificationTime"
         FROM datasets d JOIN teams t ON t.id = d.team_id
         WHERE d.deletion_time IS NULL AND t.deletion_time IS NULL AND (${teams.sql})
           AND (:afterOwner::text IS NULL
             OR (t.slug COLLATE "C", d.slug COLLATE "C") > (:afterOwner::text, :afterSlug::text))
         ORDER BY t.slug COLLATE "C", d.slug COLLATE "C",
           d.version DESC, d.creation_time DESC, d.id DESC
       ) n
       WHERE ${visible.sql}
       ORDER BY n.owner COLLATE "C", n.slug COLLATE "C"
       LIMIT :limit`,
      {
        ...teams.parameters,
        ...visible.parameters,
        afterOwner: page.after?.owner ?? null,
        afterSlug: page.after?.slug ?? null,
        limit: page.limit,
      },
    );
    return this.dataSource.query<LineageHead[]>(query, parameters);
  }

  /** Base of `POST /v1/datasets/list`, joined to projects (alias `p`) for visibility rules. */
  listQuery(alias: string): SelectQueryBuilder<Dataset> {
    return this.dataSource
      .getRepository(Dataset)
      .createQueryBuilder(alias)
      .leftJoinAndSelect(`${alias}.domain`, `${alias}_domain`)
      .innerJoin(`${alias}.project`, `${alias}_project`);
  }

  async lockTeamSlugs(manager: EntityManager, teamId: number): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [SLUG_LOCK_CLASS, teamId]);
  }

  /** Slugs of the team's active datasets equal to `base` or `base-N`. */
  async teamSlugsLike(manager: EntityManager, teamId: number, base: string): Promise<Set<string>> {
    const rows = await manager
      .createQueryBuilder(Dataset, 'd')
      .select('DISTINCT d.slug', 'slug')
      .where('d.team_id = :teamId AND d.deletion_time IS NULL', { teamId })
      .andWhere('(d.slug = :base OR d.slug ~ :pattern)', {
        base,
        pattern: `^${base}-[0-9]+$`,
      })
      .getRawMany<{ slug: string }>();
    return new Set(rows.map((row) => row.slug));
  }

  /** The slugs of a project's active lineages (name and slug), oldest lineage first. */
  async activeLineages(
    manager: EntityManager,
    projectId: number,
  ): Promise<{ name: string; slug: string }[]> {
    return manager.query(
      `SELECT name, slug FROM datasets WHERE project_id = $1 AND deletion_time IS NULL
       GROUP BY name, slug ORDER BY min(id)`,
      [projectId],
    );
  }

  /** Gives every version of a lineage (soft-deleted ones too) carrying `from` the slug `to`. */
  async renameLineageSlug(
    manager: EntityManager,
    lineage: { projectId: number; name: string },
    from: string,
    to: string,
  ): Promise<void> {
    await manager.query(
      'UPDATE datasets SET slug = $4 WHERE project_id = $1 AND name = $2 AND slug = $3',
      [lineage.projectId, lineage.name, from, to],
    );
  }

  /** Whether an active dataset of the team carries this slug. */
  async slugInUse(manager: EntityManager, teamId: number, slug: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM datasets WHERE team_id = $1 AND slug = $2 AND deletion_time IS NULL LIMIT 1',
      [teamId, slug],
    );
    return rows.length > 0;
  }

  /** Whether an active dataset of the project has this name but belongs to another lineage. */
  async nameUsedByOtherLineage(
    manager: EntityManager,
    projectId: number,
    name: string,
    slug: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM datasets
       WHERE project_id = $1 AND name = $2 AND slug <> $3 AND deletion_time IS NULL LIMIT 1`,
      [projectId, name, slug],
    );
    return rows.length > 0;
  }

  /**
   * Gives every version of a lineage (soft-deleted ones too) the name `to`, keeping its slug.
   * xc_datasets_slug_project is checked row by row, and half-renamed, the lineage would hold
   * two names on one slug: so the rows step aside to a slug of their own first, then take the
   * new name and their slug back together.
   */
  async renameLineage(
    manager: EntityManager,
    lineage: { projectId: number; name: string; slug: string },
    to: string,
  ): Promise<void> {
    const aside = `tmp-${randomBytes(8).toString('hex')}`;
    await manager.query(
      'UPDATE datasets SET slug = $4 WHERE project_id = $1 AND name = $2 AND slug = $3',
      [lineage.projectId, lineage.name, lineage.slug, aside],
    );
    await manager.query(
      'UPDATE datasets SET name = $3, slug = $4 WHERE project_id = $1 AND slug = $2',
      [lineage.projectId, aside, to, lineage.slug],
    );
  }

  /** Soft-deletes every active version of the team's lineage with this slug, at one instant. */
  async softDeleteLineage(manager: EntityManager, teamId: number, slug: string): Promise<void> {
    await manager.query(
      `UPDATE datasets SET deletion_time = now()
       WHERE team_id = $1 AND slug = $2 AND deletion_time IS NULL`,
      [teamId, slug],
    );
  }

  /** Inserts a dataset; without a `manifestId` (a copy passes one) it gets a new, empty one. */
  async insert(manager: EntityManager, dataset: Partial<Dataset>): Promise<number> {
    const manifestId = dataset.manifestId ?? (await this.newManifest(manager));
    const result = await manager.insert(Dataset, { ...dataset, manifestId });
    return (result.identifiers[0] as { id: number }).id;
  }

  private async newManifest(manager: EntityManager): Promise<number> {
    const rows = await manager.query<{ id: number }[]>(
      'INSERT INTO file_manifests DEFAULT VALUES RETURNING id',
    );
    return rows[0].id;
  }

  /**
   * `modified`: a change to the dataset's metadata, which moves its modification time (to the
   * database's clock, as file writes do); slug and state bookkeeping does not.
   */
  async update(
    manager: EntityManager,
    id: number,
    changes: Partial<Dataset>,
    { modified = false }: { modified?: boolean } = {},
  ): Promise<void> {
    // An empty PATCH changes nothing; TypeORM refuses an UPDATE without values.
    if (Object.keys(changes).length === 0) {
      return;
    }
    await manager.update(
      Dataset,
      { id },
      modified ? { ...changes, modificationTime: () => 'now()' } : changes,
    );
  }

  /** Soft-deletes a project's active datasets (part of the project's own soft delete). */
  async softDeleteInProject(manager: EntityManager, projectId: number, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Dataset)
      .set({ deletionTime: at })
      .where('project_id = :projectId AND deletion_time IS NULL', { projectId })
      .execute();
  }

  /** Serialises version numbering within a project until the transaction ends. */
  async lockProjectVersions(manager: EntityManager, projectId: number): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [VERSION_LOCK_CLASS, projectId]);
  }

  /** The highest version among the active datasets of this name in the project (0 if none). */
  async maxActiveVersion(manager: EntityManager, projectId: number, name: string): Promise<number> {
    const rows = await manager.query<{ max: number | null }[]>(
      `SELECT MAX(version) AS max FROM datasets
       WHERE project_id = $1 AND name = $2 AND deletion_time IS NULL`,
      [projectId, name],
    );
    return rows[0]?.max ?? 0;
  }

  async activeNameTaken(manager: EntityManager, projectId: number, name: string, version: number) {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM datasets WHERE project_id = $1 AND name = $2 AND version = $3
       AND deletion_time IS NULL LIMIT 1`,
      [projectId, name, version],
    );
    return rows.length > 0;
  }

  /** Whether another lineage of the team (other project or name) actively uses this slug. */
  async slugUsedByOtherLineage(
    manager: EntityManager,
    teamId: number,
    dataset: Pick<Dataset, 'id' | 'slug' | 'projectId' | 'name'>,
  ) {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM datasets d
       WHERE d.team_id = $1 AND d.slug = $2 AND d.deletion_time IS NULL AND d.id <> $3
         AND (d.project_id <> $4 OR d.name <> $5)
       LIMIT 1`,
      [teamId, dataset.slug, dataset.id, dataset.projectId, dataset.name],
    );
    return rows.length > 0;
  }

  async softDelete(manager: EntityManager, id: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Dataset)
      .set({ deletionTime: () => 'now()' })
      .where('id = :id AND deletion_time IS NULL', { id })
      .execute();
  }

  async hardDelete(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(Dataset, { id });
  }

  /**
   * Every version of the lineage (project, name), soft-deleted ones included, oldest first;
   * private versions only with `includePrivate`. The creator's username comes along, so a
   * history is one round trip whatever its length.
   */
  async lineageVersions(
    projectId: number,
    name: string,
    includePrivate: boolean,
  ): Promise<LineageVersion[]> {
    return this.dataSource.query<LineageVersion[]>(
      `SELECT d.id, d.version, d.previous_version AS "previousVersion", d.is_public AS "isPublic",
         d.creator_id AS "creatorId", u.username AS "creatorUsername",
         d.creation_time AS "creationTime", d.deletion_time AS "deletionTime"
       FROM datasets d LEFT JOIN users u ON u.id = d.creator_id
       WHERE d.project_id = $1 AND d.name = $2 AND (d.is_public OR $3)
       ORDER BY d.creation_time, d.id`,
      [projectId, name, includePrivate],
    );
  }
}
