import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One stored blob (bytes in the blob store, named by their SHA-256). The row exists while the
 * bytes may be referenced; its lock is what keeps garbage collection and a concurrent upload of
 * the same bytes from racing.
 */
@Entity({ name: 'blobs' })
export class Blob {
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'pk_blobs' })
  handle: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
