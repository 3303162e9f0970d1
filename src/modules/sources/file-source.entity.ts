import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Dataset } from '../datasets/dataset.entity.js';

export const SYNC_STATUSES = ['NEW', 'INPROGRESS', 'OK', 'SYSTEMERROR'] as const;
/** NEW: never fetched; INPROGRESS: a fetch is running; then how the last fetch ended. */
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/**
 * A file of a dataset version whose bytes come from a URL, fetched in the background. The
 * file's bytes, once fetched, are an ordinary file of the dataset (dataset_files); until the
 * first fetch succeeds the dataset has no file by that name.
 */
@Entity({ name: 'file_sources' })
@Index('uq_file_sources_name', ['datasetId', 'filename'], { unique: true })
@Check('ck_file_sources_sync_status', `"sync_status" IN ('NEW', 'INPROGRESS', 'OK', 'SYSTEMERROR')`)
export class FileSource {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_file_sources' })
  id: number;

  @Column({ name: 'dataset_id', type: 'int' })
  datasetId: number;

  // CASCADE: a dataset row is only ever removed with everything that hangs off it.
  @ManyToOne(() => Dataset, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id', foreignKeyConstraintName: 'fk_file_sources_dataset' })
  dataset?: Dataset;

  // Byte-wise, like dataset_files.filename, so the two compare alike.
  @Column({ type: 'text', collation: 'C' })
  filename: string;

  @Column({ type: 'text' })
  url: string;

  /** Store a fetched zip's entries instead of the zip. */
  @Column({ name: 'expand_archive', type: 'boolean', default: false })
  expandArchive: boolean;

  @Column({ name: 'sync_status', type: 'varchar', length: 16, default: 'NEW' })
  syncStatus: SyncStatus;

  /**
   * The queued or running fetch job; null when none is. Set in the transaction that enqueues
   * the job, so "a sync is queued or running" is exactly "some source has a job".
   */
  @Column({ name: 'sync_job_id', type: 'uuid', nullable: true })
  syncJobId: string | null;

  @Column({ name: 'last_sync_start', type: 'timestamptz', nullable: true })
  lastSyncStart: Date | null;

  @Column({ name: 'last_sync_success', type: 'timestamptz', nullable: true })
  lastSyncSuccess: Date | null;

  @Column({ name: 'last_sync_failure', type: 'timestamptz', nullable: true })
  lastSyncFailure: Date | null;

  /** Why the last fetch failed, for people; null after a success. */
  @Column({ name: 'sync_summary', type: 'text', nullable: true })
  syncSummary: string | null;

  /** The file's description until its first fetch records it on the file (then kept alike). */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The file's labels, as {@link description}. */
  @Column({ type: 'text', array: true, nullable: true })
  labels: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
