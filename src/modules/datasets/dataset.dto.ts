import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const PK_MESSAGE = 'Incorrect type. Expected pk value.';
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'y', 't']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'n', 'f']);

/** DRF's BooleanField accepts these spellings too; anything else stays invalid. */
export function drfBoolean({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) {
      return true;
    }
    if (FALSE_WORDS.has(word)) {
      return false;
    }
  }
  if (value === 1 || value === 0) {
    return value === 1;
  }
  return value;
}

export class DatasetDto {
  @ApiProperty({ maxLength: 200 })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(200, { message: 'Ensure this field has no more than 200 characters.' })
  name: string;

  @ApiProperty({ description: 'pk of the project the dataset belongs to' })
  @IsInt({ message: PK_MESSAGE })
  @Min(1, { message: PK_MESSAGE })
  @Max(2_147_483_647, { message: PK_MESSAGE })
  project: number;

  @ApiProperty({ description: 'pk of the licence' })
  @IsInt({ message: PK_MESSAGE })
  @Min(1, { message: PK_MESSAGE })
  @Max(2_147_483_647, { message: PK_MESSAGE })
  licence: number;

  @ApiProperty({ description: 'Comma-separated tags; may be empty' })
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(100_000, { message: 'Ensure this field has no more than 100000 characters.' })
  tags: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(1_000_000, { message: 'Ensure this field has no more than 1000000 characters.' })
  description?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(drfBoolean)
  @IsBoolean({ message: 'Must be a valid boolean.' })
  is_public?: boolean;
}

export class PatchDatasetDto extends PartialType(DatasetDto) {}
