import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  RequestValidationError,
} from '../../common/errors/domain-error.js';
import {
  exclusionViolation,
  foreignKeyViolation,
  uniqueViolation,
} from '../../common/errors/pg-errors.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import { TeamAccessService } from '../teams/team-access.service.js';
import { TEAM_FILTER, TeamsService } from '../teams/teams.service.js';
import { projectView, type ProjectView } from './project-view.js';
import type { CreateProjectCommand, UpdateProjectCommand } from './project.commands.js';
import type { Project } from './project.entity.js';
import { ProjectsRepository } from './projects.repository.js';

export const PROJECT_FILTER: FilterResource = {
  name: 'project',
  table: 'projects',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    team: { column: 'team_id', type: 'int' },
    creator: { column: 'creator_id', type: 'int' },
    creation_time: { column: 'creation_time', type: 'datetime' },
    deletion_time: { column: 'deletion_time', type: 'datetime' },
  },
  relations: {
    team: { table: 'teams', localColumn: 'team_id', remoteColumn: 'id', resource: TEAM_FILTER },
    ...TEAM_FILTER.relations,
  },
  active: '{alias}."deletion_time" IS NULL',
};

/** A step run inside the transaction that soft-deletes a project, with its timestamp. */
export type ProjectDeletionStep = (
  manager: EntityManager,
  projectId: number,
  deletedAt: Date,
) => Promise<void>;

/** A step run inside the transaction that moves a project to another team, before the move. */
export type ProjectTeamChangeStep = (
  manager: EntityManager,
  projectId: number,
  newTeamId: number,
) => Promise<void>;

@Injectable()
export class ProjectsService {
  // Modules that own things inside projects (datasets) register here; the projects module
  // cannot depend on them without a cycle.
  private readonly deletionSteps: ProjectDeletionStep[] = [];
  private readonly teamChangeSteps: ProjectTeamChangeStep[] = [];

  constructor(
    private readonly projects: ProjectsRepository,
    private readonly teams: TeamsService,
    private readonly access: TeamAccessService,
  ) {}

  async list(caller: Caller, request: ListRequest): Promise<ListResult<ProjectView>> {
    const query = this.projects.listQuery('p');
    const visible = this.access.memberTeamsCondition(caller, 'p.team_id');
    if (visible) {
      query.andWhere(visible.sql, visible.parameters);
    }
    return executeList(query, 'p', PROJECT_FILTER, request, (projects) =>
      projects.map(projectView),
    );
  }

  async create(caller: AuthUser, command: CreateProjectCommand): Promise<ProjectView> {
    await this.assertTeamExists(command.teamId);
    await this.access.assert(caller, command.teamId, 'write');
    try {
      const project = await this.projects.insert({
        name: command.name,
        teamId: command.teamId,
        creatorId: caller.id,
      });
      return projectView(project);
    } catch (error) {
      throw this.translate(error);
    }
  }

  async retrieve(caller: Caller, pk: number): Promise<ProjectView> {
    const project = await this.get(pk);
    await this.access.assert(caller, project.teamId, 'read');
    return projectView(project);
  }

  /** Needs write access in the project's team, and in the target team when it moves. */
  async update(caller: Caller, pk: number, command: UpdateProjectCommand): Promise<ProjectView> {
    const { name, teamId } = command;
    const project = await this.get(pk);
    await this.access.assert(caller, project.teamId, 'write');
    if (teamId !== undefined && teamId !== project.teamId) {
      await this.assertTeamExists(teamId);
      await this.access.assert(caller, teamId, 'write');
    }
    const newTeam = teamId !== undefined && teamId !== project.teamId ? teamId : undefined;
    try {
      await this.projects.update(
        pk,
        {
          ...(name !== undefined && { name }),
          ...(teamId !== undefined && { teamId }),
        },
        async (manager) => {
          if (newTeam !== undefined) {
            for (const step of this.teamChangeSteps) {
              await step(manager, pk, newTeam);
            }
          }
        },
      );
    } catch (error) {
      throw this.translate(error);
    }
    return projectView(await this.get(pk));
  }

  async destroy(caller: Caller, pk: number): Promise<void> {
    const project = await this.get(pk);
    await this.access.assert(caller, project.teamId, 'write');
    await this.projects.softDelete(pk, async (manager, projectId, at) => {
      for (const step of this.deletionSteps) {
        await step(manager, projectId, at);
      }
    });
  }

  /** Registers a step run before every move of a project to another team (same transaction). */
  onTeamChange(step: ProjectTeamChangeStep): void {
    this.teamChangeSteps.push(step);
  }

  /** Registers a step of every project soft delete (same transaction, same timestamp). */
  onSoftDelete(step: ProjectDeletionStep): void {
    this.deletionSteps.push(step);
  }

  async hardDelete(pk: number): Promise<ProjectView> {
    const before = projectView(await this.get(pk));
    try {
      await this.projects.hardDelete(pk);
    } catch (error) {
      if (foreignKeyViolation(error)) {
        throw new BadRequestError(
          'Cannot hard-delete this project: datasets still belong to it; hard-delete them first.',
        );
      }
      throw error;
    }
    return before;
  }

  async reinstate(pk: number): Promise<ProjectView> {
    const project = await this.get(pk);
    if (project.deletionTime !== null) {
      try {
        await this.projects.update(pk, { deletionTime: null });
      } catch (error) {
        if (uniqueViolation(error) !== undefined) {
          throw new ConflictError(
            `Cannot reinstate project '${project.name}': an active project of its team already ` +
              'has that name.',
          );
        }
        throw error;
      }
    }
    return projectView(await this.get(pk));
  }

  /**
   * The team's active project named `name`, created on demand (by `creatorId`), in the caller's
   * transaction. The caller has checked write access in the team.
   */
  ensureNamed(
    manager: EntityManager,
    teamId: number,
    name: string,
    creatorId: number,
  ): Promise<number> {
    return this.projects.ensureNamed(manager, teamId, name, creatorId);
  }

  /** The owning team of a project (deleted or not), or undefined when there is no such project. */
  async findTeamOf(pk: number): Promise<number | undefined> {
    return (await this.projects.findById(pk))?.teamId;
  }

  private async assertTeamExists(team: number): Promise<void> {
    if (!(await this.teams.teamExists(team))) {
      throw new RequestValidationError({ team: [`Invalid pk "${team}" - object does not exist.`] });
    }
  }

  private async get(pk: number): Promise<Project> {
    const project = await this.projects.findById(pk);
    if (!project) {
      throw new NotFoundError();
    }
    return project;
  }

  private translate(error: unknown): unknown {
    if (uniqueViolation(error) !== undefined) {
      return new ConflictError('A project with this name already exists in this team.');
    }
    if (exclusionViolation(error) !== undefined) {
      // Datasets are re-slugged under the team's slug lock first; only a race gets here.
      return new ConflictError(
        'A dataset of this project uses a slug taken in the target team; please try again.',
      );
    }
    return error;
  }
}
