import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BadRequestError, NotFoundError } from '../../common/errors/domain-error.js';
import { firstBatch, type BatchedAnswer } from '../../database/cursor.js';
import { BlobCollectorService } from './blob-collector.service.js';
import {
  DatasetFilesRepository,
  FileListFingerprint,
  type ArchiveSummary,
  type FileChangeRow,
  type FileRow,
  type FileTotalsRow,
  type LocalRecordLayout,
  type NewFileDetails,
} from './dataset-files.repository.js';
import type { FileDetailsChange } from './file-details.js';
import { badName, normaliseFilename, parentPrefixes, type NormalisedName } from './filename.js';
import { forEachIndex, IO_CONCURRENCY, type StagedFiles } from './staged-files.js';

/** A file a deletion removed from a dataset: its name and its blob (reclaimed once unreferenced). */
export interface RemovedFile {
  readonly name: string;
  readonly handle: string;
}

export type StoredFile = FileRow;
export type { FileDetailsChange };

/** A file as data.world describes it: `/v1` shows none of these but name, handle and size. */
export interface FileDetails {
  readonly name: string;
  readonly handle: string;
  readonly size: number;
  /** When a file of this name was first added (a replace keeps it; copies carry it). */
  readonly created: Date;
  /** When its bytes, metadata or details last changed. */
  readonly updated: Date;
  readonly description: string | null;
  readonly labels: readonly string[] | null;
}
export type { ArchiveSummary, LocalRecordLayout };
export type FileChange = FileChangeRow;
export type FileTotals = FileTotalsRow;

/** Rows per listing query: an archive of any size holds about this many in memory. */
const LISTING_PAGE_ROWS = 5000;

/** The files of an archive changed while it was being written (they are not as summarised). */
export class FilesChangedError extends Error {
  constructor() {
    super("The dataset's files changed while the archive was being written");
    this.name = 'FilesChangedError';
  }
}

/** A file the caller named is not in the dataset (where that is a 404, not UFDL's bad name). */
export class FileNotFoundError extends NotFoundError {
  constructor(readonly filename: string) {
    super(`The file '${filename}' is not in this dataset.`);
  }
}

/** A soft-deleted dataset is read-only until a site admin reinstates it (spec Part A 20). */
export class DatasetDeletedError extends BadRequestError {
  constructor(pk: number) {
    super(
      `Dataset ${pk} is deleted: its files and metadata cannot change, and it cannot be ` +
        'copied or merged, until a site admin reinstates it.',
    );
  }
}

/**
 * The files of dataset versions: references from a dataset to stored blobs, with their names
 * and metadata. No HTTP and no access checks here: callers have authorised the caller already.
 *
 * A dataset's files are those of its manifest, which copies of it share (copy-on-write): every
 * write to a dataset's files or their metadata goes through ensureOwnManifest first, in the
 * writing transaction, so it never changes what another dataset sees.
 */
@Injectable()
export class DatasetFilesService {
  constructor(
    private readonly files: DatasetFilesRepository,
    private readonly collector: BlobCollectorService,
  ) {}

  /** The `files` map of each dataset (filename -> handle), in the order the files were added. */
  async filesMaps(datasetIds: number[]): Promise<Map<number, Map<string, string>>> {
    const maps = new Map(datasetIds.map((id) => [id, new Map<string, string>()]));
    for (const row of await this.files.namesAndHandles(datasetIds)) {
      maps.get(row.datasetId)!.set(row.filename, row.handle);
    }
    return maps;
  }

  /** File count and total bytes of each dataset (a dataset gone meanwhile is left out). */
  fileTotalsOf(datasetIds: readonly number[]): Promise<FileTotals[]> {
    return this.files.fileTotalsOf(datasetIds);
  }

  /**
   * A page of the differences between two datasets' files, in byte order of each change's key
   * (see DatasetFilesRepository.diff); `limit` + 1 may be asked to learn whether more follow.
   */
  diff(
    fromDatasetId: number,
    toDatasetId: number,
    page: { after?: string; limit: number },
  ): Promise<FileChange[]> {
    return this.files.diff(fromDatasetId, toDatasetId, page);
  }

  /** The dataset's files with their details, in manifest order. */
  async fileDetails(datasetId: number): Promise<FileDetails[]> {
    return (await this.fileDetailsOf([datasetId])).get(datasetId)!;
  }

  /** {@link fileDetails} of several datasets in one query (each present, maybe empty). */
  async fileDetailsOf(datasetIds: readonly number[]): Promise<Map<number, FileDetails[]>> {
    const details = new Map(datasetIds.map((id) => [id, [] as FileDetails[]]));
    for (const { datasetId, ...file } of await this.files.fileDetailsOf(datasetIds)) {
      details.get(datasetId)!.push(file);
    }
    return details;
  }

  /**
   * Sets a file's description and/or labels in the caller's transaction (undefined leaves one,
   * null clears it), with its updated_at and the dataset's modification time; false, changing
   * nothing, when the dataset has no file of that name.
   */
  async setDetails(
    manager: EntityManager,
    datasetId: number,
    filename: string,
    details: FileDetailsChange,
  ): Promise<boolean> {
    // As setMetadata: a missing name costs no copy of a shared manifest.
    if (!(await this.files.findFile(datasetId, filename, manager))) {
      return false;
    }
    const manifestId = await this.ensureOwnManifest(manager, datasetId);
    return this.files.setDetails(manager, manifestId, filename, details);
  }

  /**
   * Locks the dataset row for a write until the caller's transaction ends, as every write to
   * its files does first (ensureOwnManifest): a writer that must lock other rows as well takes
   * this first, so that all of them lock in one order.
   */
  async lockDataset(manager: EntityManager, datasetId: number): Promise<void> {
    if ((await this.files.lockManifestOf(manager, datasetId, 'update')) === undefined) {
      throw new NotFoundError();
    }
  }

  /** Records, in the caller's transaction, that the dataset changed now. */
  markModified(manager: EntityManager, datasetId: number): Promise<void> {
    return this.files.markModified(manager, datasetId);
  }

  /** Checks a requested name before any byte is read, so a bad name costs no upload. */
  normalise(raw: string): NormalisedName {
    return normaliseFilename(raw);
  }

  /**
   * Adds staged blobs to a dataset under their requested names, all or nothing, in one
   * transaction; the bytes become readable before the references do. The name each entry got is
   * recorded in `staged`, in entry order (see StagedFiles.added).
   *
   * Work that grows with the number of entries happens outside the dataset's row lock: the
   * staged bytes are made durable (many fsyncs in flight at once) before the transaction, and
   * inside it the blobs are claimed (their rows locked, in handle order) and moved into place
   * first. The dataset row is locked last, for the names and the file rows. All of it goes a
   * chunk of entries at a time, holding only that chunk's objects: a later chunk's names are
   * judged against the rows the earlier ones inserted (set-based, under the dataset's lock).
   */
  async addStaged(datasetId: number, staged: StagedFiles, options: AddOptions = {}): Promise<void> {
    const distinct = staged.byHandle();
    /** Blobs that files replaced in place referenced before. */
    const replaced: string[] = [];
    /** Blobs of `distinct` before this position were made readable by this attempt... */
    let committedBefore = 0;
    /** ...and these of the chunk at that position. */
    const committing: string[] = [];
    try {
      await forEachIndex(distinct.length, IO_CONCURRENCY, (k) => staged.sync(distinct[k]));
      await this.files.transaction(
        async (manager) => {
          // Every uploader claims blobs before it locks the dataset, so two never deadlock; in
          // handle order over the whole upload, whatever the chunks.
          for (let start = 0; start < distinct.length; start += RECORD_CHUNK_ENTRIES) {
            const chunk = distinct.subarray(start, start + RECORD_CHUNK_ENTRIES);
            await this.files.claimBlobs(
              manager,
              Array.from(chunk, (index) => staged.blob(index)),
            );
            committing.length = 0;
            await forEachIndex(chunk.length, IO_CONCURRENCY, async (k) => {
              committing.push(await staged.commit(chunk[k]));
            });
            committedBefore = start + chunk.length;
          }
          const manifestId = await this.ensureOwnManifest(manager, datasetId);
          const details =
            typeof options.details === 'function'
              ? await options.details(manager)
              : options.details;
          for (let start = 0; start < staged.length; start += RECORD_CHUNK_ENTRIES) {
            const entries: StagedEntry[] = [];
            for (let i = start; i < Math.min(start + RECORD_CHUNK_ENTRIES, staged.length); i += 1) {
              const requested = staged.requestedName(i);
              entries.push({
                name: this.normalise(requested),
                requested,
                handle: staged.handle(i),
              });
            }
            const firstName = staged.filenameCount();
            const inPlace = options.replace
              ? await this.files.existingNames(
                  manager,
                  manifestId,
                  entries.flatMap(({ name }) => (name.kind === 'file' ? [name.name] : [])),
                )
              : new Set<string>();
            const isNew = (entry: StagedEntry) =>
              entry.name.kind !== 'file' || !inPlace.has(entry.name.name);
            const fresh = entries.filter(isNew);
            const freshNames = await this.resolveNames(manager, manifestId, fresh);
            await this.files.insertMany(
              manager,
              manifestId,
              fresh.map((entry, k) => ({
                filename: freshNames[k],
                handle: entry.handle,
                metadata: '',
              })),
              details,
            );
            // The last entry of a name wins, as it would one upload after another.
            const replacing = new Map<string, string>();
            let nextFresh = 0;
            for (const entry of entries) {
              if (isNew(entry)) {
                staged.addFilename(freshNames[nextFresh]);
                nextFresh += 1;
              } else {
                const { name } = entry.name as { name: string };
                const overtaken = replacing.get(name);
                if (overtaken !== undefined) {
                  replaced.push(overtaken); // Its bytes were published, and are now no one's.
                }
                replacing.set(name, entry.handle);
                staged.addFilename(name);
              }
            }
            replaced.push(
              ...(await this.files.replaceBlobs(
                manager,
                manifestId,
                [...replacing].map(([filename, handle]) => ({ filename, handle })),
              )),
            );
            await options.onRecorded?.(manager, staged.filenamesFrom(firstName));
          }
          // Not retried: bytes published by a failed attempt may be collected before a retry
          // could reference them again.
        },
        { retry: false },
      );
    } catch (error) {
      // Bytes this attempt made readable may now be referenced by nothing.
      const handles = Array.from(distinct.subarray(0, committedBefore), (index) =>
        staged.handle(index),
      );
      this.collector.reclaimLater([...handles, ...committing]);
      throw error;
    }
    // Collected only if nothing references them any more (a copy may still).
    this.collector.reclaimLater(replaced);
  }

  async getFile(datasetId: number, filename: string): Promise<StoredFile> {
    const file = await this.findFile(datasetId, filename);
    if (!file) {
      throw badName(filename, "Doesn't exist");
    }
    return file;
  }

  /** The dataset's file of exactly this name, if it has one (no name rules applied). */
  findFile(datasetId: number, filename: string): Promise<StoredFile | undefined> {
    return this.files.findFile(datasetId, filename);
  }

  async getFileByHandle(datasetId: number, handle: string): Promise<StoredFile> {
    const file = /^[0-9a-f]{64}$/.test(handle)
      ? await this.files.findFileByHandle(datasetId, handle)
      : undefined;
    if (!file) {
      throw badName(handle, "Doesn't exist");
    }
    return file;
  }

  async deleteFile(datasetId: number, filename: string): Promise<RemovedFile> {
    const removed = await this.files.transaction(async (manager) => {
      // Looked up first so that a name that isn't there costs no copy of a shared manifest.
      if (!(await this.files.findFile(datasetId, filename, manager))) {
        throw badName(filename, "Doesn't exist");
      }
      const manifestId = await this.ensureOwnManifest(manager, datasetId);
      const handle = await this.files.deleteFile(manager, manifestId, filename);
      if (handle === undefined) {
        throw badName(filename, "Doesn't exist"); // Deleted meanwhile.
      }
      return { name: filename, handle };
    });
    // Collected only if no manifest references it any more (a copy may still).
    this.collector.reclaimLater([removed.handle]);
    return removed;
  }

  /**
   * Deletes those of `names` that are files of the dataset, in the caller's transaction, and
   * answers the names that were not (the caller decides whether that undoes the rest) and the
   * blobs of the deleted files, for {@link reclaimLater} once the transaction has committed.
   */
  async deleteFilesIn(
    manager: EntityManager,
    datasetId: number,
    names: readonly string[],
  ): Promise<{ missing: string[]; handles: string[] }> {
    const locked = await this.files.lockManifestOf(manager, datasetId, 'update');
    if (locked === undefined) {
      throw new NotFoundError();
    }
    const existing = await this.files.existingNames(manager, locked.manifestId, [...names]);
    const missing = names.filter((name) => !existing.has(name));
    if (existing.size === 0) {
      return { missing, handles: [] }; // No copy of a shared manifest for nothing to delete.
    }
    const manifestId = await this.ensureOwnManifest(manager, datasetId);
    return { missing, handles: await this.files.deleteFiles(manager, manifestId, [...existing]) };
  }

  /** Blobs no longer referenced by a committed write are collected unless another file has them. */
  reclaimLater(handles: readonly string[]): void {
    this.collector.reclaimLater(handles);
  }

  async setMetadata(datasetId: number, filename: string, metadata: string): Promise<void> {
    await this.files.transaction(async (manager) => {
      // As deleteFile: no copy of a shared manifest for a missing name, nor for no change.
      const file = await this.files.findFile(datasetId, filename, manager);
      if (!file) {
        throw badName(filename, "Doesn't exist");
      }
      if (file.metadata === metadata) {
        return;
      }
      const manifestId = await this.ensureOwnManifest(manager, datasetId);
      if (!(await this.files.setMetadata(manager, manifestId, filename, metadata))) {
        throw badName(filename, "Doesn't exist"); // Deleted meanwhile.
      }
    });
  }

  async getMetadata(datasetId: number, filename: string): Promise<string> {
    return (await this.getFile(datasetId, filename)).metadata;
  }

  /**
   * Every file's `[filename, metadata]`, in the order the files were added: the first batch,
   * read before this resolves, and the rest, if any, to be read.
   */
  allMetadata(datasetId: number): Promise<BatchedAnswer<[string, string]>> {
    return firstBatch(this.files.metadataBatches(datasetId));
  }

  /** Totals for an archive of a dataset's files, from one snapshot; undefined when it is gone. */
  archiveSummary(
    datasetId: number,
    layout: LocalRecordLayout,
  ): Promise<ArchiveSummary | undefined> {
    return this.files.archiveSummary(datasetId, layout);
  }

  /**
   * The summarised files in insertion order, listed a page at a time (the next page is asked
   * for while this one is consumed), so memory stays bounded however many there are, and no
   * connection or snapshot is held while a slow client downloads. Pages come from different
   * snapshots: a listing that ends unlike the summary throws {@link FilesChangedError}.
   */
  async *archiveFiles(summary: ArchiveSummary): AsyncGenerator<StoredFile> {
    const listed = new FileListFingerprint();
    let page = this.files.filesPage(summary.manifestId, '0', LISTING_PAGE_ROWS);
    for (;;) {
      const rows = await page;
      const full = rows.length === LISTING_PAGE_ROWS;
      if (full) {
        page = this.files.filesPage(
          summary.manifestId,
          rows[rows.length - 1].id,
          LISTING_PAGE_ROWS,
        );
        // Failures surface when the page is awaited; until then it is handled here.
        page.catch(() => undefined);
      }
      for (const row of rows) {
        listed.add(row);
        yield row;
      }
      if (!full) {
        break;
      }
    }
    if (!listed.matches(summary)) {
      throw new FilesChangedError();
    }
  }

  /**
   * The names new files take, in order, or the UFDL clash error of the first entry that has
   * one; called under the dataset's lock. Each entry is judged as if the entries before it were
   * already added, as adding them one by one would; what the manifest holds is asked in a few
   * set-based queries rather than several per entry.
   */
  private async resolveNames(
    manager: EntityManager,
    manifestId: number,
    entries: { name: NormalisedName; requested: string }[],
  ): Promise<string[]> {
    const asked = new Set<string>();
    const fileNames: string[] = [];
    for (const { name } of entries) {
      const path = name.kind === 'file' ? name.name : name.prefix;
      if (path !== '') {
        asked.add(path);
        parentPrefixes(path).forEach((prefix) => asked.add(prefix));
      }
      if (name.kind === 'file') {
        fileNames.push(name.name);
      }
    }
    const existing = await this.files.existingNames(manager, manifestId, [...asked]);
    const existingDirs = await this.files.namesWithFilesUnder(manager, manifestId, fileNames);
    const added = new Set<string>();
    const addedDirs = new Set<string>();
    /** Per directory ('' for the top), the numbers `dir/<digits>` the batch has taken. */
    const addedNumbers = new Map<string, Set<number>>();
    const isName = (name: string) => existing.has(name) || added.has(name);
    const numbersIn = new Map<string, Set<number>>();

    const resolved: string[] = [];
    for (const { name, requested } of entries) {
      let filename: string;
      let hasFilesUnder: boolean;
      if (name.kind === 'directory') {
        // `dir/` means "a new file in dir": the smallest free number.
        if (name.prefix !== '' && isName(name.prefix)) {
          throw badName(requested, 'Directory prefix is already a filename');
        }
        let used = numbersIn.get(name.prefix);
        if (!used) {
          used = await this.files.numberedNames(manager, manifestId, name.prefix);
          numbersIn.set(name.prefix, used);
        }
        const taken = addedNumbers.get(name.prefix);
        let n = 1;
        while (used.has(n) || taken?.has(n)) {
          n += 1;
        }
        filename = name.prefix ? `${name.prefix}/${n}` : `${n}`;
        hasFilesUnder = await this.files.hasFileUnder(manager, manifestId, filename);
      } else {
        filename = name.name;
        hasFilesUnder = existingDirs.has(filename);
      }
      const parents = parentPrefixes(filename);
      if (isName(filename)) {
        throw badName(filename, 'Filename already in use');
      }
      if (hasFilesUnder || addedDirs.has(filename)) {
        throw badName(filename, 'Filename is already a directory prefix');
      }
      if (parents.some(isName)) {
        throw badName(filename, 'Directory prefix is already a filename');
      }
      added.add(filename);
      parents.forEach((prefix) => addedDirs.add(prefix));
      const slash = filename.lastIndexOf('/');
      const last = filename.slice(slash + 1);
      if (/^[0-9]+$/.test(last)) {
        const dir = slash < 0 ? '' : filename.slice(0, slash);
        const numbers = addedNumbers.get(dir) ?? new Set<number>();
        numbers.add(Number(last));
        addedNumbers.set(dir, numbers);
      }
      resolved.push(filename);
    }
    return resolved;
  }

  /**
   * Makes the dataset's manifest its own before a write to its files, in the caller's
   * transaction, and answers the manifest to write to: the same one when no other dataset row
   * (soft-deleted ones included: they can be reinstated) uses it, else a copy of its rows, in
   * their order, that the dataset is moved to. Marks the dataset modified now.
   *
   * The dataset row stays locked FOR UPDATE until the transaction ends. That serialises the
   * writers of one dataset, and makes a copy of it (which takes FOR SHARE, see manifestForCopy)
   * wait for the write, or the write wait for the copy and then see the manifest as shared. The
   * manifest row is locked as well, so that two datasets sharing it, written at once, decide one
   * after the other: the second sees the first's move and writes in place, rather than both
   * copying and leaving the old manifest to no one (its blobs would never be collected).
   */
  async ensureOwnManifest(manager: EntityManager, datasetId: number): Promise<number> {
    const locked = await this.files.lockManifestOf(manager, datasetId, 'update');
    if (locked === undefined) {
      throw new NotFoundError(); // Hard-deleted since it was loaded.
    }
    if (locked.deleted) {
      throw new DatasetDeletedError(datasetId); // Soft-deleted since it was loaded.
    }
    const { manifestId } = locked;
    // Every write to a dataset's files comes through here, under the row lock just taken.
    await this.files.markModified(manager, datasetId);
    await this.files.lockManifest(manager, manifestId);
    if (!(await this.files.manifestUsed(manager, manifestId, datasetId))) {
      return manifestId;
    }
    const own = await this.files.createManifest(manager);
    await this.files.copyManifest(manager, manifestId, own);
    await this.files.pointDatasetAt(manager, datasetId, own);
    return own;
  }

  /**
   * The manifest a copy of `sourceId` starts with, in the copy's transaction: the source's own,
   * shared, so no file row moves; or with `only`, a new one holding just those files (in order).
   *
   * The source row is locked FOR SHARE until the copy commits, which orders the copy with any
   * write to the source's files (ensureOwnManifest locks the same row FOR UPDATE): a write in
   * progress finishes first and the copy sees its result; a write that comes later waits for
   * the copy to commit, then finds the manifest shared and moves the source to a copy of it, so
   * it never changes the new dataset's files.
   */
  async manifestForCopy(
    manager: EntityManager,
    sourceId: number,
    only?: string[],
  ): Promise<number> {
    const locked = await this.files.lockManifestOf(manager, sourceId, 'share');
    if (locked === undefined) {
      throw new NotFoundError();
    }
    if (locked.deleted) {
      throw new DatasetDeletedError(sourceId);
    }
    const { manifestId } = locked;
    if (only === undefined) {
      return manifestId;
    }
    const subset = await this.files.createManifest(manager);
    await this.files.copyManifest(manager, manifestId, subset, only);
    return subset;
  }

  /**
   * UFDL's merge of one dataset's files into another: new names are added with the source's
   * metadata (and details and times, as every file the merge adds); same name and same bytes keeps the target's file; same name with other bytes adds
   * the source's file as `<stem>-NNNN<ext>` (the smallest free counter from 0001).
   */
  async mergeFiles(manager: EntityManager, sourceId: number, targetId: number): Promise<void> {
    // Both rows at once, in id order: merges of the same two datasets in opposite directions
    // (which may also delete their source) wait for each other instead of deadlocking.
    const locked = await this.files.lockManifestsOf(manager, [sourceId, targetId]);
    const source = locked.get(sourceId);
    const target = locked.get(targetId);
    if (source === undefined || target === undefined) {
      throw new NotFoundError();
    }
    for (const [id, row] of [
      [targetId, target],
      [sourceId, source],
    ] as const) {
      if (row.deleted) {
        throw new DatasetDeletedError(id);
      }
    }
    const sourceManifest = source.manifestId;
    if (target.manifestId === sourceManifest) {
      return; // The same files (a copy): every name exists with the same bytes.
    }
    const targetManifest = await this.ensureOwnManifest(manager, targetId);
    const clashes = await this.files.mergeClashes(manager, sourceManifest, targetManifest);
    const added = await this.files.mergeNewNames(manager, sourceManifest, targetManifest);
    const renamed: { from: string; to: string }[] = [];
    const taken = new Map<string, Set<string>>();
    for (const clash of clashes) {
      const { stem, extension } = splitExtension(clash.filename);
      const key = `${stem}\u0000${extension}`;
      let used = taken.get(key);
      if (!used) {
        const pattern = `^${escapeRegExp(stem)}-[0-9]{4}${escapeRegExp(extension)}$`;
        used = new Set(await this.files.namesLike(manager, targetManifest, pattern));
        taken.set(key, used);
      }
      let counter = 1;
      while (used.has(`${stem}-${String(counter).padStart(4, '0')}${extension}`)) {
        counter += 1;
      }
      const filename = `${stem}-${String(counter).padStart(4, '0')}${extension}`;
      used.add(filename);
      renamed.push({ from: clash.filename, to: filename });
    }
    await this.files.insertRenamed(manager, sourceManifest, targetManifest, renamed);
    await this.assertNoPrefixClash(manager, targetManifest, [
      ...added,
      ...renamed.map((file) => file.to),
    ]);
  }

  /**
   * The upload rules for names a merge added: none may be both a file and a directory prefix of
   * another file. Checked once they are in, so clashes among the added names count too; the
   * caller's transaction then rolls the whole merge back.
   */
  private async assertNoPrefixClash(
    manager: EntityManager,
    manifestId: number,
    added: string[],
  ): Promise<void> {
    if (added.length === 0) {
      return;
    }
    const overFiles = await this.files.firstWithFilesUnder(manager, manifestId, added);
    if (overFiles !== undefined) {
      throw badName(overFiles, 'Filename is already a directory prefix');
    }
    const prefixes = new Set(added.flatMap((name) => parentPrefixes(name)));
    const files = await this.files.existingNames(manager, manifestId, [...prefixes]);
    const underFile = added.find((name) =>
      parentPrefixes(name).some((prefix) => files.has(prefix)),
    );
    if (underFile !== undefined) {
      throw badName(underFile, 'Directory prefix is already a filename');
    }
  }

  /** Blanks the metadata of every file of the dataset. */
  async clearMetadata(datasetId: number): Promise<void> {
    await this.files.transaction(async (manager) => {
      // Nothing to blank must not cost a copy of a shared manifest.
      if (!(await this.files.anyMetadata(manager, datasetId))) {
        return;
      }
      const manifestId = await this.ensureOwnManifest(manager, datasetId);
      await this.files.clearMetadata(manager, manifestId);
    });
  }

  /**
   * Hard delete, file side, step one: locks the dataset row and answers its manifest, to be
   * handed to releaseManifest once the row is deleted.
   */
  async manifestForDelete(manager: EntityManager, datasetId: number): Promise<number> {
    const locked = await this.files.lockManifestOf(manager, datasetId, 'update');
    if (locked === undefined) {
      throw new NotFoundError();
    }
    return locked.manifestId;
  }

  /**
   * Hard delete, step two, after the dataset row is gone: deletes the manifest if no dataset
   * uses it any more (its files go with it) and answers the blobs those files referenced, now
   * candidates for the collector, which still keeps any that another manifest references. While
   * another dataset shares the manifest, nothing is deleted and no blob is a candidate.
   */
  async releaseManifest(manager: EntityManager, manifestId: number): Promise<string[]> {
    // Under the manifest's lock: a sharer moving to its own copy right now (ensureOwnManifest)
    // has committed by the time the check below runs, so the last user is never missed.
    await this.files.lockManifest(manager, manifestId);
    if (await this.files.manifestUsed(manager, manifestId)) {
      return [];
    }
    const handles = await this.files.handlesIn(manager, manifestId);
    await this.files.deleteManifest(manager, manifestId);
    return handles;
  }
}

/** A staged file about to be recorded: its checked name, as asked, and its blob. */
interface StagedEntry {
  name: NormalisedName;
  requested: string;
  handle: string;
}

/** How {@link DatasetFilesService.addStaged} treats names. */
export interface AddOptions {
  /**
   * A name that is a file already gets the new bytes in place (its created time, details,
   * metadata and place in the order stay), rather than the clash error.
   */
  readonly replace?: boolean;
  /**
   * The description and labels of every new file (default none); a function is asked in the
   * transaction, once the dataset row is locked.
   */
  readonly details?: NewFileDetails | ((manager: EntityManager) => Promise<NewFileDetails>);
  /**
   * Asked in the transaction with the names of each chunk of files just recorded, while the
   * dataset row is locked: rows that must change with the files (their sources) change in the
   * same commit. Throwing undoes the whole upload.
   */
  readonly onRecorded?: (manager: EntityManager, names: readonly string[]) => Promise<void>;
}

/**
 * Entries recorded at a time in files-multi: each chunk's objects, queries and parameter
 * arrays are what the request holds, whatever the number of entries.
 */
const RECORD_CHUNK_ENTRIES = 1000;

/** Python's `os.path.splitext`: only the last extension; a leading dot is not one. */
export function splitExtension(filename: string): { stem: string; extension: string } {
  const slash = filename.lastIndexOf('/');
  const base = filename.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  // Leading dots belong to the name ('.bashrc' has no extension).
  if (dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1))) {
    return { stem: filename, extension: '' };
  }
  const cut = slash + 1 + dot;
  return { stem: filename.slice(0, cut), extension: filename.slice(cut) };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
