import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Blob } from './blob.entity.js';
import { DatasetFile } from './dataset-file.entity.js';

/** Lock class for pg_advisory_xact_lock(class, dataset): one writer of a dataset's names at a time. */
const DATASET_FILES_LOCK_CLASS = 73_020;

export interface FileRow {
  filename: string;
  handle: string;
  size: number;
  metadata: string;
}

@Injectable()
export class DatasetFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** (dataset, filename, handle) of every file of these datasets, in insertion order. */
  async namesAndHandles(
    datasetIds: number[],
  ): Promise<{ datasetId: number; filename: string; handle: string }[]> {
    if (datasetIds.length === 0) {
      return [];
    }
    return this.dataSource
      .getRepository(DatasetFile)
      .createQueryBuilder('f')
      .select(['f.dataset_id AS "datasetId"', 'f.filename AS filename', 'f.blob_handle AS handle'])
      .where({ datasetId: In(datasetIds) })
      .orderBy('f.id')
      .getRawMany();
  }

  /** Serialises every change to one dataset's file names until the transaction ends. */
  async lockDataset(manager: EntityManager, datasetId: number): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [
      DATASET_FILES_LOCK_CLASS,
      datasetId,
    ]);
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
      .where('f.dataset_id = :datasetId AND f.filename = :filename', { datasetId, filename })
      .getRawOne<FileRow>();
  }

  async findFileByHandle(datasetId: number, handle: string): Promise<FileRow | undefined> {
    return this.fileQuery(this.dataSource.manager)
      .where('f.dataset_id = :datasetId AND f.blob_handle = :handle', { datasetId, handle })
      .orderBy('f.id')
      .limit(1)
      .getRawOne<FileRow>();
  }

  /** Whether any file of the dataset lives under `prefix/` (a range scan on the C collation). */
  async hasFileUnder(manager: EntityManager, datasetId: number, prefix: string): Promise<boolean> {
    // Every name starting with 'p/' sorts in ['p/', 'p0'): '0' is the byte after '/'.
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM dataset_files WHERE dataset_id = $1
         AND filename >= $2 AND filename < $3 LIMIT 1`,
      [datasetId, `${prefix}/`, `${prefix}0`],
    );
    return rows.length > 0;
  }

  async anyNamed(manager: EntityManager, datasetId: number, names: string[]): Promise<boolean> {
    if (names.length === 0) {
      return false;
    }
    const count = await manager.count(DatasetFile, { where: { datasetId, filename: In(names) } });
    return count > 0;
  }

  /** Names `<prefix>/<digits>` in use, for numbering a new file in that directory. */
  async numberedNames(
    manager: EntityManager,
    datasetId: number,
    prefix: string,
  ): Promise<Set<number>> {
    const start = prefix === '' ? '' : `${prefix}/`;
    const rows = await manager.query<{ filename: string }[]>(
      `SELECT filename FROM dataset_files WHERE dataset_id = $1
         AND filename >= $2 AND filename < $3 AND substr(filename, $4) ~ '^[0-9]+$'`,
      [datasetId, start, prefix === '' ? '\u{10FFFF}' : `${prefix}0`, start.length + 1],
    );
    return new Set(rows.map((row) => Number(row.filename.slice(start.length))));
  }

  /**
   * Records the blob and takes its row lock (held until the transaction ends): the collector
   * locks the same row before deleting bytes, so the two can never interleave.
   */
  async claimBlob(manager: EntityManager, handle: string, size: number): Promise<void> {
    await manager.query(
      `INSERT INTO blobs (handle, size) VALUES ($1, $2)
       ON CONFLICT (handle) DO UPDATE SET size = EXCLUDED.size`,
      [handle, size],
    );
  }

  async insertFile(manager: EntityManager, file: Partial<DatasetFile>): Promise<void> {
    await manager.insert(DatasetFile, file);
  }

  async deleteFile(manager: EntityManager, datasetId: number, filename: string): Promise<void> {
    await manager.delete(DatasetFile, { datasetId, filename });
  }

  async setMetadata(datasetId: number, filename: string, metadata: string): Promise<boolean> {
    if (filename.includes('\0')) {
      return false; // As findFile: no stored name has a NUL.
    }
    const result = await this.dataSource
      .getRepository(DatasetFile)
      .update({ datasetId, filename }, { metadata });
    return (result.affected ?? 0) > 0;
  }

  async allMetadata(datasetId: number): Promise<{ filename: string; metadata: string }[]> {
    return this.dataSource
      .getRepository(DatasetFile)
      .createQueryBuilder('f')
      .select(['f.filename AS filename', 'f.metadata AS metadata'])
      .where('f.dataset_id = :datasetId', { datasetId })
      .orderBy('f.id')
      .getRawMany();
  }

  /** Every file of a dataset with its size, for archives, in insertion order. */
  async filesOf(datasetId: number): Promise<FileRow[]> {
    return this.fileQuery(this.dataSource.manager)
      .where('f.dataset_id = :datasetId', { datasetId })
      .orderBy('f.id')
      .getRawMany<FileRow>();
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
        'f.metadata AS metadata',
      ]);
  }

  /**
   * Copies file references (names, blobs, metadata) from one dataset to another in a single
   * statement: no bytes move, and the order of the files is kept. `only` limits the copy to
   * those names (unknown names are simply not matched).
   */
  async copyFiles(
    manager: EntityManager,
    sourceId: number,
    targetId: number,
    only?: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO dataset_files (dataset_id, filename, blob_handle, metadata)
       SELECT $2, filename, blob_handle, metadata FROM dataset_files
       WHERE dataset_id = $1 AND ($3::text[] IS NULL OR filename = ANY($3::text[]))
       ORDER BY id`,
      [sourceId, targetId, only ?? null],
    );
  }

  /**
   * Merge, step one, as one statement: every source file whose name the target does not have
   * is added with the source's metadata, in the source's order. Files the target has with the
   * same bytes are left as they are.
   */
  async mergeNewNames(manager: EntityManager, sourceId: number, targetId: number): Promise<void> {
    await manager.query(
      `INSERT INTO dataset_files (dataset_id, filename, blob_handle, metadata)
       SELECT $2, s.filename, s.blob_handle, s.metadata FROM dataset_files s
       WHERE s.dataset_id = $1 AND NOT EXISTS (
         SELECT 1 FROM dataset_files t WHERE t.dataset_id = $2 AND t.filename = s.filename)
       ORDER BY s.id`,
      [sourceId, targetId],
    );
  }

  /** Merge, step two: source files whose name the target has with different bytes. */
  async mergeClashes(
    manager: EntityManager,
    sourceId: number,
    targetId: number,
  ): Promise<{ filename: string; handle: string; metadata: string }[]> {
    return manager.query(
      `SELECT s.filename, s.blob_handle AS handle, s.metadata FROM dataset_files s
       JOIN dataset_files t ON t.dataset_id = $2 AND t.filename = s.filename
       WHERE s.dataset_id = $1 AND t.blob_handle <> s.blob_handle
       ORDER BY s.id`,
      [sourceId, targetId],
    );
  }

  /** Names in the target that a renamed clash could collide with (`stem-NNNN.ext`). */
  async namesLike(manager: EntityManager, datasetId: number, pattern: string): Promise<string[]> {
    const rows = await manager.query<{ filename: string }[]>(
      'SELECT filename FROM dataset_files WHERE dataset_id = $1 AND filename ~ $2',
      [datasetId, pattern],
    );
    return rows.map((row) => row.filename);
  }

  async insertMany(
    manager: EntityManager,
    datasetId: number,
    files: { filename: string; handle: string; metadata: string }[],
  ): Promise<void> {
    if (files.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO dataset_files (dataset_id, filename, blob_handle, metadata)
       SELECT $1, f.filename, f.handle, f.metadata
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
         AS f(filename, handle, metadata, position)
       ORDER BY f.position`,
      [
        datasetId,
        files.map((file) => file.filename),
        files.map((file) => file.handle),
        files.map((file) => file.metadata),
      ],
    );
  }

  async clearMetadata(datasetId: number): Promise<void> {
    await this.dataSource.getRepository(DatasetFile).update({ datasetId }, { metadata: '' });
  }

  /** The distinct blobs a dataset references (to reclaim them after it is hard-deleted). */
  async handlesOf(manager: EntityManager, datasetId: number): Promise<string[]> {
    const rows = await manager.query<{ handle: string }[]>(
      'SELECT DISTINCT blob_handle AS handle FROM dataset_files WHERE dataset_id = $1',
      [datasetId],
    );
    return rows.map((row) => row.handle);
  }
}
