import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

const PK_MESSAGE = 'Incorrect type. Expected pk value.';

export class ProjectDto {
  @ApiProperty({ maxLength: 200, example: 'images' })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(200, { message: 'Ensure this field has no more than 200 characters.' })
  name: string;

  @ApiProperty({ type: 'integer', description: 'pk of the owning team', minimum: 1, example: 1 })
  @IsInt({ message: PK_MESSAGE })
  @Min(1, { message: PK_MESSAGE })
  @Max(2_147_483_647, { message: PK_MESSAGE })
  team: number;
}

export class PatchProjectDto extends PartialType(ProjectDto) {}
