import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SoftDeleteRecord } from '../../common/entities/soft-delete.entity.js';

@Entity({ name: 'teams' })
@Index('uq_teams_active_name', ['name'], { unique: true, where: '"deletion_time" IS NULL' })
@Index('uq_teams_active_slug', ['slug'], { unique: true, where: '"deletion_time" IS NULL' })
export class Team extends SoftDeleteRecord {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_teams' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The team's address on `/v0` (data.world's `owner`): 3-31 of [a-z0-9-]. */
  @Column({ type: 'varchar', length: 31 })
  slug: string;
}
