import { softDeleteJson } from '../../../common/entities/soft-delete.entity.js';
import type { Level } from '../membership.entity.js';
import type { MembershipView, TeamView } from '../team-view.js';

/** UFDL's team JSON; the key order is part of the wire contract. */
export interface TeamJson {
  pk: number;
  name: string;
  members: { pk: number; username: string }[];
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
}

/** UFDL's membership JSON has no pk. */
export interface MembershipJson {
  user: number;
  team: number;
  permissions: Level;
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
}

export function teamJson(view: TeamView): TeamJson {
  return {
    pk: view.id,
    name: view.name,
    members: view.members.map((member) => ({ pk: member.userId, username: member.username })),
    ...softDeleteJson(view),
  };
}

export function membershipJson(view: MembershipView): MembershipJson {
  return {
    user: view.userId,
    team: view.teamId,
    permissions: view.level,
    ...softDeleteJson(view),
  };
}

/** `GET /v1/teams/{pk}/permissions/{username}` answers the level as a bare JSON string. */
export function levelJson(level: Level): string {
  return JSON.stringify(level);
}
