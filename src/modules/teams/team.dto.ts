import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class TeamDto {
  @ApiProperty({ maxLength: 200 })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(200, { message: 'Ensure this field has no more than 200 characters.' })
  name: string;
}

export class PatchTeamDto extends PartialType(TeamDto) {}

/** Swagger's view of the memberships body; it is checked by hand against the strict schema. */
export class MembershipModDto {
  @ApiProperty({ minLength: 1 })
  username: string;

  @ApiProperty({ enum: ['add', 'remove', 'update'] })
  method: 'add' | 'remove' | 'update';

  @ApiProperty({ enum: ['R', 'X', 'W', 'A'], required: false, default: 'R' })
  permissions?: 'R' | 'X' | 'W' | 'A';
}
