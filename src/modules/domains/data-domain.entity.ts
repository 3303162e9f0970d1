import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A kind of dataset (UFDL's DataDomain): a two-letter code and a human description. */
@Entity({ name: 'data_domains' })
@Unique('uq_data_domains_name', ['name'])
export class DataDomain {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_data_domains' })
  id: number;

  /** The code (`ic`, `od`, ...) clients and filters use. */
  @Column({ type: 'varchar', length: 2 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  description: string;
}
