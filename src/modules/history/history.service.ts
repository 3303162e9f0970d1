import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/auth-user.js';
import { BadRequestError } from '../../common/errors/domain-error.js';
import { DatasetFilesService, type FileChange } from '../dataset-files/dataset-files.service.js';
import { DatasetsService, type LineageVersion } from '../datasets/datasets.service.js';

/** A version of a lineage with what its files add up to. */
export interface HistoryVersion extends LineageVersion {
  readonly fileCount: number;
  readonly totalBytes: number;
}

/** A lineage: its project and name, and its versions the caller may read, oldest first. */
export interface DatasetHistory {
  readonly projectId: number;
  readonly name: string;
  readonly versions: readonly HistoryVersion[];
}

/** One page of the changes from one version to another. */
export interface DatasetDiff {
  readonly fromId: number;
  readonly toId: number;
  readonly changes: readonly FileChange[];
  /** The key to continue after (`after`) when more changes follow; undefined on the last page. */
  readonly next: string | undefined;
}

export type { FileChange };

/** Largest page of a diff: the changes a caller holds at once. */
export const DIFF_MAX_LIMIT = 10_000;
export const DIFF_DEFAULT_LIMIT = 1000;

/** The key a change is ordered and paged by: its new name, or its old one for a removal. */
export function changeKey(change: FileChange): string {
  return change.newName ?? change.oldName!;
}

/**
 * What a consumer mirroring datasets needs after hearing of a change: the versions of a lineage
 * and what changed between two of them. Read-only; every permission comes from
 * DatasetsService's read rule.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly files: DatasetFilesService,
  ) {}

  async history(caller: Caller, pk: number): Promise<DatasetHistory> {
    const { dataset, versions } = await this.datasets.lineage(caller, pk);
    const totals = new Map(
      (await this.files.fileTotalsOf(versions.map((version) => version.id))).map((row) => [
        row.datasetId,
        row,
      ]),
    );
    return {
      projectId: dataset.projectId,
      name: dataset.name,
      // A version hard-deleted between the two queries has no totals: it is history no more.
      versions: versions.flatMap((version) => {
        const total = totals.get(version.id);
        return total ? [{ ...version, fileCount: total.files, totalBytes: total.bytes }] : [];
      }),
    };
  }

  /**
   * The changes from version `fromPk` to version `toPk` of one lineage, a page of `limit` after
   * the key `after`. Both must be readable by the caller (refused as a read of either would
   * be); versions of different lineages are a bad request, not an empty diff.
   */
  async diff(
    caller: Caller,
    toPk: number,
    fromPk: number,
    page: { after?: string; limit: number },
  ): Promise<DatasetDiff> {
    const to = await this.datasets.loadForRead(caller, toPk);
    const from = await this.datasets.loadForRead(caller, fromPk);
    if (to.dataset.projectId !== from.dataset.projectId || to.dataset.name !== from.dataset.name) {
      throw new BadRequestError(
        `Datasets ${fromPk} and ${toPk} are not versions of one dataset (same project and name).`,
      );
    }
    // One row more than the page tells whether another page follows.
    const changes = await this.files.diff(fromPk, toPk, { ...page, limit: page.limit + 1 });
    const more = changes.length > page.limit;
    if (more) {
      changes.length = page.limit;
    }
    return {
      fromId: fromPk,
      toId: toPk,
      changes,
      next: more ? changeKey(changes[changes.length - 1]) : undefined,
    };
  }
}
