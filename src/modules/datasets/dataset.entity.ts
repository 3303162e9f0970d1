import {
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SoftDeleteRecord } from '../../common/entities/soft-delete.entity.js';
import { FileManifest } from '../dataset-files/file-manifest.entity.js';
import { DataDomain } from '../domains/data-domain.entity.js';
import { Licence } from '../licences/licence.entity.js';
import { Project } from '../projects/project.entity.js';

/**
 * One version of a dataset. Every version is a row of its own; its files are those of its
 * manifest, which copies of it share until one of them changes its files.
 */
@Entity({ name: 'datasets' })
@Index('uq_datasets_active_name_version_project', ['name', 'version', 'projectId'], {
  unique: true,
  where: '"deletion_time" IS NULL',
})
@Index('ix_datasets_project', ['projectId'])
@Index('ix_datasets_slug', ['slug'])
@Index('ix_datasets_manifest', ['manifestId'])
// A slug names one lineage (project, name) among the team's active ones: no two active rows of
// a team share it unless they are versions of one lineage. Two constraints, since an exclusion
// conflicts only when every operator holds: other project, or same project and other name.
@Exclusion(
  'xc_datasets_slug_team',
  'USING gist ("team_id" WITH =, "slug" WITH =, "project_id" WITH <>) WHERE ("deletion_time" IS NULL)',
)
@Exclusion(
  'xc_datasets_slug_project',
  'USING gist ("project_id" WITH =, "slug" WITH =, "name" WITH <>) WHERE ("deletion_time" IS NULL)',
)
export class Dataset extends SoftDeleteRecord {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_datasets' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'previous_version', type: 'int', default: -1 })
  previousVersion: number;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  /**
   * The project's team, copied so the slug constraints can see it. The foreign key is on
   * (project, team): a wrong team is refused, and a project moving teams carries its
   * datasets along (ON UPDATE CASCADE).
   */
  @Column({ name: 'team_id', type: 'int' })
  teamId: number;

  // RESTRICT: a project is hard-deleted only once its datasets are gone (answered 400).
  @ManyToOne(() => Project, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'project_id', referencedColumnName: 'id' },
    { name: 'team_id', referencedColumnName: 'teamId' },
  ])
  project?: Project;

  @Column({ name: 'licence_id', type: 'int' })
  licenceId: number;

  // RESTRICT: a licence in use cannot be deleted (the licences service answers 400).
  @ManyToOne(() => Licence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'licence_id' })
  licence?: Licence;

  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'domain_id', type: 'int', nullable: true })
  domainId: number | null;

  @ManyToOne(() => DataDomain, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'domain_id' })
  domain?: DataDomain | null;

  @Column({ type: 'text', default: '' })
  tags: string;

  /**
   * The `/v0` id (data.world's dataset slug): shared by every version of one lineage, unique
   * among the team's active lineages.
   */
  @Column({ type: 'varchar', length: 95 })
  slug: string;

  /** data.world's Markdown summary; `/v1` has no field for it. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /**
   * When the version's metadata or files last changed (data.world's `updated`); a copy starts
   * afresh. Set by the writes, not by TypeORM, so that reads and soft deletes leave it alone.
   */
  @Column({ name: 'modification_time', type: 'timestamptz', default: () => 'now()' })
  modificationTime: Date;

  /** The manifest holding this version's files, possibly shared with copies of it. */
  @Column({ name: 'manifest_id', type: 'int' })
  manifestId: number;

  // RESTRICT: a manifest is only deleted once the last dataset using it is gone.
  @ManyToOne(() => FileManifest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'manifest_id' })
  manifest?: FileManifest;
}
