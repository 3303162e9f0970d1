import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { runTransaction } from '../../database/transaction.js';
import { detailsAssignments, type FileDetailsChange } from '../dataset-files/file-details.js';
import type { SyncStatus } from './file-source.entity.js';

/** A source as the service presents it. */
export interface SourceRow {
  id: number;
  datasetId: number;
  filename: string;
  url: string;
  expandArchive: boolean;
  syncStatus: SyncStatus;
  syncJobId: string | null;
  lastSyncStart: Date | null;
  lastSyncSuccess: Date | null;
  lastSyncFailure: Date | null;
  syncSummary: string | null;
  description: string | null;
  labels: string[] | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a starting fetch needs of its source. */
export interface ClaimedSource {
  datasetId: number;
  filename: string;
  url: string;
  expandArchive: boolean;
}

const COLUMNS = `id, dataset_id AS "datasetId", filename, url, expand_archive AS "expandArchive",
  sync_status AS "syncStatus", sync_job_id AS "syncJobId", last_sync_start AS "lastSyncStart",
  last_sync_success AS "lastSyncSuccess", last_sync_failure AS "lastSyncFailure",
  sync_summary AS "syncSummary", description, labels, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The file_sources table. A fetch job changes a source only while the source still names that
 * job (`sync_job_id`): a job made stale by a newer one (the URL changed, the source was
 * removed) changes nothing.
 */
@Injectable()
export class FileSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  /** A dataset's sources by file name, locked for the caller's transaction. */
  async lockForDataset(manager: EntityManager, datasetId: number): Promise<SourceRow[]> {
    return manager.query<SourceRow[]>(
      `SELECT ${COLUMNS} FROM file_sources WHERE dataset_id = $1 ORDER BY filename FOR UPDATE`,
      [datasetId],
    );
  }

  async listForDataset(datasetId: number): Promise<SourceRow[]> {
    return this.dataSource.query<SourceRow[]>(
      `SELECT ${COLUMNS} FROM file_sources WHERE dataset_id = $1 ORDER BY filename`,
      [datasetId],
    );
  }

  /** The sources of these datasets, by dataset then file name. */
  async listForDatasets(datasetIds: readonly number[]): Promise<SourceRow[]> {
    if (datasetIds.length === 0) {
      return [];
    }
    return this.dataSource.query<SourceRow[]>(
      `SELECT ${COLUMNS} FROM file_sources WHERE dataset_id = ANY($1::int[])
       ORDER BY dataset_id, filename`,
      [datasetIds],
    );
  }

  /** Sets the details of the dataset's source of that name; whether there is one. */
  async setDetails(
    manager: EntityManager,
    datasetId: number,
    filename: string,
    change: FileDetailsChange,
  ): Promise<boolean> {
    const set = detailsAssignments(change, 3);
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE file_sources SET ${set.sql} WHERE dataset_id = $1 AND filename = $2`,
      [datasetId, filename, ...set.parameters],
    );
    return affected > 0;
  }

  /** A source's details as committed now (none when it is gone). */
  async detailsOf(
    manager: EntityManager,
    id: number,
  ): Promise<{ description: string | null; labels: string[] | null }> {
    const [row] = await manager.query<{ description: string | null; labels: string[] | null }[]>(
      'SELECT description, labels FROM file_sources WHERE id = $1',
      [id],
    );
    return row ?? { description: null, labels: null };
  }

  async findById(id: number): Promise<SourceRow | undefined> {
    const [row] = await this.dataSource.query<SourceRow[]>(
      `SELECT ${COLUMNS} FROM file_sources WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** A new source (status NEW); answers its id. */
  async insert(
    manager: EntityManager,
    datasetId: number,
    source: {
      filename: string;
      url: string;
      expandArchive: boolean;
      description?: string | null;
      labels?: readonly string[] | null;
    },
  ): Promise<number> {
    const [row] = await manager.query<{ id: number }[]>(
      `INSERT INTO file_sources (dataset_id, filename, url, expand_archive, description, labels)
       VALUES ($1, $2, $3, $4, $5, $6::text[]) RETURNING id`,
      [
        datasetId,
        source.filename,
        source.url,
        source.expandArchive,
        source.description ?? null,
        source.labels ?? null,
      ],
    );
    return row.id;
  }

  /** A source pointed elsewhere: never fetched from there, so NEW again. */
  async repoint(
    manager: EntityManager,
    id: number,
    source: { url: string; expandArchive: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE file_sources SET url = $2, expand_archive = $3, sync_status = 'NEW',
         sync_job_id = NULL, last_sync_start = NULL, last_sync_success = NULL,
         last_sync_failure = NULL, sync_summary = NULL, updated_at = now()
       WHERE id = $1`,
      [id, source.url, source.expandArchive],
    );
  }

  async delete(manager: EntityManager, ids: number[]): Promise<void> {
    await manager.query('DELETE FROM file_sources WHERE id = ANY($1)', [ids]);
  }

  async setJobs(manager: EntityManager, ids: number[], jobIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE file_sources s SET sync_job_id = j.job_id, updated_at = now()
       FROM unnest($1::int[], $2::uuid[]) AS j(id, job_id) WHERE s.id = j.id`,
      [ids, jobIds],
    );
  }

  /** Marks the source INPROGRESS for this job; undefined when the job is stale. */
  async claim(id: number, jobId: string): Promise<ClaimedSource | undefined> {
    const [rows] = await this.dataSource.query<[ClaimedSource[], number]>(
      `UPDATE file_sources SET sync_status = 'INPROGRESS', last_sync_start = now(),
         updated_at = now()
       WHERE id = $1 AND sync_job_id = $2
       RETURNING dataset_id AS "datasetId", filename, url, expand_archive AS "expandArchive"`,
      [id, jobId],
    );
    return rows[0];
  }

  /** Deletes the dataset's sources of these file names. */
  async deleteByNames(
    manager: EntityManager,
    datasetId: number,
    filenames: readonly string[],
  ): Promise<void> {
    if (filenames.length > 0) {
      await manager.query(
        'DELETE FROM file_sources WHERE dataset_id = $1 AND filename = ANY($2::text[])',
        [datasetId, filenames],
      );
    }
  }

  /**
   * Whether the job is still the source's, with the source row locked FOR SHARE until the
   * caller's transaction ends: an upload or delete that drops the source waits for it, or has
   * already dropped it and the job records nothing.
   */
  async lockIfCurrent(manager: EntityManager, id: number, jobId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM file_sources WHERE id = $1 AND sync_job_id = $2 FOR SHARE',
      [id, jobId],
    );
    return rows.length > 0;
  }

  async isCurrent(id: number, jobId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM file_sources WHERE id = $1 AND sync_job_id = $2',
      [id, jobId],
    );
    return rows.length > 0;
  }

  async succeed(id: number, jobId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE file_sources SET sync_status = 'OK', last_sync_success = now(),
         sync_summary = NULL, sync_job_id = NULL, updated_at = now()
       WHERE id = $1 AND sync_job_id = $2`,
      [id, jobId],
    );
  }

  async fail(id: number, jobId: string, summary: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE file_sources SET sync_status = 'SYSTEMERROR', last_sync_failure = now(),
         sync_summary = $3, sync_job_id = NULL, updated_at = now()
       WHERE id = $1 AND sync_job_id = $2`,
      [id, jobId, summary],
    );
  }
}
