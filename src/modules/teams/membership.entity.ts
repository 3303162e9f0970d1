import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SoftDeleteRecord } from '../../common/entities/soft-delete.entity.js';
import { User } from '../users/user.entity.js';
import { Team } from './team.entity.js';

export const LEVELS = ['R', 'X', 'W', 'A'] as const;
/** Read, eXecute, Write, Admin: each level includes the ones before it. */
export type Level = (typeof LEVELS)[number];

@Entity({ name: 'memberships' })
@Index('uq_memberships_active_user_team', ['userId', 'teamId'], {
  unique: true,
  where: '"deletion_time" IS NULL',
})
@Index('ix_memberships_team', ['teamId'])
@Check('ck_memberships_permissions', `"permissions" IN ('R', 'X', 'W', 'A')`)
export class Membership extends SoftDeleteRecord {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_memberships' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'team_id', type: 'int' })
  teamId: number;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column({ type: 'varchar', length: 1, default: 'R' })
  permissions: Level;
}
