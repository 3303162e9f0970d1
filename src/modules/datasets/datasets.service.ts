import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import {
  ConflictError,
  NotAuthenticatedError,
  NotFoundError,
  PermissionDeniedError,
  RequestValidationError,
} from '../../common/errors/domain-error.js';
import { exclusionViolation, uniqueViolation } from '../../common/errors/pg-errors.js';
import { ChangeFeed } from '../../database/change-feed/change-feed.service.js';
import { InvalidatedCache } from '../../database/change-feed/invalidated-cache.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import {
  DatasetDeletedError,
  DatasetFilesService,
} from '../dataset-files/dataset-files.service.js';
import { DOMAIN_FILTER } from '../domains/domains.service.js';
import { LICENCE_FILTER, LicencesService } from '../licences/licences.service.js';
import { PROJECT_FILTER, ProjectsService } from '../projects/projects.service.js';
import type { Level } from '../teams/membership.entity.js';
import { TeamAccessService, type TeamAccess } from '../teams/team-access.service.js';
import { deriveSlug, slugCandidate } from '../teams/team-slug.js';
import type {
  AlsoInTransaction,
  CreateDatasetCommand,
  CreateLineageCommand,
  UpdateDatasetCommand,
  UpdateLineageCommand,
} from './dataset.commands.js';
import { Dataset } from './dataset.entity.js';
import { DatasetFiles, datasetView, type DatasetView } from './dataset-view.js';
import {
  DatasetsRepository,
  type LineageHead,
  type LineageVersion,
  type OwnedDataset,
  type SqlCondition,
} from './datasets.repository.js';

export type { LineageHead, LineageVersion };

/**
 * Which lineages a list names: those of one team, or those of every team where the caller is a
 * member at one of these levels.
 */
export type LineageSelection = { readonly team: number } | { readonly memberAt: readonly Level[] };

/** A keyset page: the lineages after `after` in (team slug, dataset slug) order. */
export interface LineagePage {
  readonly after?: { readonly owner: string; readonly slug: string };
  readonly limit: number;
}

export const DATASET_SLUG_MAX = 95;

export const DATASET_FILTER: FilterResource = {
  name: 'dataset',
  table: 'datasets',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    version: { column: 'version', type: 'int' },
    previous_version: { column: 'previous_version', type: 'int' },
    description: { column: 'description', type: 'string' },
    project: { column: 'project_id', type: 'int' },
    licence: { column: 'licence_id', type: 'int' },
    is_public: { column: 'is_public', type: 'bool' },
    domain: { column: 'domain_id', type: 'int' },
    tags: { column: 'tags', type: 'string' },
    creator: { column: 'creator_id', type: 'int' },
    creation_time: { column: 'creation_time', type: 'datetime' },
    deletion_time: { column: 'deletion_time', type: 'datetime' },
  },
  relations: {
    project: {
      table: 'projects',
      localColumn: 'project_id',
      remoteColumn: 'id',
      resource: PROJECT_FILTER,
    },
    licence: {
      table: 'licences',
      localColumn: 'licence_id',
      remoteColumn: 'id',
      resource: LICENCE_FILTER,
    },
    domain: {
      table: 'data_domains',
      localColumn: 'domain_id',
      remoteColumn: 'id',
      resource: DOMAIN_FILTER,
    },
    creator: PROJECT_FILTER.relations!.creator,
  },
  active: '{alias}."deletion_time" IS NULL',
};

const NAME_TAKEN = 'A dataset with this name and version already exists in this project.';
const SLUG_TAKEN =
  'Another dataset of the team uses this slug; it changed meanwhile, please try again.';

/** The database's answer to a dataset write that breaks a rule, in the service's words. */
function translateConstraint(error: unknown): unknown {
  if (uniqueViolation(error) !== undefined) {
    return new ConflictError(NAME_TAKEN);
  }
  if (exclusionViolation(error) !== undefined) {
    return new ConflictError(SLUG_TAKEN);
  }
  return error;
}

/** Views kept between requests: 5 minutes, 10,000 datasets, 32 Mi characters of files at most. */
const VIEW_CACHE_TTL_MS = 300_000;
const VIEW_CACHE_MAX_ENTRIES = 10_000;
const VIEW_CACHE_MAX_CHARS = 32 * 1024 * 1024;

/** Dataset records: list, create, retrieve, update; and the access rules every dataset action uses. */
@Injectable()
export class DatasetsService implements OnModuleInit {
  private readonly views: InvalidatedCache<number, DatasetView | undefined>;

  constructor(
    private readonly datasets: DatasetsRepository,
    private readonly files: DatasetFilesService,
    private readonly projects: ProjectsService,
    private readonly licences: LicencesService,
    private readonly access: TeamAccessService,
    feed: ChangeFeed,
  ) {
    this.views = new InvalidatedCache(feed, {
      ttlMs: VIEW_CACHE_TTL_MS,
      maxEntries: VIEW_CACHE_MAX_ENTRIES,
      // A dataset of 100,000 files holds 9 MiB of names and handles: they bound the memory held.
      maxWeight: VIEW_CACHE_MAX_CHARS,
      weigh: (view) => view?.files.weight ?? 0,
    });
    feed.onChange('datasets', (id) => this.views.invalidate(Number(id)));
    feed.onChange('file_manifests', (id) =>
      this.views.invalidateWhere((view) => view?.manifestId === Number(id)),
    );
    // A project moved to another team moves its datasets' access with it.
    feed.onChange('projects', (id) =>
      this.views.invalidateWhere((view) => view?.projectId === Number(id)),
    );
    feed.onChange('data_domains', () => this.views.clear());
  }

  onModuleInit(): void {
    // Deleting a project soft-deletes its datasets, in the same transaction and instant.
    this.projects.onSoftDelete((manager, projectId, at) =>
      this.datasets.softDeleteInProject(manager, projectId, at),
    );
    // A project moving teams takes its datasets along (the foreign key cascades their team):
    // their slugs must be free there first.
    this.projects.onTeamChange((manager, projectId, teamId) =>
      this.reslugForTeam(manager, projectId, teamId),
    );
  }

  /**
   * Before a project moves to `teamId`: each of its active lineages, oldest first, keeps its
   * slug when no lineage of that team uses it, and otherwise takes the first free `<slug>-N`
   * (N = 2, 3, ...), all its versions alike (soft-deleted ones too).
   */
  private async reslugForTeam(
    manager: EntityManager,
    projectId: number,
    teamId: number,
  ): Promise<void> {
    await this.datasets.lockTeamSlugs(manager, teamId);
    const chosen = new Set<string>();
    for (const lineage of await this.datasets.activeLineages(manager, projectId)) {
      const taken = await this.datasets.teamSlugsLike(manager, teamId, lineage.slug);
      let n = 1;
      let slug = lineage.slug;
      while (taken.has(slug) || chosen.has(slug)) {
        n += 1;
        slug = slugCandidate(lineage.slug, n, DATASET_SLUG_MAX);
      }
      chosen.add(slug);
      if (slug !== lineage.slug) {
        await this.datasets.renameLineageSlug(
          manager,
          { projectId, name: lineage.name },
          lineage.slug,
          slug,
        );
      }
    }
  }

  /** The views of the datasets the caller may see that the request's filter selects. */
  async list(caller: Caller, request: ListRequest): Promise<ListResult<DatasetView>> {
    const query = this.datasets.listQuery('d');
    const members = this.access.memberTeamsCondition(caller, 'd_project.team_id');
    if (members) {
      // Public datasets are listed for everyone, anonymous callers included (spec Part A 8).
      query.andWhere(`(d.is_public = true OR ${members.sql})`, members.parameters);
    }
    return executeList(query, 'd', DATASET_FILTER, request, async (datasets) => {
      const files = await this.files.filesMaps(datasets.map((dataset) => dataset.id));
      return datasets.map((dataset) => {
        const map = files.get(dataset.id);
        return datasetView(dataset, map ? DatasetFiles.fromMap(map) : DatasetFiles.NONE);
      });
    });
  }

  async create(caller: AuthUser, command: CreateDatasetCommand): Promise<DatasetView> {
    const teamId = await this.checkReferences(command.projectId, command.licenceId);
    await this.access.assert(caller, teamId, 'write');
    const id = await this.datasets.transaction(async (manager) => {
      const slug = await this.freeSlug(manager, teamId, command.name);
      const newId = await this.insertOrConflict(manager, {
        name: command.name,
        version: 1,
        previousVersion: -1,
        description: command.description ?? '',
        projectId: command.projectId,
        teamId,
        licenceId: command.licenceId,
        isPublic: command.isPublic ?? false,
        domainId: null,
        tags: command.tags,
        slug: slug ?? `tmp-${randomBytes(8).toString('hex')}`,
        creatorId: caller.id,
      });
      if (slug === undefined) {
        // Too short to stand alone: `dataset-<pk>`, known only once the row exists.
        await this.datasets.update(manager, newId, { slug: `dataset-${newId}` });
      }
      return newId;
    });
    return this.view(id);
  }

  /**
   * A new lineage (version 1) in the team's project named in the command, made on demand, with
   * exactly the slug asked for: 409 when an active dataset of the team already carries it.
   */
  async createLineage(
    caller: AuthUser,
    teamId: number,
    command: CreateLineageCommand,
    also?: AlsoInTransaction,
  ): Promise<DatasetView> {
    await this.access.assert(caller, teamId, 'write');
    const id = await this.datasets.transaction(async (manager) => {
      const projectId = await this.projects.ensureNamed(
        manager,
        teamId,
        command.projectName,
        caller.id,
      );
      await this.datasets.lockTeamSlugs(manager, teamId);
      if (await this.datasets.slugInUse(manager, teamId, command.slug)) {
        throw new ConflictError(
          `The id '${command.slug}' is taken by another dataset of the team.`,
        );
      }
      const created = await this.insertOrConflict(manager, {
        name: command.name,
        version: 1,
        previousVersion: -1,
        description: command.description,
        summary: command.summary,
        projectId,
        teamId,
        licenceId: command.licenceId,
        isPublic: command.isPublic,
        domainId: null,
        tags: command.tags,
        slug: command.slug,
        creatorId: caller.id,
      });
      await also?.(manager, created);
      return created;
    });
    return this.view(id);
  }

  /**
   * Changes a version's record (write access) where a new name renames its whole lineage, so
   * the lineage keeps its slug; see {@link renameLineage}.
   */
  async updateLineage(
    caller: Caller,
    pk: number,
    command: UpdateLineageCommand,
    also?: AlsoInTransaction,
  ): Promise<DatasetView> {
    const { dataset } = await this.loadForWrite(caller, pk);
    await this.datasets
      .transaction(async (manager) => {
        if (command.name !== undefined && command.name !== dataset.name) {
          await this.renameLineage(manager, dataset, command.name);
        }
        await this.datasets.update(
          manager,
          pk,
          {
            // Set again after a rename: this version's modification time moves with it.
            ...(command.name !== undefined && { name: command.name }),
            ...(command.description !== undefined && { description: command.description }),
            ...(command.summary !== undefined && { summary: command.summary }),
            ...(command.tags !== undefined && { tags: command.tags }),
            ...(command.licenceId !== undefined && { licenceId: command.licenceId }),
            ...(command.isPublic !== undefined && { isPublic: command.isPublic }),
          },
          { modified: true },
        );
        await also?.(manager, pk);
      })
      .catch((error: unknown) => {
        throw translateConstraint(error);
      });
    return this.view(pk);
  }

  /**
   * Renames every version of the dataset's lineage (project, name), soft-deleted ones too, in
   * the caller's transaction. Renaming one version alone would split it off the lineage: two
   * names cannot share a slug in a project (xc_datasets_slug_project), so it would take another
   * slug and its /v0 id would change. Renamed as a whole, the lineage keeps its slug, and its
   * older versions stay reachable by pk on /v1 under the new name. 409 when another lineage of
   * the project has that name.
   */
  async renameLineage(
    manager: EntityManager,
    dataset: Pick<Dataset, 'projectId' | 'name' | 'slug'>,
    name: string,
  ): Promise<void> {
    // Copies number versions by name under this lock: none may run while the name changes.
    await this.datasets.lockProjectVersions(manager, dataset.projectId);
    if (
      await this.datasets.nameUsedByOtherLineage(manager, dataset.projectId, name, dataset.slug)
    ) {
      throw new ConflictError(`Another dataset of the project is named '${name}'.`);
    }
    await this.datasets.renameLineage(manager, dataset, name);
  }

  /**
   * The hottest read. The view is cached per dataset: dropped when PostgreSQL notifies a change
   * to the dataset, its files or its project, from any instance, and after every write request
   * of this one. Access is judged per request, by TeamAccessService.
   */
  async retrieve(caller: Caller, pk: number): Promise<DatasetView> {
    const view = await this.views.get(
      pk,
      () => this.findView(pk),
      (loaded) => loaded !== undefined,
    );
    if (!view) {
      throw new NotFoundError();
    }
    if (!view.isPublic && !(await this.access.can(caller, view.teamId, 'read'))) {
      throw caller ? new PermissionDeniedError() : new NotAuthenticatedError();
    }
    return view;
  }

  /** PUT and PATCH. Moving to another project needs write access in its team as well. */
  async update(caller: Caller, pk: number, command: UpdateDatasetCommand): Promise<DatasetView> {
    const owned = await this.loadFor(caller, pk, 'write');
    const { dataset } = owned;
    let targetTeam = owned.teamId;
    if (command.projectId !== undefined || command.licenceId !== undefined) {
      targetTeam = await this.checkReferences(
        command.projectId ?? dataset.projectId,
        command.licenceId ?? dataset.licenceId,
      );
    }
    if (targetTeam !== owned.teamId) {
      await this.access.assert(caller, targetTeam, 'write');
    }
    await this.datasets.transaction(async (manager) => {
      const changes: Partial<Dataset> = {
        ...(command.name !== undefined && { name: command.name }),
        ...(command.description !== undefined && { description: command.description }),
        ...(command.projectId !== undefined && { projectId: command.projectId }),
        ...(command.licenceId !== undefined && { licenceId: command.licenceId }),
        ...(command.isPublic !== undefined && { isPublic: command.isPublic }),
        ...(command.tags !== undefined && { tags: command.tags }),
      };
      const moved = targetTeam !== owned.teamId;
      const after = {
        id: dataset.id,
        slug: dataset.slug,
        projectId: command.projectId ?? dataset.projectId,
        name: command.name ?? dataset.name,
      };
      if (moved) {
        changes.teamId = targetTeam;
      }
      if (moved || after.projectId !== dataset.projectId || after.name !== dataset.name) {
        // Another lineage now: the slug stays only if no other lineage of the team uses it
        // (the versions left behind keep it).
        await this.datasets.lockTeamSlugs(manager, targetTeam);
        if (await this.datasets.slugUsedByOtherLineage(manager, targetTeam, after)) {
          changes.slug =
            (await this.freeSlug(manager, targetTeam, dataset.slug)) ?? `dataset-${dataset.id}`;
        }
      }
      try {
        await this.datasets.update(manager, dataset.id, changes, { modified: true });
      } catch (error) {
        throw translateConstraint(error);
      }
    });
    return this.view(pk);
  }

  /**
   * The dataset's view without an access check, for answers to writes already authorised: one
   * query however many files (the files map is built by PostgreSQL).
   */
  async view(pk: number): Promise<DatasetView> {
    const view = await this.findView(pk);
    if (!view) {
      throw new NotFoundError();
    }
    return view;
  }

  private async findView(pk: number): Promise<DatasetView | undefined> {
    const row = await this.datasets.findForView(pk);
    return (
      row && { ...row, files: row.files ? DatasetFiles.fromJson(row.files) : DatasetFiles.NONE }
    );
  }

  /**
   * The dataset `teamSlug/datasetSlug` names (the newest active version of that lineage), if the
   * caller may read it. One the caller may not read is as unknown as one that does not exist:
   * 404, never revealing that it exists (dataworld-v0 spec, Part A).
   */
  async findBySlug(caller: Caller, teamSlug: string, datasetSlug: string): Promise<OwnedDataset> {
    const owned = await this.datasets.findOwnedLatestBySlug(teamSlug, datasetSlug);
    if (
      !owned ||
      !(await this.access.canReadDataset(caller, owned.teamId, owned.dataset.isPublic))
    ) {
      throw new NotFoundError();
    }
    return owned;
  }

  /**
   * {@link findBySlug} for an action needing `level` in the owning team: 404 when the caller
   * cannot even see the dataset, else 401 (anonymous) or 403 when the level is missing.
   */
  async findBySlugFor(
    caller: Caller,
    teamSlug: string,
    datasetSlug: string,
    level: TeamAccess,
  ): Promise<OwnedDataset> {
    const owned = await this.findBySlug(caller, teamSlug, datasetSlug);
    await this.access.assert(caller, owned.teamId, level);
    return owned;
  }

  /**
   * The lineages `selection` names that the caller may read (public ones for anyone, the rest
   * for their teams' members; everything for site admins), each as its newest active version.
   * One query per page whatever its length.
   */
  async listLineages(
    caller: Caller,
    selection: LineageSelection,
    page: LineagePage,
  ): Promise<LineageHead[]> {
    let teams: SqlCondition;
    if ('team' in selection) {
      teams = { sql: 'd.team_id = :listedTeam', parameters: { listedTeam: selection.team } };
    } else {
      if (!caller) {
        throw new NotAuthenticatedError();
      }
      teams = this.access.levelTeamsCondition(caller, 'd.team_id', selection.memberAt);
    }
    const members = this.access.memberTeamsCondition(caller, 'n."teamId"');
    const visible = members && {
      sql: `(n."isPublic" OR ${members.sql})`,
      parameters: members.parameters,
    };
    return this.datasets.lineageHeads({ teams, visible, after: page.after, limit: page.limit });
  }

  /** Loads a dataset a caller may read: members of its team, or anyone when it is public. */
  async loadForRead(caller: Caller, pk: number): Promise<OwnedDataset> {
    const owned = await this.getOwned(pk);
    if (!(await this.access.canReadDataset(caller, owned.teamId, owned.dataset.isPublic))) {
      throw caller ? new PermissionDeniedError() : new NotAuthenticatedError();
    }
    return owned;
  }

  /**
   * The lineage (same project and name) of a dataset the caller may read: every version, the
   * soft-deleted ones too (they stay readable by pk), oldest first. Each version is shown under
   * the rule of {@link loadForRead}: its team's members see them all, others only public ones.
   */
  async lineage(
    caller: Caller,
    pk: number,
  ): Promise<{ readonly dataset: Dataset; readonly versions: LineageVersion[] }> {
    const { dataset, teamId } = await this.loadForRead(caller, pk);
    const teamReadable = await this.access.canReadDataset(caller, teamId, false);
    const versions = await this.datasets.lineageVersions(
      dataset.projectId,
      dataset.name,
      teamReadable,
    );
    return { dataset, versions };
  }

  /** Loads a dataset for an action needing this level in its team (public is not enough). */
  async loadFor(caller: Caller, pk: number, level: TeamAccess): Promise<OwnedDataset> {
    const owned = await this.getOwned(pk);
    await this.access.assert(caller, owned.teamId, level);
    return owned;
  }

  /**
   * Loads a dataset for a write to its files or metadata, a copy or a merge: write access, and
   * refused (400) while it is soft-deleted. The writes check again under their row lock.
   */
  async loadForWrite(caller: Caller, pk: number): Promise<OwnedDataset> {
    const owned = await this.loadFor(caller, pk, 'write');
    if (owned.dataset.deletionTime !== null) {
      throw new DatasetDeletedError(pk);
    }
    return owned;
  }

  /** The dataset and its team without any access check: for site-admin-only actions. */
  getOwnedUnchecked(pk: number): Promise<OwnedDataset> {
    return this.getOwned(pk);
  }

  private async getOwned(pk: number): Promise<OwnedDataset> {
    const owned = await this.datasets.findOwned(pk);
    if (!owned) {
      throw new NotFoundError();
    }
    return owned;
  }

  /** Field errors for a project or licence that does not exist; the project's team otherwise. */
  private async checkReferences(project: number, licence: number): Promise<number> {
    const [teamId, licenceRef] = await Promise.all([
      this.projects.findTeamOf(project),
      this.licences.findRef(licence),
    ]);
    const errors: Record<string, string[]> = {};
    if (teamId === undefined) {
      errors.project = [`Invalid pk "${project}" - object does not exist.`];
    }
    if (!licenceRef) {
      errors.licence = [`Invalid pk "${licence}" - object does not exist.`];
    }
    if (teamId === undefined || Object.keys(errors).length > 0) {
      throw new RequestValidationError(errors);
    }
    return teamId;
  }

  private async insertOrConflict(
    manager: EntityManager,
    dataset: Partial<Dataset>,
  ): Promise<number> {
    try {
      return await this.datasets.insert(manager, dataset);
    } catch (error) {
      throw translateConstraint(error);
    }
  }

  /**
   * A slug for a new lineage in the team, derived from `name` with `-N` on collision, under a
   * per-team advisory lock so concurrent creates cannot pick the same one. Undefined when the
   * name derives to fewer than 3 characters (the caller then uses `dataset-<pk>`).
   */
  async freeSlug(
    manager: EntityManager,
    teamId: number,
    name: string,
  ): Promise<string | undefined> {
    await this.datasets.lockTeamSlugs(manager, teamId);
    const base = deriveSlug(name, DATASET_SLUG_MAX);
    if (base.length < 3) {
      return undefined;
    }
    const taken = await this.datasets.teamSlugsLike(manager, teamId, base);
    let n = 1;
    while (taken.has(slugCandidate(base, n, DATASET_SLUG_MAX))) {
      n += 1;
    }
    return slugCandidate(base, n, DATASET_SLUG_MAX);
  }
}
