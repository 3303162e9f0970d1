import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DIFF_DEFAULT_LIMIT, DIFF_MAX_LIMIT } from './history.service.js';

/** The queries of `GET /api/datasets/{pk}/diff`, as sent; history.requests.ts reads them. */
export class DiffQueryDto {
  @ApiProperty({
    description: 'pk of the version to compare from (another version of the same dataset)',
    type: 'integer',
    minimum: 1,
    maximum: 2147483647,
    example: 1,
  })
  @Matches(/^[0-9]{1,10}$/, { message: 'A valid integer is required.' })
  from: string;

  @ApiPropertyOptional({
    description:
      'Continue after this key: the `next` of the page before (a file name; changes are in ' +
      'byte order of their key)',
    example: 'images/cat-0999.jpg',
  })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(10_000, { message: 'Ensure this field has no more than 10000 characters.' })
  after?: string;

  @ApiPropertyOptional({
    description: `Changes per page (default ${DIFF_DEFAULT_LIMIT})`,
    type: 'integer',
    minimum: 1,
    maximum: DIFF_MAX_LIMIT,
    example: DIFF_DEFAULT_LIMIT,
  })
  @IsOptional()
  @Matches(/^[0-9]{1,5}$/, { message: 'A valid integer is required.' })
  limit?: string;
}

/** Who made a version. */
export class HistoryCreatorDto {
  @ApiProperty({ example: 1 })
  pk: number;

  @ApiProperty({ example: 'alice' })
  username: string;
}

/** One version of a dataset in its history. */
export class HistoryVersionDto {
  @ApiProperty({ description: 'The version’s dataset pk (for `/v1/datasets/{pk}`)', example: 1 })
  pk: number;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({
    description: 'The version it was copied from (-1: none), as `/v1` says',
    example: -1,
  })
  previous_version: number;

  @ApiProperty({ example: false })
  is_public: boolean;

  @ApiProperty({
    type: HistoryCreatorDto,
    nullable: true,
    description: 'Who created it (null when unknown)',
  })
  creator: HistoryCreatorDto | null;

  @ApiProperty({ format: 'date-time' })
  creation_time: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Set when this version is soft-deleted (null: active)',
  })
  deletion_time: string | null;

  @ApiProperty({ description: 'How many files it has', example: 3 })
  file_count: number;

  @ApiProperty({
    description: 'The sizes of its files added up (bytes shared by two files count twice)',
    example: 1024,
  })
  total_bytes: number;
}

/** A dataset's lineage: every version of its name in its project. */
export class DatasetHistoryDto {
  @ApiProperty({ description: 'The project the versions belong to', example: 1 })
  project: number;

  @ApiProperty({ description: 'The name they share', example: 'cats' })
  name: string;

  @ApiProperty({
    type: HistoryVersionDto,
    isArray: true,
    description: 'Oldest first (by creation time), soft-deleted versions included',
  })
  versions: HistoryVersionDto[];
}

const CHANGES = ['added', 'removed', 'changed', 'renamed', 'metadata'] as const;

/** One difference between two versions' files. */
export class FileChangeDto {
  @ApiProperty({
    enum: CHANGES,
    description:
      '`added` (only `new_*` set), `removed` (only `old_*`), `changed` (same name, other ' +
      'bytes), `renamed` (a name gone and another new with the same bytes), `metadata` (same ' +
      'name and bytes, other metadata)',
    example: 'changed',
  })
  change: (typeof CHANGES)[number];

  @ApiProperty({ type: String, nullable: true, example: 'images/cat.jpg' })
  old_name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'images/cat.jpg' })
  new_name: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the old bytes' })
  old_handle: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the new bytes' })
  new_handle: string | null;

  @ApiProperty({ type: String, nullable: true, example: '{"label": "cat"}' })
  old_metadata: string | null;

  @ApiProperty({ type: String, nullable: true, example: '{"label": "dog"}' })
  new_metadata: string | null;
}

/** A page of the changes from one version to another. */
export class DatasetDiffDto {
  @ApiProperty({ description: 'The version compared from', example: 1 })
  from: number;

  @ApiProperty({ description: 'The version compared to', example: 2 })
  to: number;

  @ApiProperty({
    type: FileChangeDto,
    isArray: true,
    description: 'In byte order of their key: the new name, or the old one for a removal',
  })
  changes: FileChangeDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When more changes follow: pass it as `after` for the next page',
  })
  next: string | null;
}
