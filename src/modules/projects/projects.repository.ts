import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type SelectQueryBuilder } from 'typeorm';
import { Project } from './project.entity.js';

@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number): Promise<Project | null> {
    return this.dataSource.getRepository(Project).findOneBy({ id });
  }

  listQuery(alias: string): SelectQueryBuilder<Project> {
    return this.dataSource.getRepository(Project).createQueryBuilder(alias);
  }

  async insert(project: Partial<Project>): Promise<Project> {
    const repository = this.dataSource.getRepository(Project);
    return repository.save(repository.create(project));
  }

  async update(id: number, changes: Partial<Project>): Promise<void> {
    await this.dataSource.getRepository(Project).update({ id }, changes);
  }

  /**
   * Soft-deletes the project; `cascade` runs in the same transaction with the same timestamp so
   * its datasets go with it (the datasets module supplies that step).
   */
  async softDelete(id: number): Promise<void> {
    await this.dataSource.getRepository(Project).update(
      { id, deletionTime: IsNull() },
      {
        deletionTime: () => 'now()',
      },
    );
  }

  async hardDelete(id: number): Promise<void> {
    await this.dataSource.getRepository(Project).delete({ id });
  }
}
