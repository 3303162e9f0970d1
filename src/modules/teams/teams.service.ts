import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { foreignKeyViolation, uniqueViolation } from '../../common/errors/pg-errors.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import { UsersService } from '../users/users.service.js';
import type { Level, Membership } from './membership.entity.js';
import { TeamAccessService } from './team-access.service.js';
import { deriveSlug, slugCandidate, TEAM_SLUG_MAX } from './team-slug.js';
import type {
  CreateTeamCommand,
  MembershipChangeCommand,
  UpdateTeamCommand,
} from './team.commands.js';
import type { Team } from './team.entity.js';
import { membershipView, teamView, type MembershipView, type TeamView } from './team-view.js';
import { TeamsRepository } from './teams.repository.js';

const USER_REF: FilterResource = {
  name: 'user',
  table: 'users',
  primaryKey: 'id',
  fields: { pk: { column: 'id', type: 'int' }, username: { column: 'username', type: 'string' } },
};

export const TEAM_FILTER: FilterResource = {
  name: 'team',
  table: 'teams',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    creator: { column: 'creator_id', type: 'int' },
    creation_time: { column: 'creation_time', type: 'datetime' },
    deletion_time: { column: 'deletion_time', type: 'datetime' },
  },
  relations: {
    creator: { table: 'users', localColumn: 'creator_id', remoteColumn: 'id', resource: USER_REF },
  },
  active: '{alias}."deletion_time" IS NULL',
};

const NAME_TAKEN = 'A team with this name already exists.';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly access: TeamAccessService,
    private readonly users: UsersService,
  ) {}

  async list(caller: Caller, request: ListRequest): Promise<ListResult<TeamView>> {
    const query = this.teams.listQuery('t');
    const visible = this.access.memberTeamsCondition(caller, 't.id');
    if (visible) {
      query.andWhere(visible.sql, visible.parameters);
    }
    return executeList(query, 't', TEAM_FILTER, request, (teams) => this.views(teams));
  }

  async create(caller: AuthUser, command: CreateTeamCommand): Promise<TeamView> {
    const team = await this.insertWithSlug(caller, command.name);
    return (await this.views([team]))[0];
  }

  async retrieve(caller: Caller, pk: number): Promise<TeamView> {
    const team = await this.get(pk);
    await this.access.assert(caller, team.id, 'read');
    return (await this.views([team]))[0];
  }

  async update(caller: Caller, pk: number, command: UpdateTeamCommand): Promise<TeamView> {
    const { name } = command;
    const team = await this.get(pk);
    await this.access.assert(caller, team.id, 'admin');
    if (name !== undefined && name !== team.name) {
      try {
        await this.teams.renameTeam(team.id, name);
      } catch (error) {
        throw uniqueViolation(error) !== undefined ? new ConflictError(NAME_TAKEN) : error;
      }
    }
    return this.retrieveUnchecked(pk);
  }

  async destroy(caller: Caller, pk: number): Promise<void> {
    const team = await this.get(pk);
    await this.access.assert(caller, team.id, 'admin');
    await this.teams.softDeleteTeam(team.id);
  }

  /** Site admins only (guarded); answers with the team as it was. */
  async hardDelete(pk: number): Promise<TeamView> {
    const before = await this.retrieveUnchecked(pk);
    try {
      await this.teams.hardDeleteTeam(pk);
    } catch (error) {
      if (foreignKeyViolation(error)) {
        throw new BadRequestError(
          'Cannot hard-delete this team: it still owns projects; hard-delete them first.',
        );
      }
      throw error;
    }
    return before;
  }

  async reinstate(pk: number): Promise<TeamView> {
    const team = await this.get(pk);
    if (team.deletionTime !== null) {
      try {
        await this.teams.reinstateTeam(pk);
      } catch (error) {
        if (uniqueViolation(error) !== undefined) {
          throw new ConflictError(
            `Cannot reinstate team '${team.name}': an active team already uses its name or slug.`,
          );
        }
        throw error;
      }
    }
    return this.retrieveUnchecked(pk);
  }

  async modifyMembership(
    caller: AuthUser,
    pk: number,
    change: MembershipChangeCommand,
  ): Promise<MembershipView> {
    const team = await this.get(pk);
    await this.access.assert(caller, team.id, 'admin');
    const user = await this.users.findRefByUsername(change.username);
    if (!user) {
      throw badName(change.username, 'No user with this username exists');
    }
    if (!user.isActive) {
      throw badName(change.username, 'This user is no longer active');
    }
    const current = await this.teams.activeMembership(user.id, team.id);
    let result: Membership;
    switch (change.method) {
      case 'add':
        if (current) {
          throw badName(change.username, `This user is already a member of team ${team.name}`);
        }
        try {
          result = await this.teams.insertMembership({
            userId: user.id,
            teamId: team.id,
            permissions: change.level,
            creatorId: caller.id,
          });
        } catch (error) {
          // Two concurrent adds of one user: the partial unique index lets only one through.
          if (uniqueViolation(error) !== undefined) {
            throw badName(change.username, `This user is already a member of team ${team.name}`);
          }
          throw error;
        }
        break;
      case 'remove':
        if (!current) {
          throw badName(change.username, `This user is not a member of team ${team.name}`);
        }
        result = await this.teams.endMembership(current);
        break;
      case 'update':
        if (!current) {
          throw badName(change.username, `This user is not a member of team ${team.name}`);
        }
        current.permissions = change.level;
        result = await this.teams.saveMembership(current);
        break;
    }
    return membershipView(result);
  }

  async permissionsFor(caller: Caller, pk: number, username: string): Promise<Level> {
    const team = await this.get(pk);
    await this.access.assert(caller, team.id, 'admin');
    const user = await this.users.findRefByUsername(username);
    if (!user) {
      throw badName(username, 'No user with this username exists');
    }
    const level = await this.access.levelOf(user.id, team.id);
    if (!level) {
      throw badName(username, `This user is not a current member of team ${team.name}`);
    }
    return level;
  }

  /**
   * The active team a `/v0` owner slug names. Teams are not secret (any member list names
   * them), but an unknown slug is 404 all the same.
   */
  async findBySlug(slug: string): Promise<Team> {
    const team = await this.teams.findActiveBySlug(slug);
    if (!team) {
      throw new NotFoundError();
    }
    return team;
  }

  /** Whether a team with this pk exists (deleted or not), for other modules. */
  async teamExists(pk: number): Promise<boolean> {
    return (await this.teams.findTeam(pk)) !== null;
  }

  private async retrieveUnchecked(pk: number): Promise<TeamView> {
    return (await this.views([await this.get(pk)]))[0];
  }

  private async get(pk: number): Promise<Team> {
    const team = await this.teams.findTeam(pk);
    if (!team) {
      throw new NotFoundError();
    }
    return team;
  }

  private async views(teams: Team[]): Promise<TeamView[]> {
    const members = await this.teams.membersOf(teams.map((team) => team.id));
    return teams.map((team) => teamView(team, members.get(team.id) ?? []));
  }

  /**
   * Inserts the team under the first free slug derived from its name. The partial unique index
   * on active slugs settles races between instances: on a clash we look again and retry.
   */
  private async insertWithSlug(caller: AuthUser, name: string): Promise<Team> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        return await this.teams.transaction(async (manager) => {
          const base = deriveSlug(name, TEAM_SLUG_MAX);
          if (base.length < 3) {
            // Too short to stand alone: `team-<pk>`, known only once the row exists.
            const team = await this.teams.insertTeam(manager, {
              name,
              slug: `tmp-${randomBytes(13).toString('hex')}`,
              creatorId: caller.id,
            });
            return this.teams.setSlug(manager, team, `team-${team.id}`);
          }
          const taken = await this.teams.slugsLike(base, manager);
          let n = 1;
          while (taken.has(slugCandidate(base, n, TEAM_SLUG_MAX))) {
            n += 1;
          }
          return this.teams.insertTeam(manager, {
            name,
            slug: slugCandidate(base, n, TEAM_SLUG_MAX),
            creatorId: caller.id,
          });
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'uq_teams_active_slug') {
          continue;
        }
        if (constraint !== undefined) {
          throw new ConflictError(NAME_TAKEN);
        }
        throw error;
      }
    }
    throw new ConflictError('Could not find a free slug for this team name; try another name.');
  }
}

function badName(name: string, reason: string): BadRequestError {
  return new BadRequestError(`Bad name '${name}': ${reason}`);
}
