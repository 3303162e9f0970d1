import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import {
  LicenceCondition,
  LicenceDomain,
  LicenceLimitation,
  LicencePermission,
} from './licence-subdescriptor.entity.js';

/** A licence datasets can be published under, with its UFDL sub-descriptors. */
@Entity({ name: 'licences' })
@Unique('uq_licences_name', ['name'])
@Unique('uq_licences_dataworld_name', ['dataworldName'])
export class Licence {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_licences' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  url: string;

  /**
   * The data.world (`/v0`) licence name this licence is shown as; null ones show as `Other`.
   * Seeded only: the UFDL API has no field for it.
   */
  @Column({ name: 'dataworld_name', type: 'varchar', length: 32, nullable: true })
  dataworldName: string | null;

  @ManyToMany(() => LicencePermission)
  @JoinTable({
    name: 'licences_permissions',
    joinColumn: { name: 'licence_id' },
    inverseJoinColumn: { name: 'permission_id' },
  })
  permissions: LicencePermission[];

  @ManyToMany(() => LicenceCondition)
  @JoinTable({
    name: 'licences_conditions',
    joinColumn: { name: 'licence_id' },
    inverseJoinColumn: { name: 'condition_id' },
  })
  conditions: LicenceCondition[];

  @ManyToMany(() => LicenceLimitation)
  @JoinTable({
    name: 'licences_limitations',
    joinColumn: { name: 'licence_id' },
    inverseJoinColumn: { name: 'limitation_id' },
  })
  limitations: LicenceLimitation[];

  @ManyToMany(() => LicenceDomain)
  @JoinTable({
    name: 'licences_domains',
    joinColumn: { name: 'licence_id' },
    inverseJoinColumn: { name: 'domain_id' },
  })
  domains: LicenceDomain[];
}
