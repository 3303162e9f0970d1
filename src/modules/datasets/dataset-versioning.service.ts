import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { isSiteAdmin } from '../../common/auth/auth-user.js';
import {
  BadRequestError,
  ConflictError,
  DomainError,
  PermissionDeniedError,
} from '../../common/errors/domain-error.js';
import {
  exclusionViolation,
  foreignKeyViolation,
  uniqueViolation,
} from '../../common/errors/pg-errors.js';
import { BlobCollectorService } from '../dataset-files/blob-collector.service.js';
import { DatasetFilesService } from '../dataset-files/dataset-files.service.js';
import type { EntityManager } from 'typeorm';
import type { AlsoInTransaction, DatasetRecordCommand } from './dataset.commands.js';
import type { DatasetView } from './dataset-view.js';
import { DatasetsRepository } from './datasets.repository.js';
import { DatasetsService } from './datasets.service.js';

/** A copy's options, as UFDL's `Dataset.copy` takes them. */
export interface CopyOptions {
  newName?: string;
  onlyFiles?: string[];
}

/** A merge's options (UFDL's MergeSpec): delete the source afterwards, and how. */
export interface MergeOptions {
  delete: boolean;
  hard: boolean;
}

export class MergeDisallowedError extends DomainError {
  readonly status = 406;

  constructor(reason: string) {
    super(`Cannot perform merge:\n${reason}`);
  }
}

/**
 * Every way a dataset becomes another version or stops being one: copy-as-new-version, merge,
 * clear, soft delete, reinstate and hard delete. Each runs in one transaction; a copy shares the
 * source's file manifest (copy-on-write, see DatasetFilesService), other file references move
 * with set-based SQL, and bytes never move.
 */
@Injectable()
export class DatasetVersioningService {
  constructor(
    private readonly datasets: DatasetsRepository,
    private readonly records: DatasetsService,
    private readonly files: DatasetFilesService,
    private readonly collector: BlobCollectorService,
  ) {}

  /** Soft delete (204); deleting a deleted dataset is fine. */
  async destroy(caller: Caller, pk: number): Promise<void> {
    await this.records.loadFor(caller, pk, 'write');
    await this.datasets.transaction((manager) => this.datasets.softDelete(manager, pk));
  }

  /** Site admins only (guarded). A taken (name, version) or slug is 400, never a 500. */
  async reinstate(pk: number): Promise<DatasetView> {
    const { dataset, teamId } = await this.records.getOwnedUnchecked(pk);
    if (dataset.deletionTime !== null) {
      await this.datasets.transaction(async (manager) => {
        await this.datasets.lockTeamSlugs(manager, teamId);
        const slugTaken = () =>
          new ConflictError(
            `Cannot reinstate dataset '${dataset.name}': another active dataset of the team ` +
              `uses its slug '${dataset.slug}'.`,
          );
        if (await this.datasets.slugUsedByOtherLineage(manager, teamId, dataset)) {
          throw slugTaken();
        }
        try {
          await this.datasets.update(manager, pk, { deletionTime: null });
        } catch (error) {
          if (exclusionViolation(error) !== undefined) {
            throw slugTaken(); // Checked above; only a race gets here.
          }
          if (uniqueViolation(error) !== undefined) {
            throw new ConflictError(
              `Cannot reinstate dataset '${dataset.name}' version ${dataset.version}: an active ` +
                'dataset of the project already has that name and version.',
            );
          }
          throw error;
        }
      });
    }
    return this.records.view(pk);
  }

  /**
   * Site admins only (guarded): 200 with the dataset as it was. Its files go with it unless a
   * copy still shares them; bytes nothing references any more are reclaimed.
   */
  async hardDelete(pk: number): Promise<DatasetView> {
    const before = await this.records.view(pk);
    const handles = await this.datasets.transaction(async (manager) => {
      const manifestId = await this.files.manifestForDelete(manager, pk);
      await this.datasets.hardDelete(manager, pk);
      return this.files.releaseManifest(manager, manifestId);
    });
    this.collector.reclaimLater(handles);
    return before;
  }

  /** Blanks every file's metadata (the core has no annotations to clear). */
  async clear(caller: Caller, pk: number): Promise<DatasetView> {
    await this.records.loadForWrite(caller, pk);
    await this.files.clearMetadata(pk);
    return this.records.view(pk);
  }

  /**
   * Copy as a new version (same name: the next version after the highest active one, under a
   * per-project lock so concurrent copies, even from several instances, never collide) or as a
   * new dataset (`new_name`: version 1). Needs write access: the copy lands in the source's
   * project (spec Part A 7).
   */
  async copy(caller: AuthUser, pk: number, options: CopyOptions): Promise<DatasetView> {
    const { dataset: source, teamId } = await this.records.loadForWrite(caller, pk);
    const newId = await this.datasets
      .transaction(async (manager) => {
        await this.datasets.lockProjectVersions(manager, source.projectId);
        let name = source.name;
        let version: number;
        let previousVersion: number;
        let slug: string;
        if (options.newName !== undefined) {
          name = options.newName;
          version = 1;
          previousVersion = -1;
          if (await this.datasets.activeNameTaken(manager, source.projectId, name, 1)) {
            throw new BadRequestError(`Bad name '${name}': New dataset name is already taken`);
          }
          slug =
            (await this.records.freeSlug(manager, teamId, name)) ??
            `tmp-${randomBytes(8).toString('hex')}`;
        } else {
          version = await this.nextVersion(manager, source.projectId, name);
          previousVersion = source.version;
          slug = source.slug; // Same lineage, same slug.
        }
        // Before the insert: this locks the source (FOR SHARE) and reads its manifest.
        const manifestId = await this.files.manifestForCopy(manager, source.id, options.onlyFiles);
        const id = await this.datasets.insert(manager, {
          manifestId,
          name,
          version,
          previousVersion,
          description: source.description,
          projectId: source.projectId,
          teamId,
          licenceId: source.licenceId,
          isPublic: source.isPublic,
          domainId: source.domainId,
          tags: source.tags,
          slug,
          summary: source.summary,
          creatorId: caller.id,
        });
        if (slug.startsWith('tmp-')) {
          await this.datasets.update(manager, id, { slug: `dataset-${id}` });
        }
        return id;
      })
      .catch((error: unknown) => {
        throw translateRace(error);
      });
    return this.records.view(newId);
  }

  /**
   * Replaces `pk` (write access) with a new version of its lineage holding exactly this record
   * and no files: numbered like a copy (highest active version + 1, previous_version = `pk`'s),
   * same slug. A new name renames the lineage first, so the new version stays in it.
   */
  async replace(
    caller: AuthUser,
    pk: number,
    record: DatasetRecordCommand,
    also?: AlsoInTransaction,
  ): Promise<DatasetView> {
    const { dataset: source, teamId } = await this.records.loadForWrite(caller, pk);
    const newId = await this.datasets
      .transaction(async (manager) => {
        await this.datasets.lockProjectVersions(manager, source.projectId);
        if (record.name !== source.name) {
          await this.records.renameLineage(manager, source, record.name);
        }
        const created = await this.datasets.insert(manager, {
          name: record.name,
          version: await this.nextVersion(manager, source.projectId, record.name),
          previousVersion: source.version,
          description: record.description,
          projectId: source.projectId,
          teamId,
          licenceId: record.licenceId,
          isPublic: record.isPublic,
          // Not part of the record a /v0 client sends: the lineage keeps it.
          domainId: source.domainId,
          tags: record.tags,
          slug: source.slug,
          summary: record.summary,
          creatorId: caller.id,
        });
        await also?.(manager, created);
        return created;
      })
      .catch((error: unknown) => {
        throw translateRace(error);
      });
    return this.records.view(newId);
  }

  /**
   * Soft-deletes every active version of `pk`'s lineage at one instant (team admins and site
   * admins): its slug is free for new datasets afterwards, and a site admin may reinstate
   * versions through /v1.
   */
  async destroyLineage(caller: Caller, pk: number): Promise<void> {
    const { dataset, teamId } = await this.records.loadFor(caller, pk, 'admin');
    await this.datasets.transaction((manager) =>
      this.datasets.softDeleteLineage(manager, teamId, dataset.slug),
    );
  }

  /** The number a new version of the lineage takes; the caller holds the project's version lock. */
  private async nextVersion(manager: EntityManager, projectId: number, name: string) {
    return (await this.datasets.maxActiveVersion(manager, projectId, name)) + 1;
  }

  /** Whether a copy of `pk` may be made at all, whatever its options: the copy's refusals. */
  async checkCopy(caller: Caller, pk: number): Promise<void> {
    await this.records.loadForWrite(caller, pk);
  }

  /** Whether these two may be merged at all, whatever the options: the merge's refusals. */
  async checkMerge(caller: Caller, targetPk: number, sourcePk: number): Promise<void> {
    const target = await this.records.loadForWrite(caller, targetPk);
    const source = await this.records.loadForWrite(caller, sourcePk);
    if (source.dataset.domainId !== target.dataset.domainId) {
      throw new MergeDisallowedError(
        'Expected to merge with a dataset of the same domain as the target',
      );
    }
  }

  /**
   * Merges `sourcePk`'s files into `targetPk` (write access to both), then optionally deletes
   * the source; all in one transaction. Hard-deleting the source needs a site admin, as every
   * hard delete does.
   */
  async merge(
    caller: AuthUser,
    targetPk: number,
    sourcePk: number,
    options: MergeOptions,
  ): Promise<DatasetView> {
    await this.checkMerge(caller, targetPk, sourcePk);
    if (options.delete && options.hard && !isSiteAdmin(caller)) {
      throw new PermissionDeniedError(
        'Hard deletion needs a site admin: merge with {"delete": true, "hard": false} to ' +
          'soft-delete the source instead. Nothing was merged.',
      );
    }
    if (targetPk === sourcePk) {
      return this.records.view(targetPk); // UFDL: self-merge changes nothing.
    }
    const reclaim = await this.datasets
      .transaction(async (manager) => {
        await this.files.mergeFiles(manager, sourcePk, targetPk);
        if (!options.delete) {
          return [];
        }
        if (options.hard) {
          const manifestId = await this.files.manifestForDelete(manager, sourcePk);
          await this.datasets.hardDelete(manager, sourcePk);
          return this.files.releaseManifest(manager, manifestId);
        }
        await this.datasets.softDelete(manager, sourcePk);
        return [];
      })
      .catch((error: unknown) => {
        throw translateRace(error);
      });
    this.collector.reclaimLater(reclaim);
    return this.records.view(targetPk);
  }
}

/** A file deleted (and its bytes collected) between reading and linking it. */
function translateRace(error: unknown): unknown {
  if (foreignKeyViolation(error)) {
    return new ConflictError('The dataset changed while it was being copied; please try again.');
  }
  if (uniqueViolation(error) !== undefined || exclusionViolation(error) !== undefined) {
    return new ConflictError('The dataset changed while it was being copied; please try again.');
  }
  return error;
}
