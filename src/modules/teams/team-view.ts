import type { Level, Membership } from './membership.entity.js';
import type { Team } from './team.entity.js';

/** An active member of a team, as a team lists them. */
export interface TeamMemberView {
  readonly userId: number;
  readonly username: string;
}

/** A team with its active members (in membership order), as both API faces read it. */
export interface TeamView {
  readonly id: number;
  readonly name: string;
  /** Its address on `/v0` (data.world's `owner`). */
  readonly slug: string;
  readonly members: readonly TeamMemberView[];
  readonly creatorId: number | null;
  readonly creationTime: Date;
  readonly deletionTime: Date | null;
}

/** One user's membership of one team (active or ended). */
export interface MembershipView {
  readonly userId: number;
  readonly teamId: number;
  readonly level: Level;
  readonly creatorId: number | null;
  readonly creationTime: Date;
  readonly deletionTime: Date | null;
}

export function teamView(team: Team, members: readonly TeamMemberView[]): TeamView {
  return {
    id: team.id,
    name: team.name,
    slug: team.slug,
    members,
    creatorId: team.creatorId,
    creationTime: team.creationTime,
    deletionTime: team.deletionTime,
  };
}

export function membershipView(membership: Membership): MembershipView {
  return {
    userId: membership.userId,
    teamId: membership.teamId,
    level: membership.permissions,
    creatorId: membership.creatorId,
    creationTime: membership.creationTime,
    deletionTime: membership.deletionTime,
  };
}
