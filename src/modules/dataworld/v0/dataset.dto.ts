import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  DatasetPageJson,
  DatasetSummaryJson,
  FileSourceJson,
  FileSummaryJson,
} from './dataset.presenter.js';

/** Swagger's picture of data.world's FileSourceSummaryResponse (answers are built by the presenter). */
export class FileSourceSummaryDto implements FileSourceJson {
  @ApiProperty({ example: 'https://example.com/data.csv' })
  url: string;

  @ApiProperty()
  expandArchive: boolean;

  @ApiProperty({ enum: ['NEW', 'INPROGRESS', 'OK', 'SYSTEMERROR'] })
  syncStatus: FileSourceJson['syncStatus'];

  @ApiPropertyOptional({ format: 'date-time' })
  lastSyncStart?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastSyncSuccess?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  lastSyncFailure?: string;

  @ApiPropertyOptional({ description: 'Why the last fetch failed' })
  syncSummary?: string;
}

export class FileSummaryDto implements FileSummaryJson {
  @ApiProperty({ example: 'data.csv' })
  name: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'Absent while a sourced file has not been fetched',
  })
  sizeInBytes?: number;

  @ApiProperty({ format: 'date-time', example: '2024-01-02T03:04:05.678Z' })
  created: string;

  @ApiProperty({ format: 'date-time', example: '2024-01-02T03:04:05.678Z' })
  updated: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['raw data'] })
  labels?: string[];

  @ApiPropertyOptional({ type: FileSourceSummaryDto })
  source?: FileSourceSummaryDto;
}

export class DatasetSummaryDto implements DatasetSummaryJson {
  @ApiProperty({ description: 'The team slug', example: 'my-team' })
  owner: string;

  @ApiProperty({ description: 'The dataset slug', example: 'my-dataset' })
  id: string;

  @ApiProperty({ example: 'My dataset' })
  title: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiPropertyOptional({ description: 'Markdown' })
  summary?: string;

  @ApiProperty({ type: [String], example: ['census', 'open data'] })
  tags: string[];

  @ApiProperty({ example: 'CC-BY', description: '`Other` for a licence without a v0 name' })
  license: string;

  @ApiProperty({ enum: ['OPEN', 'PRIVATE'] })
  visibility: 'OPEN' | 'PRIVATE';

  @ApiProperty({ enum: ['NEW', 'INPROGRESS', 'SYSTEMERROR', 'LOADED'] })
  status: DatasetSummaryJson['status'];

  @ApiProperty({ enum: ['NONE', 'READ', 'WRITE', 'ADMIN'] })
  accessLevel: DatasetSummaryJson['accessLevel'];

  @ApiProperty({ enum: [false] })
  isProject: false;

  @ApiProperty({ description: 'The /v1 version number', example: '1' })
  version: string;

  @ApiProperty({ format: 'date-time', example: '2024-01-02T03:04:05.678Z' })
  created: string;

  @ApiProperty({ format: 'date-time', example: '2024-01-02T03:04:05.678Z' })
  updated: string;

  @ApiProperty({ type: [FileSummaryDto] })
  files: FileSummaryDto[];
}

export class DatasetPageDto implements DatasetPageJson {
  @ApiProperty({ description: 'Records on this page' })
  count: number;

  @ApiProperty({ type: [DatasetSummaryDto] })
  records: DatasetSummaryDto[];

  @ApiPropertyOptional({ description: 'Pass as `next` for the following page; absent on the last' })
  nextPageToken?: string;
}

/** The caller, as `GET /v0/user` shows them. */
export class V0UserDto {
  @ApiProperty({ description: 'The username', example: 'alice' })
  id: string;

  @ApiPropertyOptional({ example: 'Alice Example' })
  displayName?: string;

  @ApiProperty({ format: 'date-time' })
  created: string;

  @ApiProperty({ format: 'date-time', description: 'The date joined: no later change is kept' })
  updated: string;
}
