import { ApiBody, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { V1_LIST_HEADERS } from '../../../common/http/v1-openapi.js';
import { DatasetDto, PatchDatasetDto } from '../dataset.dto.js';

/**
 * The OpenAPI schemas of the /v1 dataset routes: the dataset JSON every one of them answers
 * (dataset.presenter.ts, in its key order) and the bodies they take (dataset.dto.ts,
 * versioning.requests.ts), with examples that work on a fresh server once a project exists.
 */

/** Who may call a dataset route, as its description says (decided by TeamAccessService). */
export const V1_DATASET_CALLERS = {
  READERS:
    'Anyone when the dataset is public (no token needed); otherwise members of its team ' +
    '(any level) and site admins.',
  WRITERS:
    "Write members (level W or A) of the dataset's team and site admins; an API token needs " +
    'the `write` scope.',
  ADMINS: 'Site admins only (an API token needs the `admin` scope).',
} as const;

/** UFDL's dataset JSON. */
export class V1DatasetDto {
  @ApiProperty({ example: 1 })
  pk!: number;

  @ApiProperty({ example: 'cats' })
  name!: string;

  @ApiProperty({ description: 'Starts at 1; a copy is the next version', example: 1 })
  version!: number;

  @ApiProperty({ description: 'The version this one was copied from; -1 for none', example: -1 })
  previous_version!: number;

  @ApiProperty({ example: 'Pictures of cats' })
  description!: string;

  @ApiProperty({ description: 'pk of the project', example: 1 })
  project!: number;

  @ApiProperty({ description: 'pk of the licence', example: 11 })
  licence!: number;

  @ApiProperty({ description: 'Readable by anyone, anonymous callers included', example: false })
  is_public!: boolean;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: "The data domain's description (null: none)",
    example: null,
  })
  domain!: string | null;

  @ApiProperty({ description: 'Comma-separated tags; may be empty', example: 'cats,images' })
  tags!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'pk of the user who created it (null once that user is gone)',
    example: 2,
  })
  creator!: number | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' })
  creation_time!: string;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When it was soft-deleted; null while active',
    example: null,
  })
  deletion_time!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "Each file's name and handle (the SHA-256 of its bytes), in the order added",
    example: { 'hello.txt': '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824' },
  })
  files!: Record<string, string>;
}

/** 200 (or 201) with one dataset. */
export const V1DatasetResponse = (description: string, status = 200): MethodDecorator =>
  ApiResponse({ status, description, type: V1DatasetDto });

/** 200 with a list of datasets (a page of them with `?limit=`). */
export const V1DatasetListResponse = (): MethodDecorator =>
  ApiResponse({
    status: 200,
    description: 'The datasets, in the order asked for (by pk without `order_by`)',
    type: V1DatasetDto,
    isArray: true,
    headers: V1_LIST_HEADERS,
  });

/** The body of `POST .../copy`: both fields optional, so no body copies as the next version. */
export class V1CopyRequestDto {
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    minLength: 1,
    maxLength: 200,
    description:
      'Copy as a new dataset of this name (version 1) in the same project; without it, as ' +
      'the next version of this one',
  })
  new_name?: string | null;

  @ApiPropertyOptional({
    type: 'string',
    isArray: true,
    nullable: true,
    description: 'Copy only these files (by name); without it, every file',
  })
  only_files?: string[] | null;
}

export const V1CopyBody = (): MethodDecorator =>
  ApiBody({
    required: false,
    type: V1CopyRequestDto,
    description: 'Other keys are refused (422)',
    examples: {
      nextVersion: { summary: 'As the next version, with every file', value: {} },
      newDataset: { summary: 'As a new dataset', value: { new_name: 'cats-copy' } },
    },
  });

/** UFDL's MergeSpec. */
export class V1MergeRequestDto {
  @ApiProperty({ description: 'Delete the source dataset after the merge' })
  delete!: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'With `delete`: delete it for good (site admins only) instead of soft-deleting',
  })
  hard?: boolean;
}

export const V1MergeBody = (): MethodDecorator =>
  ApiBody({
    required: true,
    type: V1MergeRequestDto,
    description: 'Exactly these keys',
    examples: { keepSource: { summary: 'Keep the source', value: { delete: false } } },
  });

const NEW_DATASET = {
  name: 'cats',
  project: 1,
  licence: 11,
  description: 'Pictures of cats',
  is_public: false,
  tags: 'cats,images',
};

/** The body of create and PUT: every field but `description` and `is_public` required. */
export const V1DatasetBody = (): MethodDecorator =>
  ApiBody({
    required: true,
    type: DatasetDto,
    examples: {
      dataset: { summary: 'In project 1, under the MIT licence (pk 11)', value: NEW_DATASET },
    },
  });

/** The body of PATCH: only the fields to change. */
export const V1DatasetPatchBody = (): MethodDecorator =>
  ApiBody({
    required: true,
    type: PatchDatasetDto,
    examples: {
      describe: {
        summary: 'A new description',
        value: { description: 'Pictures of cats, by breed' },
      },
      publish: { summary: 'Make it public', value: { is_public: true } },
    },
  });
