import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

// The four sub-descriptor vocabularies are separate tables (as in UFDL) so that one name can
// mean different things: "Patent use" is a permission of GPL3 and a limitation of CC0.

/** Something a licence allows ("Commercial use"). */
@Entity({ name: 'licence_permissions' })
@Unique('uq_licence_permissions_name', ['name'])
export class LicencePermission {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_licence_permissions' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}

/** Something a licence requires of its users ("License and copyright notice"). */
@Entity({ name: 'licence_conditions' })
@Unique('uq_licence_conditions_name', ['name'])
export class LicenceCondition {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_licence_conditions' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}

/** Something a licence disclaims or withholds ("Warranty"). */
@Entity({ name: 'licence_limitations' })
@Unique('uq_licence_limitations_name', ['name'])
export class LicenceLimitation {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_licence_limitations' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}

/** What kind of work a licence is meant for ("Software", "Data"); not a data domain. */
@Entity({ name: 'licence_domains' })
@Unique('uq_licence_domains_name', ['name'])
export class LicenceDomain {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_licence_domains' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
