import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { EntityManager } from 'typeorm';
import {
  DatasetFilesService,
  FileNotFoundError,
  type FileDetailsChange,
} from '../dataset-files/dataset-files.service.js';
import type { SyncStatus } from './file-source.entity.js';
import { FileSourcesRepository, type SourceRow } from './file-sources.repository.js';
import { InvalidSourceError, SyncInProgressError } from './sources.errors.js';
import { SourceFetchQueue } from './source-fetch.queue.js';

export type { SyncStatus };

/** The longest URL a source may have. */
export const MAX_SOURCE_URL_LENGTH = 4096;
/** Retry-After bounds for a refused sync, in seconds. */
const RETRY_AFTER_MIN = 1;
const RETRY_AFTER_MAX = 30;

/** A file of a dataset whose bytes are to come from `url`. */
export interface SourceSpec {
  readonly filename: string;
  readonly url: string;
  /** Store a fetched zip's entries rather than the zip (default false). */
  readonly expandArchive?: boolean;
  /** The file's description and labels (undefined: leave as they are, null: clear). */
  readonly description?: string | null;
  readonly labels?: readonly string[] | null;
}

/** A {@link SourceSpec} as checked: its URL and archive flag settled, its details as given. */
interface CheckedSpec {
  readonly url: string;
  readonly expandArchive: boolean;
  readonly description?: string | null;
  readonly labels?: readonly string[] | null;
}

/** A sourced file and how its fetching went. Dates are absent when it never happened. */
export interface SourceView {
  readonly filename: string;
  readonly url: string;
  readonly expandArchive: boolean;
  readonly syncStatus: SyncStatus;
  /** A fetch is queued or running. */
  readonly syncPending: boolean;
  readonly lastSyncStart: Date | undefined;
  readonly lastSyncSuccess: Date | undefined;
  readonly lastSyncFailure: Date | undefined;
  /** Why the last fetch failed; absent after a success. */
  readonly syncSummary: string | undefined;
  /** What the file will be described as once fetched (kept alike with the file after). */
  readonly description: string | null;
  readonly labels: readonly string[] | null;
  readonly created: Date;
  readonly updated: Date;
}

/**
 * A dataset's status derived from its sources: INPROGRESS while a fetch runs (or is queued
 * after an earlier one), else SYSTEMERROR when the last fetch of some file failed, else NEW
 * while some file was never fetched, else LOADED (a dataset without sources is LOADED).
 */
export type DatasetSyncStatus = 'NEW' | 'INPROGRESS' | 'SYSTEMERROR' | 'LOADED';

/**
 * URL sources of dataset files: which files of a dataset version come from where, fetching
 * them in the background, and how that went. Callers have authorised the caller and resolved
 * the dataset version already; nothing here checks access.
 */
@Injectable()
export class SourcesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: FileSourcesRepository,
    private readonly queue: SourceFetchQueue,
    private readonly files: DatasetFilesService,
  ) {}

  /**
   * Sets the sources of these files of a dataset and queues a fetch of each one that is new or
   * points elsewhere than before (others are left alone, queued or not). `replace`: sources of
   * files not named here are dropped (their fetched files stay, as files of the dataset).
   */
  async setSources(
    datasetId: number,
    specs: readonly SourceSpec[],
    options: { replace?: boolean } = {},
  ): Promise<SourceView[]> {
    const wanted = this.checkSpecs(specs);
    await this.sources.transaction((manager) =>
      this.setSourcesIn(manager, datasetId, wanted, options),
    );
    return this.listSources(datasetId);
  }

  /**
   * A /v0 request's files, all or none: the sourced ones added or re-pointed
   * ({@link setSources}), the others given their description and labels
   * ({@link setFileDetails}; a name that is neither a file nor a source changes nothing).
   */
  async applyFiles(
    datasetId: number,
    sourced: readonly SourceSpec[],
    details: readonly { name: string; change: FileDetailsChange }[],
  ): Promise<void> {
    await this.sources.transaction((manager) =>
      this.applyFilesIn(manager, datasetId, sourced, details),
    );
  }

  /** {@link applyFiles} in the caller's transaction (one that writes the dataset too). */
  async applyFilesIn(
    manager: EntityManager,
    datasetId: number,
    sourced: readonly SourceSpec[],
    details: readonly { name: string; change: FileDetailsChange }[],
  ): Promise<void> {
    if (sourced.length > 0) {
      await this.setSourcesIn(manager, datasetId, this.checkSpecs(sourced), {});
    }
    for (const { name, change } of details) {
      await this.setDetailsIn(manager, datasetId, name, change);
    }
  }

  private async setSourcesIn(
    manager: EntityManager,
    datasetId: number,
    wanted: Map<string, CheckedSpec>,
    options: { replace?: boolean },
  ): Promise<void> {
    // Every writer of sources and files locks the dataset row first (see setDetailsIn).
    await this.files.lockDataset(manager, datasetId);
    const current = new Map(
      (await this.sources.lockForDataset(manager, datasetId)).map((row) => [row.filename, row]),
    );
    const toFetch: number[] = [];
    for (const [filename, spec] of wanted) {
      const row = current.get(filename);
      if (row === undefined) {
        toFetch.push(await this.sources.insert(manager, datasetId, { filename, ...spec }));
      } else if (row.url !== spec.url || row.expandArchive !== spec.expandArchive) {
        await this.sources.repoint(manager, row.id, spec);
        toFetch.push(row.id);
      }
      // Also onto a file of that name the dataset has already (fetched, or uploaded before).
      if (spec.description !== undefined || spec.labels !== undefined) {
        await this.setDetailsIn(manager, datasetId, filename, spec);
      }
    }
    if (options.replace) {
      const dropped = [...current.values()].filter((row) => !wanted.has(row.filename));
      await this.sources.delete(
        manager,
        dropped.map((row) => row.id),
      );
    }
    await this.enqueue(manager, toFetch);
  }

  /**
   * The refusals {@link setSources} would give these specs ({@link InvalidSourceError}), for
   * callers that check before they write anything else; the specs by normalised file name.
   */
  checkSpecs(specs: readonly SourceSpec[]): Map<string, CheckedSpec> {
    const wanted = new Map<string, CheckedSpec>();
    for (const spec of specs) {
      const filename = this.checkedName(spec.filename);
      if (wanted.has(filename)) {
        throw new InvalidSourceError(`The file '${filename}' is named more than once.`);
      }
      if (spec.expandArchive === true) {
        // Unpacking a fetched zip is not built yet; refusing beats storing the zip silently.
        throw new InvalidSourceError('expandArchive is not supported for URL sources yet.');
      }
      wanted.set(filename, {
        url: checkedUrl(spec.url),
        expandArchive: spec.expandArchive ?? false,
        description: spec.description,
        labels: spec.labels,
      });
    }
    return wanted;
  }

  /**
   * Files named here are no longer sourced (an upload replaced them), in the caller's
   * transaction, which holds the dataset row's lock (the order every writer locks in).
   */
  async removeSourcesIn(
    manager: EntityManager,
    datasetId: number,
    filenames: readonly string[],
  ): Promise<void> {
    await this.sources.deleteByNames(manager, datasetId, filenames);
  }

  /**
   * Deletes these files of the dataset and their sources, all or none: a name that is neither
   * a file nor a sourced file (one not fetched yet has no bytes) is {@link FileNotFoundError}.
   */
  async deleteFiles(datasetId: number, filenames: readonly string[]): Promise<void> {
    const names = [...new Set(filenames)];
    const handles = await this.sources.transaction(async (manager) => {
      // The dataset row first, as every writer of files and sources does; then the sources,
      // as sync locks them: a fetch queued meanwhile sees its source gone.
      await this.files.lockDataset(manager, datasetId);
      const rows = await this.sources.lockForDataset(manager, datasetId);
      const { missing, handles } = await this.files.deleteFilesIn(manager, datasetId, names);
      const sourced = new Set(rows.map((row) => row.filename));
      const unknown = missing.find((name) => !sourced.has(name));
      if (unknown !== undefined) {
        throw new FileNotFoundError(unknown);
      }
      const wanted = new Set(names);
      await this.sources.delete(
        manager,
        rows.filter((row) => wanted.has(row.filename)).map((row) => row.id),
      );
      return handles;
    });
    this.files.reclaimLater(handles);
  }

  /**
   * Queues a fetch of every sourced file of the dataset. Refused with
   * {@link SyncInProgressError} while a fetch of any of them is queued or running.
   */
  async sync(datasetId: number): Promise<void> {
    await this.sources.transaction(async (manager) => {
      // Locked: of two syncs at once, the second sees the first's jobs.
      const rows = await this.sources.lockForDataset(manager, datasetId);
      const pending = rows.filter((row) => row.syncJobId !== null);
      if (pending.length > 0) {
        throw new SyncInProgressError(this.retryAfterSeconds(pending));
      }
      await this.enqueue(
        manager,
        rows.map((row) => row.id),
      );
    });
  }

  async listSources(datasetId: number): Promise<SourceView[]> {
    return (await this.sources.listForDataset(datasetId)).map(toView);
  }

  /** {@link listSources} of several datasets in one query (each present, maybe empty). */
  async listSourcesOf(datasetIds: readonly number[]): Promise<Map<number, SourceView[]>> {
    const views = new Map(datasetIds.map((id) => [id, [] as SourceView[]]));
    for (const row of await this.sources.listForDatasets(datasetIds)) {
      views.get(row.datasetId)!.push(toView(row));
    }
    return views;
  }

  /**
   * Sets the description and/or labels (undefined: leave, null: clear) of the dataset's file
   * of that name, fetched or not: on the file and on its source, whichever exist, bumping their
   * updated times and the dataset's modification time. False, changing nothing, when neither
   * exists.
   */
  async setFileDetails(
    datasetId: number,
    name: string,
    details: { description?: string | null; labels?: readonly string[] | null },
  ): Promise<boolean> {
    return this.sources.transaction((manager) =>
      this.setDetailsIn(manager, datasetId, name, details),
    );
  }

  private async setDetailsIn(
    manager: EntityManager,
    datasetId: number,
    name: string,
    details: FileDetailsChange,
  ): Promise<boolean> {
    const change = { description: details.description, labels: details.labels };
    // The dataset row before the source's: the fetch worker records a file under that lock and
    // reads the source's details there, so it sees these or its file gets them below.
    await this.files.lockDataset(manager, datasetId);
    const sourced = await this.sources.setDetails(manager, datasetId, name, change);
    const stored = await this.files.setDetails(manager, datasetId, name, change);
    if (sourced && !stored) {
      await this.files.markModified(manager, datasetId);
    }
    return sourced || stored;
  }

  /** The derived status of the dataset (see {@link DatasetSyncStatus}). */
  async datasetStatus(datasetId: number): Promise<DatasetSyncStatus> {
    return datasetStatusOf(await this.listSources(datasetId));
  }

  private async enqueue(
    manager: Parameters<SourceFetchQueue['enqueue']>[0],
    ids: number[],
  ): Promise<void> {
    if (ids.length > 0) {
      await this.sources.setJobs(manager, ids, await this.queue.enqueue(manager, ids));
    }
  }

  private checkedName(raw: string): string {
    let name;
    try {
      name = this.files.normalise(raw);
    } catch (error) {
      throw error instanceof DomainError ? new InvalidSourceError(error.message) : error;
    }
    if (name.kind !== 'file') {
      throw new InvalidSourceError(`A sourced file needs a file name, not a directory: '${raw}'.`);
    }
    return name.name;
  }

  /** Until the running fetches must have ended, within bounds a client can wait. */
  private retryAfterSeconds(pending: SourceRow[]): number {
    const ends = pending
      .filter((row) => row.syncStatus === 'INPROGRESS' && row.lastSyncStart !== null)
      .map((row) => row.lastSyncStart!.getTime() + this.config.sources.fetchTimeoutMs);
    const remaining = ends.length > 0 ? Math.ceil((Math.max(...ends) - Date.now()) / 1000) : 0;
    return Math.min(RETRY_AFTER_MAX, Math.max(RETRY_AFTER_MIN, remaining));
  }
}

function checkedUrl(raw: string): string {
  if (raw.length > MAX_SOURCE_URL_LENGTH) {
    throw new InvalidSourceError(
      `A source URL may be at most ${MAX_SOURCE_URL_LENGTH} characters long.`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidSourceError(`Not a valid URL: '${raw}'.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidSourceError(`A source URL must be http or https: '${raw}'.`);
  }
  return raw;
}

/** The status of a dataset with these sources (see {@link DatasetSyncStatus}). */
export function datasetStatusOf(views: readonly SourceView[]): DatasetSyncStatus {
  const some = (status: SyncStatus) => views.some((view) => view.syncStatus === status);
  if (some('INPROGRESS')) {
    return 'INPROGRESS';
  }
  if (some('SYSTEMERROR')) {
    return 'SYSTEMERROR';
  }
  return some('NEW') ? 'NEW' : 'LOADED';
}

/**
 * A fetch queued after an earlier one ended shows as INPROGRESS: a client polling after a
 * sync must not take the earlier outcome (OK or SYSTEMERROR) for the new one's.
 */
function shownStatus(row: SourceRow): SyncStatus {
  return row.syncJobId !== null && row.syncStatus !== 'NEW' ? 'INPROGRESS' : row.syncStatus;
}

function toView(row: SourceRow): SourceView {
  return {
    filename: row.filename,
    url: row.url,
    expandArchive: row.expandArchive,
    syncStatus: shownStatus(row),
    syncPending: row.syncJobId !== null,
    lastSyncStart: row.lastSyncStart ?? undefined,
    lastSyncSuccess: row.lastSyncSuccess ?? undefined,
    lastSyncFailure: row.lastSyncFailure ?? undefined,
    syncSummary: row.syncSummary ?? undefined,
    description: row.description,
    labels: row.labels,
    created: row.createdAt,
    updated: row.updatedAt,
  };
}
