import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';
import { User } from './user.entity.js';

export interface AuthRow {
  id: number;
  username: string;
  isStaff: boolean;
  isSuperuser: boolean;
  isActive: boolean;
  lastLogin: Date | null;
}

@Injectable()
export class UsersRepository {
  private readonly users: Repository<User>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(User);
  }

  /**
   * The fields authentication needs, with plain SQL: it runs on every authenticated request,
   * where building a TypeORM query cost more than the query itself.
   */
  async findForAuth(id: number): Promise<AuthRow | undefined> {
    const rows = await this.dataSource.query<AuthRow[]>(
      `SELECT id, username, is_staff AS "isStaff", is_superuser AS "isSuperuser",
              is_active AS "isActive", last_login AS "lastLogin"
       FROM users WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<User | null> {
    // PostgreSQL text cannot hold NUL (the query would fail), so no username has one.
    if (username.includes('\0')) {
      return Promise.resolve(null);
    }
    return this.users.findOneBy({ username });
  }

  /** The base of `POST /v1/users/list`; the filter compiler adds the caller's spec. */
  listQuery(alias: string): SelectQueryBuilder<User> {
    return this.users.createQueryBuilder(alias);
  }

  /** Whether any active site admin exists (staff, the flag UFDL's IsAdminUser checks). */
  async hasActiveAdmin(): Promise<boolean> {
    return this.users.exists({ where: { isStaff: true, isActive: true } });
  }

  /**
   * Inserts the user unless the username is taken; returns the new id, or undefined when the
   * name was taken. Two requests creating one name at once must not both succeed.
   */
  async insertIfAbsent(user: Partial<User>): Promise<number | undefined> {
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: number }[])[0]?.id;
  }

  async update(id: number, changes: Partial<User>): Promise<void> {
    await this.users.update({ id }, changes);
  }

  /** Records a login at most once a minute per user, so reads stay reads under load. */
  async touchLastLogin(id: number): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update()
      .set({ lastLogin: () => 'now()' })
      .where('id = :id', { id })
      .andWhere("(last_login IS NULL OR last_login < now() - interval '1 minute')")
      .execute();
  }
}
