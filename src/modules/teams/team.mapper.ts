import { softDeleteJson } from '../../common/entities/soft-delete.entity.js';
import type { Level, Membership } from './membership.entity.js';
import type { Team } from './team.entity.js';

export interface TeamJson {
  pk: number;
  name: string;
  members: { pk: number; username: string }[];
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
}

export interface MembershipJson {
  user: number;
  team: number;
  permissions: Level;
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
}

export function toTeamJson(team: Team, members: { pk: number; username: string }[]): TeamJson {
  return { pk: team.id, name: team.name, members, ...softDeleteJson(team) };
}

/** UFDL's membership JSON has no pk. */
export function toMembershipJson(membership: Membership): MembershipJson {
  return {
    user: membership.userId,
    team: membership.teamId,
    permissions: membership.permissions,
    ...softDeleteJson(membership),
  };
}
