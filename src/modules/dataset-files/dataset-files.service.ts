import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StagedBlob } from '../../storage/blob-store.js';
import { BlobCollectorService } from './blob-collector.service.js';
import { DatasetFilesRepository, type FileRow } from './dataset-files.repository.js';
import { badName, normaliseFilename, parentPrefixes, type NormalisedName } from './filename.js';

/** UFDL's NamedFile JSON: what add_file, add_files and delete_file answer. */
export interface NamedFileJson {
  filename: string;
  handle: string;
}

export type StoredFile = FileRow;

/**
 * The files of dataset versions: references from a dataset to stored blobs, with their names
 * and metadata. No HTTP and no access checks here: callers have authorised the caller already.
 */
@Injectable()
export class DatasetFilesService {
  constructor(
    private readonly files: DatasetFilesRepository,
    private readonly collector: BlobCollectorService,
  ) {}

  /** The `files` map of each dataset (filename -> handle), in the order the files were added. */
  async filesMaps(datasetIds: number[]): Promise<Map<number, Record<string, string>>> {
    const maps = new Map<number, Record<string, string>>(datasetIds.map((id) => [id, {}]));
    for (const row of await this.files.namesAndHandles(datasetIds)) {
      maps.get(row.datasetId)![row.filename] = row.handle;
    }
    return maps;
  }

  /** Checks a requested name before any byte is read, so a bad name costs no upload. */
  normalise(raw: string): NormalisedName {
    return normaliseFilename(raw);
  }

  /**
   * Adds staged blobs to a dataset under their requested names, all or nothing, in one
   * transaction; the bytes become readable before the references do. Answers in the given order.
   */
  async addStaged(
    datasetId: number,
    entries: { name: NormalisedName; requested: string; blob: StagedBlob }[],
  ): Promise<NamedFileJson[]> {
    const committed: string[] = [];
    try {
      return await this.files.transaction(async (manager) => {
        await this.files.lockDataset(manager, datasetId);
        const added: NamedFileJson[] = [];
        for (const entry of entries) {
          const filename = await this.resolveName(manager, datasetId, entry.name, entry.requested);
          await this.files.claimBlob(manager, entry.blob.handle, entry.blob.size);
          await this.files.insertFile(manager, {
            datasetId,
            filename,
            blobHandle: entry.blob.handle,
            metadata: '',
          });
          await entry.blob.commit();
          committed.push(entry.blob.handle);
          added.push({ filename, handle: entry.blob.handle });
        }
        return added;
      });
    } catch (error) {
      // Bytes this attempt made readable may now be referenced by nothing.
      this.collector.reclaimLater(committed);
      throw error;
    } finally {
      await Promise.all(entries.map((entry) => entry.blob.discard()));
    }
  }

  async getFile(datasetId: number, filename: string): Promise<StoredFile> {
    const file = await this.files.findFile(datasetId, filename);
    if (!file) {
      throw badName(filename, "Doesn't exist");
    }
    return file;
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

  async deleteFile(datasetId: number, filename: string): Promise<NamedFileJson> {
    const removed = await this.files.transaction(async (manager) => {
      await this.files.lockDataset(manager, datasetId);
      const file = await this.files.findFile(datasetId, filename, manager);
      if (!file) {
        throw badName(filename, "Doesn't exist");
      }
      await this.files.deleteFile(manager, datasetId, filename);
      return { filename: file.filename, handle: file.handle };
    });
    this.collector.reclaimLater([removed.handle]);
    return removed;
  }

  async setMetadata(datasetId: number, filename: string, metadata: string): Promise<void> {
    if (!(await this.files.setMetadata(datasetId, filename, metadata))) {
      throw badName(filename, "Doesn't exist");
    }
  }

  async getMetadata(datasetId: number, filename: string): Promise<string> {
    return (await this.getFile(datasetId, filename)).metadata;
  }

  async allMetadata(datasetId: number): Promise<Record<string, string>> {
    const all: Record<string, string> = {};
    for (const row of await this.files.allMetadata(datasetId)) {
      all[row.filename] = row.metadata;
    }
    return all;
  }

  /** Every file of a dataset with its size, in the order they were added. */
  filesOf(datasetId: number): Promise<StoredFile[]> {
    return this.files.filesOf(datasetId);
  }

  /** The name a new file takes, or the UFDL clash error; called under the dataset's lock. */
  private async resolveName(
    manager: EntityManager,
    datasetId: number,
    name: NormalisedName,
    requested: string,
  ): Promise<string> {
    if (name.kind === 'directory') {
      // `dir/` means "a new file in dir": the smallest free number.
      if (name.prefix !== '' && (await this.files.anyNamed(manager, datasetId, [name.prefix]))) {
        throw badName(requested, 'Directory prefix is already a filename');
      }
      const used = await this.files.numberedNames(manager, datasetId, name.prefix);
      let n = 1;
      while (used.has(n)) {
        n += 1;
      }
      return this.checkClashes(manager, datasetId, name.prefix ? `${name.prefix}/${n}` : `${n}`);
    }
    return this.checkClashes(manager, datasetId, name.name);
  }

  private async checkClashes(
    manager: EntityManager,
    datasetId: number,
    filename: string,
  ): Promise<string> {
    if (await this.files.anyNamed(manager, datasetId, [filename])) {
      throw badName(filename, 'Filename already in use');
    }
    if (await this.files.hasFileUnder(manager, datasetId, filename)) {
      throw badName(filename, 'Filename is already a directory prefix');
    }
    if (await this.files.anyNamed(manager, datasetId, parentPrefixes(filename))) {
      throw badName(filename, 'Directory prefix is already a filename');
    }
    return filename;
  }

  /** Copies a dataset's file references into another (same transaction as the new record). */
  async copyFiles(
    manager: EntityManager,
    sourceId: number,
    targetId: number,
    only?: string[],
  ): Promise<void> {
    await this.files.lockDataset(manager, targetId);
    await this.files.copyFiles(manager, sourceId, targetId, only);
  }

  /**
   * UFDL's merge of one dataset's files into another: new names are added with the source's
   * metadata; same name and same bytes keeps the target's file; same name with other bytes adds
   * the source's file as `<stem>-NNNN<ext>` (the smallest free counter from 0001).
   */
  async mergeFiles(manager: EntityManager, sourceId: number, targetId: number): Promise<void> {
    await this.files.lockDataset(manager, targetId);
    const clashes = await this.files.mergeClashes(manager, sourceId, targetId);
    await this.files.mergeNewNames(manager, sourceId, targetId);
    const renamed: { filename: string; handle: string; metadata: string }[] = [];
    const taken = new Map<string, Set<string>>();
    for (const clash of clashes) {
      const { stem, extension } = splitExtension(clash.filename);
      const key = `${stem}\u0000${extension}`;
      let used = taken.get(key);
      if (!used) {
        const pattern = `^${escapeRegExp(stem)}-[0-9]{4}${escapeRegExp(extension)}$`;
        used = new Set(await this.files.namesLike(manager, targetId, pattern));
        taken.set(key, used);
      }
      let counter = 1;
      while (used.has(`${stem}-${String(counter).padStart(4, '0')}${extension}`)) {
        counter += 1;
      }
      const filename = `${stem}-${String(counter).padStart(4, '0')}${extension}`;
      used.add(filename);
      renamed.push({ filename, handle: clash.handle, metadata: clash.metadata });
    }
    await this.files.insertMany(manager, targetId, renamed);
  }

  async clearMetadata(datasetId: number): Promise<void> {
    await this.files.clearMetadata(datasetId);
  }

  /** Blobs a dataset references, read before it is deleted so they can be reclaimed after. */
  handlesOf(manager: EntityManager, datasetId: number): Promise<string[]> {
    return this.files.handlesOf(manager, datasetId);
  }
}

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
