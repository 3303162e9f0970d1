import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Blob } from './blob.entity.js';
import { FileManifest } from './file-manifest.entity.js';

/**
 * A file of a manifest (the file list of one or more dataset versions): a name, a reference to
 * stored bytes, and per-file metadata. Copying a dataset shares the manifest; a manifest's rows
 * are copied only when one of its datasets is written to while another still uses it, and bytes
 * never are.
 */
@Entity({ name: 'dataset_files' })
@Index('uq_dataset_files_name', ['manifestId', 'filename'], { unique: true })
@Index('ix_dataset_files_blob', ['blobHandle'])
// Archives list a manifest's files in id order a page at a time: each page an index range.
@Index('ix_dataset_files_manifest_order', ['manifestId', 'id'])
export class DatasetFile {
  // bigint: copies multiply rows quickly; ids also give the files map its insertion order.
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_dataset_files',
  })
  id: string;

  @Column({ name: 'manifest_id', type: 'int' })
  manifestId: number;

  // CASCADE: a manifest is deleted once no dataset uses it, and its files go with it.
  @ManyToOne(() => FileManifest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'manifest_id' })
  manifest?: FileManifest;

  // Byte-wise collation: directory-prefix checks become index range scans ['dir/', 'dir0').
  @Column({ type: 'text', collation: 'C' })
  filename: string;

  @Column({ name: 'blob_handle', type: 'char', length: 64 })
  blobHandle: string;

  // RESTRICT: bytes are only reclaimed by the collector, after the last reference is gone.
  @ManyToOne(() => Blob, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blob_handle' })
  blob?: Blob;

  @Column({ type: 'text', default: '' })
  metadata: string;

  // Set by the writes themselves, not by TypeORM: a copied row carries its original's times.
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** data.world's file description; `/v1` has no field for it. */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** data.world's file labels (`raw data`, `documentation`, ...); `/v1` has no field for them. */
  @Column({ type: 'text', array: true, nullable: true })
  labels: string[] | null;
}
