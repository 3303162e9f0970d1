import { BadRequestError } from '../../../common/errors/domain-error.js';
import { LEVELS, type Level } from '../membership.entity.js';
import type {
  CreateTeamCommand,
  MembershipChangeCommand,
  UpdateTeamCommand,
} from '../team.commands.js';
import type { PatchTeamDto, TeamDto } from '../team.dto.js';

/** A validated `POST /v1/teams/create` body as the service's command. */
export function createTeamCommand(dto: TeamDto): CreateTeamCommand {
  return { name: dto.name };
}

/** A validated PUT or PATCH body as the service's command (absent fields stay undefined). */
export function updateTeamCommand(dto: PatchTeamDto): UpdateTeamCommand {
  return { name: dto.name };
}

/** Checks the memberships body against UFDL's strict MembershipModSpec schema. */
export function parseMembershipChange(body: unknown): MembershipChangeCommand {
  const fail = (reason: string): never => {
    throw new BadRequestError(`Unable to parse JSON: ${reason}`);
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('expected an object with username, method and optional permissions');
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['username', 'method', 'permissions'].includes(key)) {
      fail(`unexpected key '${key}'`);
    }
  }
  const { username, method, permissions } = record;
  if (typeof username !== 'string' || username.length < 1 || username.length > 150) {
    fail('username must be a string of 1 to 150 characters');
  }
  if (method !== 'add' && method !== 'remove' && method !== 'update') {
    fail('method must be one of add, remove, update');
  }
  if (permissions !== undefined && !LEVELS.includes(permissions as Level)) {
    fail('permissions must be one of R, X, W, A');
  }
  return {
    username: username as string,
    method: method as MembershipChangeCommand['method'],
    level: (permissions as Level | undefined) ?? 'R',
  };
}
