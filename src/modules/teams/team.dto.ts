import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LEVELS } from './membership.entity.js';
import { TEAM_LEVEL_DESCRIPTION, TEAM_LEVEL_SCHEMA } from './v1/team.responses.js';

export class TeamDto {
  @ApiProperty({ maxLength: 200, example: 'My team' })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(200, { message: 'Ensure this field has no more than 200 characters.' })
  name: string;
}

export class PatchTeamDto extends PartialType(TeamDto) {}

/** Swagger's view of the memberships body; it is checked by hand against the strict schema. */
export class MembershipModDto {
  @ApiProperty({ minLength: 1, maxLength: 150, example: 'admin' })
  username: string;

  @ApiProperty({ enum: ['add', 'remove', 'update'] })
  method: 'add' | 'remove' | 'update';

  @ApiProperty({
    enum: LEVELS,
    enumName: TEAM_LEVEL_SCHEMA,
    required: false,
    default: 'R',
    description: TEAM_LEVEL_DESCRIPTION,
  })
  permissions?: 'R' | 'X' | 'W' | 'A';
}
