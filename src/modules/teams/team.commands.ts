import type { Level } from './membership.entity.js';

/** What creating a team takes, whichever face asked. */
export interface CreateTeamCommand {
  readonly name: string;
}

/** A change to a team's record: fields left undefined stay as they are. */
export type UpdateTeamCommand = Partial<CreateTeamCommand>;

/** Adds, ends or changes the membership of the user with this username. */
export interface MembershipChangeCommand {
  readonly username: string;
  readonly method: 'add' | 'remove' | 'update';
  readonly level: Level;
}
