import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { cursorBatches, type CursorBatch } from '../../database/cursor.js';
import { Blob } from './blob.entity.js';
import { detailsAssignments, type FileDetailsChange } from './file-details.js';
import { DatasetFile } from './dataset-file.entity.js';
import { runTransaction, type TransactionOptions } from '../../database/transaction.js';

/** The manifest a dataset reads its files from, on a `:datasetId` query-builder parameter. */
const MANIFEST_OF_DATASET = '(SELECT d.manifest_id FROM datasets d WHERE d.id = :datasetId)';

export interface FileRow {
  filename: string;
  handle: string;
  size: number;
  /** Unsigned; null for blobs stored before checksums were recorded. */
  crc32: number | null;
  metadata: string;
}

/** A file with what data.world says of it, and the dataset version it was asked for. */
export interface FileDetailsRow {
  datasetId: number;
  name: string;
  handle: string;
  size: number;
  created: Date;
  updated: Date;
  description: string | null;
  labels: string[] | null;
}

/** Every column a copy of a file row carries over, but its manifest and name. */
const CARRIED_BUT_NAME = 'blob_handle, metadata, created_at, updated_at, description, labels';
/** ...and with its name. */
const CARRIED_COLUMNS = `filename, ${CARRIED_BUT_NAME}`;

/** The details a new file starts with. */
export interface NewFileDetails {
  readonly description: string | null;
  readonly labels: readonly string[] | null;
}
const NO_DETAILS: NewFileDetails = { description: null, labels: null };

/** A file row with its id (the key listings are paged by) and its part of the fingerprint. */
export interface PagedFileRow extends FileRow {
  id: string;
  fingerprint: string;
}

/** How a zip lays out each file's local record (see zip-writer): what archiveSummary sums. */
export interface LocalRecordLayout {
  /** Fixed bytes of a local header (the name's follow). */
  headerBytes: number;
  /** Sizes and offsets from this up take ZIP64 fields... */
  zip64From: number;
  /** ...which add this many bytes to the local header. */
  zip64ExtraBytes: number;
}

/** A dataset version's file count and the bytes of its files (a blob counted per file). */
export interface FileTotalsRow {
  datasetId: number;
  files: number;
  bytes: number;
}

/** One difference between two versions' files; the `old` side is null for an addition, `new` for a removal. */
export interface FileChangeRow {
  change: 'added' | 'removed' | 'changed' | 'renamed' | 'metadata';
  oldName: string | null;
  newName: string | null;
  oldHandle: string | null;
  newHandle: string | null;
  oldMetadata: string | null;
  newMetadata: string | null;
}

/** Totals over a manifest's files, in their order, from one snapshot. */
export interface ArchiveSummary {
  manifestId: number;
  count: number;
  nameBytes: number;
  dataBytes: number;
  zip64Sizes: number;
  zip64Offsets: number;
  zip64Entries: number;
  /** Whether a blob has no recorded CRC-32. */
  legacy: boolean;
  /** The sum of the files' {@link FILE_FINGERPRINT}s, as decimal text. */
  fingerprint: string;
}

/**
 * Each file's part of a listing's fingerprint: a 64-bit hash of its name, its blob (64
 * characters) and whether that blob's CRC-32 is recorded, seeded with the row id, which
 * carries the order. Summed over a listing it changes whenever a file is added, removed,
 * renamed, reordered or given other bytes, and costs no sort (an ordered digest of 100,000
 * names does).
 */
/**
 * The bytes of a file's name as a zip entry: the stored name, or `./` before a name that starts
 * like a drive (`C:x`), as the files module's archiveEntryName writes it.
 */
const ZIP_NAME_BYTES = `(octet_length(f.filename) + CASE WHEN f.filename ~ '^[A-Za-z]:' THEN 2 ELSE 0 END)`;

const FILE_FINGERPRINT = `hashtextextended(
  f.filename || f.blob_handle || CASE WHEN b.crc32 IS NULL THEN '-' ELSE '+' END, f.id)`;

/** Sums the fingerprints of listed rows, to compare with a summary's. */
export class FileListFingerprint {
  private sum = 0n;
  private rows = 0;

  add(row: PagedFileRow): void {
    this.sum += BigInt(row.fingerprint);
    this.rows += 1;
  }

  matches(summary: ArchiveSummary): boolean {
    return this.rows === summary.count && this.sum === BigInt(summary.fingerprint);
  }
}

/**
 * Files live in manifests, which datasets share after a copy. Reads take a dataset id and go
 * through its manifest; writes take the manifest id that DatasetFilesService.ensureOwnManifest
 * answered, so nothing here can change the files of a dataset other than the one written to.
 */
/** pg_try_advisory_lock(class, id) held by the one instance sweeping blobs. */
const COLLECTOR_LOCK_CLASS = 73_031;
const COLLECTOR_LOCK_ID = 1;

/** A dataset row locked for a write to its files. */
export interface LockedDataset {
  manifestId: number;
  deleted: boolean;
}

@Injectable()
export class DatasetFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    return runTransaction(this.dataSource, work, options);
  }

  /** (dataset, filename, handle) of every file of these datasets, in insertion order. */
  async namesAndHandles(
    datasetIds: number[],
  ): Promise<{ datasetId: number; filename: string; handle: string }[]> {
    if (datasetIds.length === 0) {
      return [];
    }
    return this.dataSource.query(
      `SELECT d.id AS "datasetId", f.filename, f.blob_handle AS handle
       FROM datasets d JOIN dataset_files f ON f.manifest_id = d.manifest_id
       WHERE d.id = ANY($1::int[])
       ORDER BY f.id`,
      [datasetIds],
    );
  }

  /** Each file of these datasets with its data.world details, by dataset, in manifest order. */
  async fileDetailsOf(datasetIds: readonly number[]): Promise<FileDetailsRow[]> {
    if (datasetIds.length === 0) {
      return [];
    }
    return this.dataSource.query<FileDetailsRow[]>(
      `SELECT d.id AS "datasetId", f.filename AS name, f.blob_handle AS handle,
         b.size::float8 AS size, f.created_at AS created, f.updated_at AS updated,
         f.description, f.labels
       FROM datasets d
       JOIN dataset_files f ON f.manifest_id = d.manifest_id
       JOIN blobs b ON b.handle = f.blob_handle
       WHERE d.id = ANY($1::int[])
       ORDER BY d.id, f.id`,
      [datasetIds],
    );
  }

  /**
   * Sets a file's description and/or labels (undefined: leave as is) and its updated_at;
   * whether the manifest has a file of that name.
   */
  async setDetails(
    manager: EntityManager,
    manifestId: number,
    filename: string,
    change: FileDetailsChange,
  ): Promise<boolean> {
    if (filename.includes('\0')) {
      return false; // As findFile: no stored name has a NUL.
    }
    const set = detailsAssignments(change, 3);
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE dataset_files SET ${set.sql} WHERE manifest_id = $1 AND filename = $2`,
      [manifestId, filename, ...set.parameters],
    );
    return affected > 0;
  }

  /** Records that the dataset's files or metadata changed now (data.world's `updated`). */
  async markModified(manager: EntityManager, datasetId: number): Promise<void> {
    await manager.query('UPDATE datasets SET modification_time = now() WHERE id = $1', [datasetId]);
  }

  /**
   * Locks a dataset row (FOR UPDATE to change what it points at or delete it, FOR SHARE to copy
   * it) until the transaction ends, and answers its manifest and whether it is soft-deleted;
   * undefined when it is gone.
   */
  async lockManifestOf(
    manager: EntityManager,
    datasetId: number,
    mode: 'update' | 'share',
  ): Promise<LockedDataset | undefined> {
    const rows = await manager.query<LockedDataset[]>(
      `SELECT manifest_id AS "manifestId", deletion_time IS NOT NULL AS deleted
       FROM datasets WHERE id = $1 ${mode === 'update' ? 'FOR UPDATE' : 'FOR SHARE'}`,
      [datasetId],
    );
    return rows[0];
  }

  /**
   * Locks several dataset rows FOR UPDATE in id order (so two transactions locking the same pair
   * cannot deadlock) and answers each one's manifest and state; missing ones are left out.
   */
  async lockManifestsOf(
    manager: EntityManager,
    datasetIds: number[],
  ): Promise<Map<number, LockedDataset>> {
    const rows = await manager.query<(LockedDataset & { id: number })[]>(
      `SELECT id, manifest_id AS "manifestId", deletion_time IS NOT NULL AS deleted
       FROM datasets WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`,
      [datasetIds],
    );
    return new Map(rows.map(({ id, ...locked }) => [id, locked]));
  }

  /** Locks a manifest row until the transaction ends (its copy-or-keep decisions take turns). */
  async lockManifest(manager: EntityManager, manifestId: number): Promise<void> {
    await manager.query('SELECT 1 FROM file_manifests WHERE id = $1 FOR UPDATE', [manifestId]);
  }

  /**
   * Whether a dataset row other than `exceptDatasetId` uses the manifest. Soft-deleted rows
   * count: they can be reinstated, and are readable by site admins meanwhile.
   */
  async manifestUsed(
    manager: EntityManager,
    manifestId: number,
    exceptDatasetId?: number,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM datasets WHERE manifest_id = $1 AND id IS DISTINCT FROM $2 LIMIT 1',
      [manifestId, exceptDatasetId ?? null],
    );
    return rows.length > 0;
  }

  async createManifest(manager: EntityManager): Promise<number> {
    const rows = await manager.query<{ id: number }[]>(
      'INSERT INTO file_manifests DEFAULT VALUES RETURNING id',
    );
    return rows[0].id;
  }

  /**
   * Copies a manifest's file references (names, blobs, metadata, details and their times) into
   * another in one statement: no bytes move, and the order of the files is kept. `only` limits the copy to those names
   * (unknown names are simply not matched).
   */
  async copyManifest(
    manager: EntityManager,
    fromId: number,
    toId: number,
    only?: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO dataset_files (manifest_id, ${CARRIED_COLUMNS})
       SELECT $2, ${CARRIED_COLUMNS} FROM dataset_files
       WHERE manifest_id = $1 AND ($3::text[] IS NULL OR filename = ANY($3::text[]))
       ORDER BY id`,
      [fromId, toId, only ?? null],
    );
  }

  async pointDatasetAt(
    manager: EntityManager,
    datasetId: number,
    manifestId: number,
  ): Promise<void> {
    await manager.query('UPDATE datasets SET manifest_id = $2 WHERE id = $1', [
      datasetId,
      manifestId,
    ]);
  }

  /** Deletes a manifest no dataset uses; its files go with it (ON DELETE CASCADE). */
  async deleteManifest(manager: EntityManager, manifestId: number): Promise<void> {
    await manager.query('DELETE FROM file_manifests WHERE id = $1', [manifestId]);
  }

  /** The distinct blobs a manifest references (to reclaim them once it is deleted). */
  async handlesIn(manager: EntityManager, manifestId: number): Promise<string[]> {
    const rows = await manager.query<{ handle: string }[]>(
      'SELECT DISTINCT blob_handle AS handle FROM dataset_files WHERE manifest_id = $1',
      [manifestId],
    );
    return rows.map((row) => row.handle);
  }

  async findFile(
    datasetId: number,
    filename: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FileRow | undefined> {
    // PostgreSQL text cannot hold NUL (the query would fail), so no stored name has one.
    if (filename.includes('\0')) {
      return undefined;
    }
    return this.fileQuery(manager)
      .where(`f.manifest_id = ${MANIFEST_OF_DATASET} AND f.filename = :filename`, {
        datasetId,
        filename,
      })
      .getRawOne<FileRow>();
  }

  async findFileByHandle(datasetId: number, handle: string): Promise<FileRow | undefined> {
    return this.fileQuery(this.dataSource.manager)
      .where(`f.manifest_id = ${MANIFEST_OF_DATASET} AND f.blob_handle = :handle`, {
        datasetId,
        handle,
      })
      .orderBy('f.id')
      .limit(1)
      .getRawOne<FileRow>();
  }

  /** Whether any file of the manifest lives under `prefix/` (a range scan on the C collation). */
  async hasFileUnder(manager: EntityManager, manifestId: number, prefix: string): Promise<boolean> {
    // Every name starting with 'p/' sorts in ['p/', 'p0'): '0' is the byte after '/'.
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM dataset_files WHERE manifest_id = $1
         AND filename >= $2 AND filename < $3 LIMIT 1`,
      [manifestId, `${prefix}/`, `${prefix}0`],
    );
    return rows.length > 0;
  }

  /** Names `<prefix>/<digits>` in use, for numbering a new file in that directory. */
  async numberedNames(
    manager: EntityManager,
    manifestId: number,
    prefix: string,
  ): Promise<Set<number>> {
    const start = prefix === '' ? '' : `${prefix}/`;
    const rows = await manager.query<{ filename: string }[]>(
      `SELECT filename FROM dataset_files WHERE manifest_id = $1
         AND filename >= $2 AND filename < $3 AND substr(filename, $4) ~ '^[0-9]+$'`,
      [manifestId, start, prefix === '' ? '\u{10FFFF}' : `${prefix}0`, start.length + 1],
    );
    return new Set(rows.map((row) => Number(row.filename.slice(start.length))));
  }

  /**
   * Records the blobs and takes their row locks (held until the transaction ends), in handle
   * order so that two uploads sharing blobs cannot deadlock: the collector locks the same rows
   * before deleting bytes, so the two can never interleave. Handles must be distinct.
   */
  async claimBlobs(
    manager: EntityManager,
    blobs: readonly { handle: string; size: number; crc32: number }[],
  ): Promise<void> {
    if (blobs.length === 0) {
      return;
    }
    // The update also fills in the checksum of a blob stored before checksums were recorded.
    await manager.query(
      `INSERT INTO blobs (handle, size, crc32)
       SELECT b.handle, b.size, b.crc32
       FROM unnest($1::text[], $2::int8[], $3::int8[]) AS b(handle, size, crc32)
       ORDER BY b.handle
       ON CONFLICT (handle) DO UPDATE SET size = EXCLUDED.size, crc32 = EXCLUDED.crc32`,
      [
        blobs.map((blob) => blob.handle),
        blobs.map((blob) => blob.size),
        blobs.map((blob) => blob.crc32),
      ],
    );
  }

  /** Which of `names` are files of the manifest. */
  async existingNames(
    manager: EntityManager,
    manifestId: number,
    names: string[],
  ): Promise<Set<string>> {
    if (names.length === 0) {
      return new Set();
    }
    const rows = await manager.query<{ filename: string }[]>(
      'SELECT filename FROM dataset_files WHERE manifest_id = $1 AND filename = ANY($2::text[])',
      [manifestId, names],
    );
    return new Set(rows.map((row) => row.filename));
  }

  /** Which of `names` have files of the manifest under `name/` (as hasFileUnder, set-based). */
  async namesWithFilesUnder(
    manager: EntityManager,
    manifestId: number,
    names: string[],
  ): Promise<Set<string>> {
    if (names.length === 0) {
      return new Set();
    }
    const rows = await manager.query<{ name: string }[]>(
      `SELECT n.name FROM unnest($2::text[]) AS n(name)
       WHERE EXISTS (SELECT 1 FROM dataset_files f WHERE f.manifest_id = $1
         AND f.filename >= n.name || '/' AND f.filename < n.name || '0')`,
      [manifestId, names],
    );
    return new Set(rows.map((row) => row.name));
  }

  /** Deletes a file of the manifest; answers its blob, or undefined when there was none. */
  async deleteFile(
    manager: EntityManager,
    manifestId: number,
    filename: string,
  ): Promise<string | undefined> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(DatasetFile)
      .where({ manifestId, filename })
      .returning('blob_handle')
      .execute();
    return (result.raw as { blob_handle: string }[])[0]?.blob_handle;
  }

  /** Deletes these files of the manifest (names that are none are ignored); answers their blobs. */
  async deleteFiles(
    manager: EntityManager,
    manifestId: number,
    filenames: readonly string[],
  ): Promise<string[]> {
    if (filenames.length === 0) {
      return [];
    }
    // The driver answers a DELETE as [rows, affected].
    const [rows] = await manager.query<[{ blob_handle: string }[], number]>(
      `DELETE FROM dataset_files WHERE manifest_id = $1 AND filename = ANY($2::text[])
       RETURNING blob_handle`,
      [manifestId, filenames],
    );
    return rows.map((row) => row.blob_handle);
  }

  async setMetadata(
    manager: EntityManager,
    manifestId: number,
    filename: string,
    metadata: string,
  ): Promise<boolean> {
    if (filename.includes('\0')) {
      return false; // As findFile: no stored name has a NUL.
    }
    const result = await manager.update(
      DatasetFile,
      { manifestId, filename },
      { metadata, updatedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Whether any file of the dataset has metadata (a clear with none to blank changes nothing). */
  async anyMetadata(manager: EntityManager, datasetId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM dataset_files
       WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $1) AND metadata <> ''
       LIMIT 1`,
      [datasetId],
    );
    return rows.length > 0;
  }

  async clearMetadata(manager: EntityManager, manifestId: number): Promise<void> {
    // Rows already blank are left alone: rewriting them would only cost.
    await manager.query(
      "UPDATE dataset_files SET metadata = '', updated_at = now() WHERE manifest_id = $1 AND metadata <> ''",
      [manifestId],
    );
  }

  /**
   * Every file's `[filename, metadata]`, in batches from a cursor, in the order the files were
   * added: the order of the dataset's `files` map, whatever the names look like.
   */
  metadataBatches(
    datasetId: number,
  ): AsyncGenerator<CursorBatch<[string, string]>, void, undefined> {
    return cursorBatches<{ filename: string; metadata: string }, [string, string]>(
      this.dataSource,
      {
        sql: `SELECT f.filename, f.metadata FROM dataset_files f
              WHERE f.manifest_id = (SELECT d.manifest_id FROM datasets d WHERE d.id = $1)
              ORDER BY f.id`,
        parameters: [datasetId],
      },
      (rows) => rows.map((row) => [row.filename, row.metadata]),
    );
  }

  /**
   * Totals for a zip of a dataset's files, from one snapshot, without sending a row. Only an
   * archive that may pass 4 GiB needs each file's offset (a running sum in file order, which
   * costs a sort), for the ZIP64 fields. Undefined when the dataset is gone.
   */
  async archiveSummary(
    datasetId: number,
    layout: LocalRecordLayout,
  ): Promise<ArchiveSummary | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [totals] = await manager.query<Omit<ArchiveSummary, 'zip64Offsets' | 'zip64Entries'>[]>(
        `SELECT d.manifest_id AS "manifestId",
           count(f.id)::int AS count,
           coalesce(sum(${ZIP_NAME_BYTES}), 0)::float8 AS "nameBytes",
           coalesce(sum(b.size), 0)::float8 AS "dataBytes",
           count(f.id) FILTER (WHERE b.size >= $2)::int AS "zip64Sizes",
           coalesce(bool_or(f.id IS NOT NULL AND b.crc32 IS NULL), false) AS legacy,
           coalesce(sum(${FILE_FINGERPRINT}), 0)::text AS fingerprint
         FROM datasets d
         LEFT JOIN dataset_files f ON f.manifest_id = d.manifest_id
         LEFT JOIN blobs b ON b.handle = f.blob_handle
         WHERE d.id = $1
         GROUP BY d.manifest_id`,
        [datasetId, layout.zip64From],
      );
      if (totals === undefined) {
        return undefined;
      }
      const localBytes =
        totals.count * layout.headerBytes +
        totals.nameBytes +
        totals.zip64Sizes * layout.zip64ExtraBytes +
        totals.dataBytes;
      if (localBytes <= layout.zip64From) {
        // No local record can start at or past the ZIP64 limit.
        return { ...totals, zip64Offsets: 0, zip64Entries: totals.zip64Sizes };
      }
      const [far] = await manager.query<{ zip64Offsets: number; zip64Entries: number }[]>(
        `SELECT count(*) FILTER (WHERE record_end - record >= $3)::int AS "zip64Offsets",
           count(*) FILTER (WHERE size >= $3 OR record_end - record >= $3)::int AS "zip64Entries"
         FROM (
           SELECT b.size, sum(r.record) OVER (ORDER BY f.id) AS record_end, r.record
           FROM dataset_files f JOIN blobs b ON b.handle = f.blob_handle,
             LATERAL (SELECT $2 + ${ZIP_NAME_BYTES} + b.size
               + CASE WHEN b.size >= $3 THEN $4 ELSE 0 END AS record) r
           WHERE f.manifest_id = $1
         ) e`,
        [totals.manifestId, layout.headerBytes, layout.zip64From, layout.zip64ExtraBytes],
      );
      return { ...totals, ...far };
    });
  }

  /**
   * A page of a manifest's files in insertion order, after the file `afterId` (keyset). The
   * page is cut before the join: joined first, a planner without fresh statistics joined every
   * later file to its blob for each page.
   */
  async filesPage(manifestId: number, afterId: string, limit: number): Promise<PagedFileRow[]> {
    return this.dataSource.query<PagedFileRow[]>(
      `SELECT f.filename, f.blob_handle AS handle, b.size::float8 AS size,
         b.crc32::float8 AS crc32, f.metadata, f.id::text AS id,
         ${FILE_FINGERPRINT}::text AS fingerprint
       FROM (
         SELECT id, filename, blob_handle, metadata FROM dataset_files
         WHERE manifest_id = $1 AND id > $2 ORDER BY id LIMIT $3
       ) f JOIN blobs b ON b.handle = f.blob_handle
       ORDER BY f.id`,
      [manifestId, afterId, limit],
    );
  }

  /**
   * For the collector: lock the blob row if no one else holds it. When there is no row (bytes
   * left by a rolled-back upload), insert one to hold the key: the insert waits for any
   * uncommitted upload of the same bytes, and yields nothing if that upload committed.
   */
  async lockBlobForCollection(manager: EntityManager, handle: string): Promise<boolean> {
    const locked = await manager.query<unknown[]>(
      'SELECT 1 FROM blobs WHERE handle = $1 FOR UPDATE SKIP LOCKED',
      [handle],
    );
    if (locked.length > 0) {
      return true;
    }
    const exists = await manager.query<unknown[]>('SELECT 1 FROM blobs WHERE handle = $1', [
      handle,
    ]);
    if (exists.length > 0) {
      return false; // Locked by an upload in progress.
    }
    const inserted = await manager.query<unknown[]>(
      'INSERT INTO blobs (handle, size) VALUES ($1, 0) ON CONFLICT (handle) DO NOTHING RETURNING 1',
      [handle],
    );
    return inserted.length > 0;
  }

  async isReferenced(manager: EntityManager, handle: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM dataset_files WHERE blob_handle = $1 LIMIT 1',
      [handle],
    );
    return rows.length > 0;
  }

  async deleteBlobRow(manager: EntityManager, handle: string): Promise<void> {
    await manager.delete(Blob, { handle });
  }

  /**
   * Runs `work` while holding the collector's cluster-wide advisory lock, on a connection of its
   * own (a session lock: a killed instance's lock goes with its connection); undefined without
   * running it when another session holds the lock.
   */
  async whileHoldingCollectorLock<T>(work: () => Promise<T>): Promise<T | undefined> {
    const holder = this.dataSource.createQueryRunner();
    await holder.connect();
    try {
      const rows = (await holder.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        COLLECTOR_LOCK_CLASS,
        COLLECTOR_LOCK_ID,
      ])) as { locked: boolean }[];
      if (!rows[0]?.locked) {
        return undefined;
      }
      try {
        return await work();
      } finally {
        await holder.query('SELECT pg_advisory_unlock($1, $2)', [
          COLLECTOR_LOCK_CLASS,
          COLLECTOR_LOCK_ID,
        ]);
      }
    } finally {
      await holder.release();
    }
  }

  /** Blob rows no file references (left by a crash between unlinking and collecting). */
  async unreferencedBlobs(limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ handle: string }[]>(
      `SELECT b.handle FROM blobs b
       WHERE NOT EXISTS (SELECT 1 FROM dataset_files f WHERE f.blob_handle = b.handle)
       LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.handle);
  }

  async knownBlobs(handles: string[]): Promise<Set<string>> {
    if (handles.length === 0) {
      return new Set();
    }
    const rows = await this.dataSource.query<{ handle: string }[]>(
      'SELECT handle FROM blobs WHERE handle = ANY($1)',
      [handles],
    );
    return new Set(rows.map((row) => row.handle));
  }

  private fileQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(DatasetFile, 'f')
      .innerJoin('f.blob', 'b')
      .select([
        'f.filename AS filename',
        'f.blob_handle AS handle',
        'b.size::float8 AS size',
        'b.crc32::float8 AS crc32',
        'f.metadata AS metadata',
      ]);
  }

  /**
   * Merge, step one, as one statement: every source file whose name the target does not have
   * is added with the source's metadata, in the source's order. Files the target has with the
   * same bytes are left as they are. Both are manifests.
   */
  /** Merge, step one: adds the source's names the target lacks; answers those names. */
  async mergeNewNames(
    manager: EntityManager,
    sourceId: number,
    targetId: number,
  ): Promise<string[]> {
    const rows = await manager.query<{ filename: string }[]>(
      `INSERT INTO dataset_files (manifest_id, ${CARRIED_COLUMNS})
       SELECT $2, ${CARRIED_COLUMNS} FROM dataset_files s
       WHERE s.manifest_id = $1 AND NOT EXISTS (
         SELECT 1 FROM dataset_files t WHERE t.manifest_id = $2 AND t.filename = s.filename)
       ORDER BY s.id
       RETURNING filename`,
      [sourceId, targetId],
    );
    return rows.map((row) => row.filename);
  }

  /** The first of `names` that other names of the manifest lie under (`name/...`), if any. */
  async firstWithFilesUnder(
    manager: EntityManager,
    manifestId: number,
    names: string[],
  ): Promise<string | undefined> {
    // As hasFileUnder, for many names at once: each probe is an index range scan.
    const rows = await manager.query<{ name: string }[]>(
      `SELECT n.name FROM unnest($2::text[]) WITH ORDINALITY AS n(name, position)
       WHERE EXISTS (SELECT 1 FROM dataset_files f WHERE f.manifest_id = $1
         AND f.filename >= n.name || '/' AND f.filename < n.name || '0')
       ORDER BY n.position LIMIT 1`,
      [manifestId, names],
    );
    return rows[0]?.name;
  }

  /** Merge, step two: source files whose name the target has with different bytes (manifests). */
  async mergeClashes(
    manager: EntityManager,
    sourceId: number,
    targetId: number,
  ): Promise<{ filename: string; handle: string; metadata: string }[]> {
    return manager.query(
      `SELECT s.filename, s.blob_handle AS handle, s.metadata FROM dataset_files s
       JOIN dataset_files t ON t.manifest_id = $2 AND t.filename = s.filename
       WHERE s.manifest_id = $1 AND t.blob_handle <> s.blob_handle
       ORDER BY s.id`,
      [sourceId, targetId],
    );
  }

  /** Names in the manifest that a renamed clash could collide with (`stem-NNNN.ext`). */
  async namesLike(manager: EntityManager, manifestId: number, pattern: string): Promise<string[]> {
    const rows = await manager.query<{ filename: string }[]>(
      'SELECT filename FROM dataset_files WHERE manifest_id = $1 AND filename ~ $2',
      [manifestId, pattern],
    );
    return rows.map((row) => row.filename);
  }

  /** New files (created and updated now), all with the same `details`, if any. */
  async insertMany(
    manager: EntityManager,
    manifestId: number,
    files: { filename: string; handle: string; metadata: string }[],
    details: NewFileDetails = NO_DETAILS,
  ): Promise<void> {
    if (files.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO dataset_files (manifest_id, filename, blob_handle, metadata, description, labels)
       SELECT $1, f.filename, f.handle, f.metadata, $5, $6::text[]
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
         AS f(filename, handle, metadata, position)
       ORDER BY f.position`,
      [
        manifestId,
        files.map((file) => file.filename),
        files.map((file) => file.handle),
        files.map((file) => file.metadata),
        details.description,
        details.labels,
      ],
    );
  }

  /**
   * Files of the source manifest added to the target under other names, in the order given,
   * with everything but the name carried over (a merge's renamed clashes).
   */
  async insertRenamed(
    manager: EntityManager,
    sourceId: number,
    targetId: number,
    renames: readonly { from: string; to: string }[],
  ): Promise<void> {
    if (renames.length === 0) {
      return;
    }
    // None of r's column names is one of dataset_files': the carried ones need no alias.
    await manager.query(
      `INSERT INTO dataset_files (manifest_id, filename, ${CARRIED_BUT_NAME})
       SELECT $2, r.target, ${CARRIED_BUT_NAME}
       FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS r(source, target, position)
       JOIN dataset_files s ON s.manifest_id = $1 AND s.filename = r.source
       ORDER BY r.position`,
      [
        sourceId,
        targetId,
        renames.map((rename) => rename.from),
        renames.map((rename) => rename.to),
      ],
    );
  }

  /**
   * Gives existing files of the manifest other bytes, in place: their place in the order,
   * metadata, details and creation time stay; updated_at moves. Names whose file has these
   * bytes already are left alone. Answers the blobs no longer referenced by these files.
   */
  async replaceBlobs(
    manager: EntityManager,
    manifestId: number,
    files: readonly { filename: string; handle: string }[],
  ): Promise<string[]> {
    if (files.length === 0) {
      return [];
    }
    // The subquery reads the rows as they were before this statement: their old blobs.
    const rows = await manager.query<[{ old: string }[], number]>(
      `UPDATE dataset_files f SET blob_handle = x.handle, updated_at = now()
       FROM (
         SELECT o.id, o.blob_handle AS old, r.handle
         FROM unnest($2::text[], $3::text[]) AS r(filename, handle)
         JOIN dataset_files o ON o.manifest_id = $1 AND o.filename = r.filename
         WHERE o.blob_handle <> r.handle
       ) x
       WHERE f.id = x.id
       RETURNING x.old`,
      [manifestId, files.map((file) => file.filename), files.map((file) => file.handle)],
    );
    return rows[0].map((row) => row.old);
  }

  /**
   * File count and total bytes of each dataset, in one statement (one snapshot): each distinct
   * manifest is summed once, however many versions share it. Datasets gone meanwhile are left out.
   */
  async fileTotalsOf(datasetIds: readonly number[]): Promise<FileTotalsRow[]> {
    if (datasetIds.length === 0) {
      return [];
    }
    return this.dataSource.query<FileTotalsRow[]>(
      `WITH versions AS (SELECT id, manifest_id FROM datasets WHERE id = ANY($1::int[])),
       totals AS (
         SELECT f.manifest_id, count(*)::int AS files, sum(b.size)::float8 AS bytes
         FROM dataset_files f JOIN blobs b ON b.handle = f.blob_handle
         WHERE f.manifest_id IN (SELECT manifest_id FROM versions)
         GROUP BY f.manifest_id
       )
       SELECT v.id AS "datasetId", coalesce(t.files, 0) AS files, coalesce(t.bytes, 0) AS bytes
       FROM versions v LEFT JOIN totals t ON t.manifest_id = v.manifest_id`,
      [datasetIds],
    );
  }

  /**
   * The differences between two datasets' files, set-based in one statement (one snapshot of
   * both), in byte order of their key (the new name, or the old one for a removal), the page of
   * `limit` after the key `after`. Names are matched first: a name on both sides with other
   * bytes is `changed`, with other metadata only `metadata`. What is left, names gone and names
   * new, is paired by content: the k-th gone name of a blob (by name) with its k-th new name is
   * a `renamed`; the unpaired rest are `removed` and `added`. Every page computes the whole
   * join (PostgreSQL holds the differing rows, not the caller); only the page is returned.
   */
  async diff(
    fromDatasetId: number,
    toDatasetId: number,
    page: { after?: string; limit: number },
  ): Promise<FileChangeRow[]> {
    return this.dataSource.query<FileChangeRow[]>(
      `WITH old AS (
         SELECT filename, blob_handle::text AS handle, metadata FROM dataset_files
         WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $1)
       ), new AS (
         SELECT filename, blob_handle::text AS handle, metadata FROM dataset_files
         WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $2)
       ), differing AS MATERIALIZED (
         SELECT o.filename AS old_name, o.handle AS old_handle, o.metadata AS old_metadata,
                n.filename AS new_name, n.handle AS new_handle, n.metadata AS new_metadata
         FROM old o FULL JOIN new n ON n.filename = o.filename
         WHERE o.filename IS NULL OR n.filename IS NULL
            OR o.handle <> n.handle OR o.metadata <> n.metadata
       ), gone AS (
         SELECT old_name, old_handle, old_metadata,
                row_number() OVER (PARTITION BY old_handle ORDER BY old_name) AS nth
         FROM differing WHERE new_name IS NULL
       ), came AS (
         SELECT new_name, new_handle, new_metadata,
                row_number() OVER (PARTITION BY new_handle ORDER BY new_name) AS nth
         FROM differing WHERE old_name IS NULL
       ), changes AS (
         SELECT old_name, old_handle, old_metadata, new_name, new_handle, new_metadata
         FROM differing WHERE old_name IS NOT NULL AND new_name IS NOT NULL
         UNION ALL
         SELECT g.old_name, g.old_handle, g.old_metadata, c.new_name, c.new_handle, c.new_metadata
         FROM gone g FULL JOIN came c ON c.new_handle = g.old_handle AND c.nth = g.nth
       )
       SELECT CASE WHEN old_name IS NULL THEN 'added'
                   WHEN new_name IS NULL THEN 'removed'
                   WHEN old_name <> new_name THEN 'renamed'
                   WHEN old_handle <> new_handle THEN 'changed'
                   ELSE 'metadata' END AS change,
              old_name AS "oldName", new_name AS "newName",
              old_handle AS "oldHandle", new_handle AS "newHandle",
              old_metadata AS "oldMetadata", new_metadata AS "newMetadata"
       FROM changes
       WHERE $3::text IS NULL OR coalesce(new_name, old_name) > $3::text COLLATE "C"
       ORDER BY coalesce(new_name, old_name) COLLATE "C"
       LIMIT $4`,
      [fromDatasetId, toDatasetId, page.after ?? null, page.limit],
    );
  }
}
