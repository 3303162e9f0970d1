import { Column, CreateDateColumn, JoinColumn, ManyToOne } from 'typeorm';
import { User } from '../../modules/users/user.entity.js';

/**
 * The soft-delete trio every UFDL-owned record carries: who created it, when, and when it was
 * deleted (null: active). Uniqueness rules on these tables hold among active rows only.
 */
export abstract class SoftDeleteRecord {
  @Column({ name: 'creator_id', type: 'int', nullable: true })
  creatorId: number | null;

  // SET NULL: a user row is never really deleted (UFDL deactivates), but if an operator does
  // delete one, what they created stays.
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'creator_id' })
  creator?: User | null;

  @CreateDateColumn({ name: 'creation_time', type: 'timestamptz' })
  creationTime: Date;

  @Column({ name: 'deletion_time', type: 'timestamptz', nullable: true })
  deletionTime: Date | null;
}

/** The trio as UFDL serialises it, always last and in this order. */
export function softDeleteJson(
  record: Pick<SoftDeleteRecord, 'creatorId' | 'creationTime' | 'deletionTime'>,
): {
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
} {
  return {
    creator: record.creatorId,
    creation_time: record.creationTime.toISOString(),
    deletion_time: record.deletionTime ? record.deletionTime.toISOString() : null,
  };
}
