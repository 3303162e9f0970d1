import { Injectable } from '@nestjs/common';
import {
  isSiteAdmin,
  scopeAllows,
  type AuthUser,
  type Caller,
  type TokenScope,
} from '../../common/auth/auth-user.js';
import { NotAuthenticatedError, PermissionDeniedError } from '../../common/errors/domain-error.js';
import { ChangeFeed } from '../../database/change-feed/change-feed.service.js';
import { InvalidatedCache } from '../../database/change-feed/invalidated-cache.js';
import type { Level } from './membership.entity.js';
import { TeamsRepository } from './teams.repository.js';

/**
 * What an action needs in the owning team. Site admins pass every check. It is the API token
 * scope by design: a token of scope `write` reaches team writes at most.
 */
export type TeamAccess = TokenScope;

const LEVELS_CACHE_TTL_MS = 300_000;
const LEVELS_CACHE_MAX_USERS = 10_000;

const LEVELS_GRANTING: Record<TeamAccess, readonly Level[]> = {
  // Strata has no worker nodes, so eXecute members are readers (spec Part A 9).
  read: ['R', 'X', 'W', 'A'],
  write: ['W', 'A'],
  admin: ['A'],
};

const ACCESS_HIGHEST_FIRST: readonly TeamAccess[] = ['admin', 'write', 'read'];

/**
 * The one place that decides team permissions: guards and services of every module ask here,
 * and nothing else reads memberships to decide access.
 */
@Injectable()
export class TeamAccessService {
  /** Each user's level per team, for read checks (the hot ones): see {@link can}. */
  private readonly readLevels: InvalidatedCache<number, ReadonlyMap<number, Level>>;

  constructor(
    private readonly teams: TeamsRepository,
    feed: ChangeFeed,
  ) {
    this.readLevels = new InvalidatedCache(feed, {
      ttlMs: LEVELS_CACHE_TTL_MS,
      maxEntries: LEVELS_CACHE_MAX_USERS,
    });
    feed.onChange('memberships', (userId) => this.readLevels.invalidate(Number(userId)));
    // A team deleted or reinstated changes every member's standing in it.
    feed.onChange('teams', () => this.readLevels.clear());
  }

  /**
   * Reads judge by a cached level (dropped when a membership or team changes, on any instance:
   * a revocation reaches reads within the notification delay); writes and admin actions always
   * read the membership from the database, so a revoked member can never write.
   */
  async can(caller: Caller, teamId: number, access: TeamAccess): Promise<boolean> {
    if (!caller || isSiteAdmin(caller) || !scopeAllows(caller, access)) {
      return this.allows(caller, undefined, access);
    }
    const level =
      access === 'read'
        ? (await this.readLevels.get(caller.id, () => this.teams.levelsOf(caller.id))).get(teamId)
        : await this.teams.levelOf(caller.id, teamId);
    return this.allows(caller, level, access);
  }

  /**
   * The decision {@link can} makes, from the caller's level in the team (if any): the lesser of
   * that level (or site admin status) and the scope of the caller's API token, if they sent one.
   */
  allows(caller: Caller, level: Level | null | undefined, access: TeamAccess): boolean {
    if (!caller || !scopeAllows(caller, access)) {
      return false;
    }
    return (
      isSiteAdmin(caller) ||
      (level !== null && level !== undefined && LEVELS_GRANTING[access].includes(level))
    );
  }

  /**
   * The highest of admin, write and read the caller has in the team (capped by an API token's
   * scope), for answers that tell a client what it may do; a public dataset gives everyone at
   * least read. Undefined: no access at all. Reads the membership afresh, as writes do.
   */
  async accessLevel(
    caller: Caller,
    teamId: number,
    isPublic: boolean,
  ): Promise<TeamAccess | undefined> {
    const level =
      caller && !isSiteAdmin(caller) ? await this.teams.levelOf(caller.id, teamId) : undefined;
    return this.highestAccess(caller, level, isPublic);
  }

  /** Anonymous callers get 401 (log in and retry); authenticated ones 403, never 401. */
  async assert(caller: Caller, teamId: number, access: TeamAccess): Promise<void> {
    if (!(await this.can(caller, teamId, access))) {
      throw caller ? new PermissionDeniedError() : new NotAuthenticatedError();
    }
  }

  /** Read access to a dataset: its team's members, or anyone at all when it is public. */
  async canReadDataset(caller: Caller, teamId: number, isPublic: boolean): Promise<boolean> {
    return isPublic || this.can(caller, teamId, 'read');
  }

  /**
   * A SQL condition limiting a list to rows of teams the caller belongs to, for list queries of
   * any module; undefined when the caller sees everything (site admins).
   */
  memberTeamsCondition(
    caller: Caller,
    teamIdColumn: string,
  ): { sql: string; parameters: Record<string, unknown> } | undefined {
    if (isSiteAdmin(caller)) {
      return undefined;
    }
    if (!caller) {
      return { sql: 'FALSE', parameters: {} };
    }
    return {
      sql:
        `${teamIdColumn} IN (SELECT access_m.team_id FROM memberships access_m ` +
        'WHERE access_m.user_id = :accessViewer AND access_m.deletion_time IS NULL)',
      parameters: { accessViewer: caller.id },
    };
  }

  /**
   * The caller's access to each of these datasets, as {@link accessLevel} judges it, with the
   * caller's memberships read once: a page of datasets from many teams costs one query.
   */
  async accessLevels(
    caller: Caller,
    datasets: readonly { readonly teamId: number; readonly isPublic: boolean }[],
  ): Promise<(TeamAccess | undefined)[]> {
    const levels =
      caller && !isSiteAdmin(caller) && datasets.length > 0
        ? await this.teams.levelsOf(caller.id)
        : new Map<number, Level>();
    return datasets.map((dataset) =>
      this.highestAccess(caller, levels.get(dataset.teamId), dataset.isPublic),
    );
  }

  private highestAccess(
    caller: Caller,
    level: Level | undefined,
    isPublic: boolean,
  ): TeamAccess | undefined {
    const highest = ACCESS_HIGHEST_FIRST.find((access) => this.allows(caller, level, access));
    return highest ?? (isPublic ? 'read' : undefined);
  }

  /**
   * A SQL condition limiting a list to rows of teams where the caller holds one of `levels`
   * (their membership, whatever their site admin status or token scope: it says which teams
   * are theirs, not what they may do there).
   */
  levelTeamsCondition(
    caller: AuthUser,
    teamIdColumn: string,
    levels: readonly Level[],
  ): { sql: string; parameters: Record<string, unknown> } {
    return {
      sql:
        `${teamIdColumn} IN (SELECT level_m.team_id FROM memberships level_m ` +
        'WHERE level_m.user_id = :levelViewer AND level_m.deletion_time IS NULL ' +
        'AND level_m.permissions IN (:...levelLevels))',
      parameters: { levelViewer: caller.id, levelLevels: [...levels] },
    };
  }

  /** The member's level, for `GET /v1/teams/{pk}/permissions/{username}`. */
  levelOf(userId: number, teamId: number): Promise<Level | undefined> {
    return this.teams.levelOf(userId, teamId);
  }
}
