import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person or service account; mirrors Django's AbstractUser as the UFDL API exposes it. */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_users' })
  id: number;

  @Column({ type: 'varchar', length: 150, unique: true })
  username: string;

  /** argon2id PHC string; never leaves the users module. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'first_name', type: 'varchar', length: 150, default: '' })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 150, default: '' })
  lastName: string;

  @Column({ type: 'varchar', length: 254, default: '' })
  email: string;

  @Column({ name: 'is_staff', type: 'boolean', default: false })
  isStaff: boolean;

  @Column({ name: 'is_superuser', type: 'boolean', default: false })
  isSuperuser: boolean;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn({ name: 'date_joined', type: 'timestamptz' })
  dateJoined: Date;

  @Column({ name: 'last_login', type: 'timestamptz', nullable: true })
  lastLogin: Date | null;
}
