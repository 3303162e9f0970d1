import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { FieldRuleError, NotFoundError } from '../../common/errors/domain-error.js';
import type { AlsoInTransaction, DatasetRecordCommand } from '../datasets/dataset.commands.js';
import { DatasetVersioningService } from '../datasets/dataset-versioning.service.js';
import { DATASET_SLUG_MAX, DatasetsService } from '../datasets/datasets.service.js';
import { LicencesService } from '../licences/licences.service.js';
import { SourcesService, type SourceSpec } from '../sources/sources.service.js';
import { TeamAccessService, type TeamAccess } from '../teams/team-access.service.js';
import { deriveSlug } from '../teams/team-slug.js';
import { TeamsService } from '../teams/teams.service.js';
import type { DatasetKey } from './v0/dataset-key.js';
import type {
  V0DatasetDefinition,
  V0DatasetPatch,
  V0FileRequest,
  V0License,
} from './v0/dataset.requests.js';

/** Where a /v0 create puts a dataset when the body names no project (spec Part A). */
const DEFAULT_PROJECT = 'default';

/**
 * The dataset writes of /v0: data.world's requests, parsed already, mapped onto the dataset,
 * versioning and sources services, which decide access, slugs and versions.
 */
@Injectable()
export class V0DatasetWritesService {
  constructor(
    private readonly teams: TeamsService,
    private readonly access: TeamAccessService,
    private readonly datasets: DatasetsService,
    private readonly versioning: DatasetVersioningService,
    private readonly sources: SourcesService,
    private readonly licences: LicencesService,
  ) {}

  /**
   * POST /v0/datasets/{owner}: a new dataset whose id derives from its title (422 when that
   * leaves fewer than 3 characters, 409 when the team already uses it). Answers its key.
   */
  async create(
    caller: AuthUser,
    owner: string,
    definition: V0DatasetDefinition,
  ): Promise<DatasetKey> {
    // Who may not create here hears so before what is wrong with the title.
    const teamId = await this.writableTeam(caller, owner);
    const id = deriveSlug(definition.title, DATASET_SLUG_MAX);
    if (id.length < 3) {
      throw new FieldRuleError(
        `title ${JSON.stringify(definition.title)} gives the id '${id}': an id needs at least ` +
          '3 letters, digits or hyphens.',
      );
    }
    await this.createAs(caller, teamId, id, definition);
    return { owner, id };
  }

  /**
   * PUT /v0/datasets/{owner}/{id}: a new version of the dataset holding exactly this
   * definition, or, when no dataset has that id, a new dataset with it. `created` tells which.
   */
  async replace(
    caller: AuthUser,
    key: DatasetKey,
    definition: V0DatasetDefinition,
  ): Promise<{ created: boolean }> {
    const target = await this.replaceTarget(caller, key);
    if (target.pk === undefined) {
      await this.createAs(caller, target.teamId, key.id, definition);
      return { created: true };
    }
    this.checkFiles(definition.files);
    await this.versioning.replace(
      caller,
      target.pk,
      await this.record(definition),
      this.filesIn(definition.files),
    );
    return { created: false };
  }

  /** The refusals of {@link create} that do not depend on the body. */
  async assertCanCreate(caller: AuthUser, owner: string): Promise<void> {
    await this.writableTeam(caller, owner);
  }

  /** The team `owner` names, if the caller may write in it. */
  private async writableTeam(caller: AuthUser, owner: string): Promise<number> {
    const team = await this.teams.findBySlug(owner);
    await this.access.assert(caller, team.id, 'write');
    return team.id;
  }

  /** The refusals of {@link replace} that do not depend on the body. */
  async assertCanReplace(caller: AuthUser, key: DatasetKey): Promise<void> {
    await this.replaceTarget(caller, key);
  }

  /** The refusals of the other writes that do not depend on the body. */
  async assertCan(caller: AuthUser, key: DatasetKey, level: TeamAccess): Promise<void> {
    await this.datasets.findBySlugFor(caller, key.owner, key.id, level);
  }

  /** The dataset a PUT replaces (write access), or none: then the PUT creates it. */
  private async replaceTarget(
    caller: AuthUser,
    key: DatasetKey,
  ): Promise<{ teamId: number; pk?: number }> {
    const team = await this.teams.findBySlug(key.owner);
    try {
      const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
      return { teamId: team.id, pk: dataset.id };
    } catch (error) {
      // Unknown, or invisible to the caller: creating needs write access in the team, and a
      // caller without it hears 404 whether or not the dataset exists.
      if (!(error instanceof NotFoundError) || !(await this.access.can(caller, team.id, 'write'))) {
        throw error;
      }
      return { teamId: team.id };
    }
  }

  /**
   * PATCH /v0/datasets/{owner}/{id}: data.world's merge. Fields left out stay; files are merged
   * by name, and a file named without a source must exist already.
   */
  async patch(caller: AuthUser, key: DatasetKey, patch: V0DatasetPatch): Promise<void> {
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    const files = patch.files ?? [];
    this.checkFiles(files);
    await this.assertExisting(
      dataset.id,
      files.filter((file) => file.source === undefined),
    );
    await this.datasets.updateLineage(
      caller,
      dataset.id,
      {
        ...(patch.title !== undefined && { name: patch.title }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.summary !== undefined && { summary: patch.summary }),
        ...(patch.tags !== undefined && { tags: patch.tags }),
        ...(patch.license !== undefined && { licenceId: await this.licenceId(patch.license) }),
        ...(patch.isPublic !== undefined && { isPublic: patch.isPublic }),
      },
      this.filesIn(files),
    );
  }

  /** DELETE /v0/datasets/{owner}/{id}: every version, team admins and site admins only. */
  async delete(caller: AuthUser, key: DatasetKey): Promise<void> {
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'admin');
    await this.versioning.destroyLineage(caller, dataset.id);
  }

  /** POST /v0/datasets/{owner}/{id}/files: files added, or updated, by source (then synced). */
  async addFilesBySource(
    caller: AuthUser,
    key: DatasetKey,
    files: readonly V0FileRequest[],
  ): Promise<void> {
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    this.checkFiles(files);
    await this.sources.applyFiles(dataset.id, sourceSpecs(files), detailChanges(files));
  }

  private async createAs(
    caller: AuthUser,
    teamId: number,
    id: string,
    definition: V0DatasetDefinition,
  ): Promise<void> {
    this.checkFiles(definition.files);
    await this.datasets.createLineage(
      caller,
      teamId,
      {
        ...(await this.record(definition)),
        projectName: definition.project ?? DEFAULT_PROJECT,
        slug: id,
      },
      this.filesIn(definition.files),
    );
  }

  private async record(definition: V0DatasetDefinition): Promise<DatasetRecordCommand> {
    return {
      name: definition.title,
      description: definition.description,
      summary: definition.summary,
      tags: definition.tags,
      licenceId: await this.licenceId(definition.license),
      isPublic: definition.isPublic,
    };
  }

  private async licenceId(license: V0License): Promise<number> {
    const ref = await this.licences.findRefByDataworldName(license);
    if (!ref) {
      // The nine names are seeded by a migration; one an operator removed is not on offer.
      throw new FieldRuleError(`license '${license}' is not available on this server.`);
    }
    return ref.id;
  }

  /** The sources' refusals (file names, URLs) before anything is written. */
  private checkFiles(files: readonly V0FileRequest[]): void {
    this.sources.checkSpecs(sourceSpecs(files));
  }

  /** 422 unless each of these files is a file or a sourced file of the dataset. */
  private async assertExisting(datasetId: number, files: readonly V0FileRequest[]): Promise<void> {
    if (files.length === 0) {
      return;
    }
    const known = new Set((await this.sources.listSources(datasetId)).map((s) => s.filename));
    for (const [name] of (await this.datasets.view(datasetId)).files.entries()) {
      known.add(name);
    }
    const missing = files.find((file) => !known.has(file.name));
    if (missing) {
      throw new FieldRuleError(
        `files: the dataset has no file ${JSON.stringify(missing.name)}; name a source to add it.`,
      );
    }
  }

  /**
   * The request's files, written in the transaction that writes the dataset's record, so the
   * two commit together: files with a source are added or repointed, the others only get
   * their details.
   */
  private filesIn(files: readonly V0FileRequest[]): AlsoInTransaction {
    const sourced = sourceSpecs(files);
    const changes = detailChanges(files);
    return (manager, datasetId) => this.sources.applyFilesIn(manager, datasetId, sourced, changes);
  }
}

/** The details of the files named without a source (left out: nothing to set). */
function detailChanges(
  files: readonly V0FileRequest[],
): { name: string; change: Pick<SourceSpec, 'description' | 'labels'> }[] {
  return files.flatMap((file) =>
    file.source === undefined && (file.description !== undefined || file.labels !== undefined)
      ? [{ name: file.name, change: details(file) }]
      : [],
  );
}

function sourceSpecs(files: readonly V0FileRequest[]): SourceSpec[] {
  return files.flatMap((file) =>
    file.source
      ? [
          {
            filename: file.name,
            url: file.source.url,
            ...(file.source.expandArchive !== undefined && {
              expandArchive: file.source.expandArchive,
            }),
            ...details(file),
          },
        ]
      : [],
  );
}

/** The description and labels a file request sets (left out: left as they are). */
function details(file: V0FileRequest): Pick<SourceSpec, 'description' | 'labels'> {
  return {
    ...(file.description !== undefined && { description: file.description }),
    ...(file.labels !== undefined && { labels: file.labels }),
  };
}
