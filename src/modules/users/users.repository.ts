import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { User } from './user.entity.js';

@Injectable()
export class UsersRepository {
  private readonly users: Repository<User>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.users = dataSource.getRepository(User);
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  /** Whether any active site admin exists (staff, the flag UFDL's IsAdminUser checks). */
  async hasActiveAdmin(): Promise<boolean> {
    return this.users.exists({ where: { isStaff: true, isActive: true } });
  }

  /**
   * Inserts the user unless the username is taken; returns whether it was inserted. Two
   * instances bootstrapping one database at once must not both fail or both claim success.
   */
  async insertIfAbsent(user: Partial<User>): Promise<boolean> {
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async update(id: number, changes: Partial<User>): Promise<void> {
    await this.users.update({ id }, changes);
  }
}
