import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One stored blob (bytes in the blob store, named by their SHA-256). The row exists while the
 * bytes may be referenced; its lock is what keeps garbage collection and a concurrent upload of
 * the same bytes from racing.
 */
@Entity({ name: 'blobs' })
@Check('ck_blobs_crc32', `"crc32" BETWEEN 0 AND 4294967295`)
export class Blob {
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'pk_blobs' })
  handle: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  /**
   * CRC-32 (zip's checksum) of the bytes, unsigned, computed as they were staged: a zip download
   * can then write each entry's header before its bytes and copy them untouched. Null for blobs
   * stored before the column existed; their zip entries get the checksum as they stream.
   */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: number | null | undefined) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  crc32: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
