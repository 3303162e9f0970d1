import { ApiProperty } from '@nestjs/swagger';
import { V1_SOFT_DELETE_PROPERTIES } from '../../../common/http/v1-openapi.js';
import { LEVELS, type Level } from '../membership.entity.js';
import type { MembershipJson, TeamJson } from './team.presenter.js';

/** The component name of a membership level (`R`, `X`, `W`, `A`), shared by every use. */
export const TEAM_LEVEL_SCHEMA = 'V1TeamLevel';

export const TEAM_LEVEL_DESCRIPTION =
  'Membership level: `R` read, `X` execute (a reader: Strata has no worker nodes), `W` write, ' +
  '`A` admin';

/** A member as the team answer lists them. */
export class V1TeamMemberDto {
  @ApiProperty({ type: 'integer', description: "The member's user pk", example: 2 })
  pk!: number;

  @ApiProperty({ example: 'alice' })
  username!: string;
}

/** The /v1 team answer, field for field what `teamJson` writes. */
export class V1TeamDto implements TeamJson {
  @ApiProperty({ type: 'integer', example: 1 })
  pk!: number;

  @ApiProperty({ example: 'My team' })
  name!: string;

  @ApiProperty({ type: [V1TeamMemberDto], description: 'Current (not ended) memberships' })
  members!: V1TeamMemberDto[];

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.creator)
  creator!: number | null;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.creation_time)
  creation_time!: string;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.deletion_time)
  deletion_time!: string | null;
}

/** The /v1 membership answer (no pk of its own), field for field what `membershipJson` writes. */
export class V1MembershipDto implements MembershipJson {
  @ApiProperty({ type: 'integer', description: "The member's user pk", example: 1 })
  user!: number;

  @ApiProperty({ type: 'integer', description: "The team's pk", example: 1 })
  team!: number;

  @ApiProperty({ enum: LEVELS, enumName: TEAM_LEVEL_SCHEMA, description: TEAM_LEVEL_DESCRIPTION })
  permissions!: Level;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.creator)
  creator!: number | null;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.creation_time)
  creation_time!: string;

  @ApiProperty({
    ...V1_SOFT_DELETE_PROPERTIES.deletion_time,
    description: 'Set when the membership ended (removed, or the team deleted)',
  })
  deletion_time!: string | null;
}
