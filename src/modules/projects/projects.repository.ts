import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Project } from './project.entity.js';
import { runTransaction } from '../../database/transaction.js';

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

  /** Updates the project; `before` runs first in the same transaction (a team move's steps). */
  async update(
    id: number,
    changes: Partial<Project>,
    before?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    // An empty PATCH changes nothing; TypeORM refuses an UPDATE without values.
    if (Object.keys(changes).length === 0) {
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await before?.(manager);
      await manager.update(Project, { id }, changes);
    });
  }

  /**
   * Soft-deletes the project; `cascade` runs in the same transaction with the same timestamp so
   * what belongs to the project goes with it (other modules supply those steps).
   */
  async softDelete(
    id: number,
    cascade: (manager: EntityManager, projectId: number, at: Date) => Promise<void>,
  ): Promise<void> {
    await runTransaction(this.dataSource, async (manager) => {
      const [{ now }] = await manager.query<{ now: Date }[]>('SELECT now() AS now');
      const result = await manager.update(
        Project,
        { id, deletionTime: IsNull() },
        { deletionTime: now },
      );
      if (result.affected) {
        await cascade(manager, id, now);
      }
    });
  }

  /**
   * The id of the team's active project of this name, made now when there is none. Concurrent
   * callers get the same project: the insert yields to the active-name unique index.
   */
  async ensureNamed(
    manager: EntityManager,
    teamId: number,
    name: string,
    creatorId: number,
  ): Promise<number> {
    const inserted = await manager.query<{ id: number }[]>(
      `INSERT INTO projects (name, team_id, creator_id) VALUES ($1, $2, $3)
       ON CONFLICT (name, team_id) WHERE deletion_time IS NULL DO NOTHING RETURNING id`,
      [name, teamId, creatorId],
    );
    if (inserted.length > 0) {
      return inserted[0].id;
    }
    const rows = await manager.query<{ id: number }[]>(
      'SELECT id FROM projects WHERE name = $1 AND team_id = $2 AND deletion_time IS NULL',
      [name, teamId],
    );
    return rows[0].id;
  }

  async hardDelete(id: number): Promise<void> {
    await this.dataSource.getRepository(Project).delete({ id });
  }
}
