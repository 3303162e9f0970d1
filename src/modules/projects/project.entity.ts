import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { SoftDeleteRecord } from '../../common/entities/soft-delete.entity.js';
import { Team } from '../teams/team.entity.js';

@Entity({ name: 'projects' })
@Index('uq_projects_active_name_team', ['name', 'teamId'], {
  unique: true,
  where: '"deletion_time" IS NULL',
})
@Index('ix_projects_team', ['teamId'])
// The target of datasets' (project, team) foreign key, which keeps their copy of the team right.
@Unique('uq_projects_id_team', ['id', 'teamId'])
export class Project extends SoftDeleteRecord {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_projects' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'team_id', type: 'int' })
  teamId: number;

  // RESTRICT: a team that still owns projects cannot be hard-deleted (answered 400).
  @ManyToOne(() => Team, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;
}
