import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Dataset } from '../datasets/dataset.entity.js';
import { Blob } from './blob.entity.js';

/**
 * A file of a dataset version: a name, a reference to stored bytes, and per-file metadata.
 * Copying a dataset copies these rows, never the bytes.
 */
@Entity({ name: 'dataset_files' })
@Index('uq_dataset_files_name', ['datasetId', 'filename'], { unique: true })
@Index('ix_dataset_files_blob', ['blobHandle'])
export class DatasetFile {
  // bigint: copies multiply rows quickly; ids also give the files map its insertion order.
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_dataset_files',
  })
  id: string;

  @Column({ name: 'dataset_id', type: 'int' })
  datasetId: number;

  @ManyToOne(() => Dataset, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id' })
  dataset?: Dataset;

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
}
