import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { V0_FILE_LABELS, V0_LICENSES } from './dataset.requests.js';

/** data.world's dataset write bodies, for the OpenAPI document (dataset.requests.ts checks them). */

const ref = (name: V0RequestSchemaName): ReferenceObject => ({
  $ref: `#/components/schemas/${name}`,
});

const FILE_SOURCE: SchemaObject = {
  type: 'object',
  required: ['url'],
  properties: {
    url: {
      type: 'string',
      maxLength: 4096,
      description: 'http or https URL, fetched in the background',
    },
    expandArchive: {
      type: 'boolean',
      default: false,
      description: 'Not supported for URL sources yet: true is 422',
    },
  },
};

function fileSchema(sourceRequired: boolean): SchemaObject {
  return {
    type: 'object',
    required: sourceRequired ? ['name', 'source'] : ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[^/]+$' },
      source: ref('V0FileSourceRequest'),
      description: { type: 'string', minLength: 1, maxLength: 120, nullable: true },
      labels: {
        type: 'array',
        uniqueItems: true,
        nullable: true,
        items: { type: 'string', enum: [...V0_FILE_LABELS] },
      },
    },
  };
}

const RECORD_FIELDS: Record<string, SchemaObject> = {
  title: { type: 'string', minLength: 1, maxLength: 60 },
  description: { type: 'string', maxLength: 120, nullable: true },
  summary: { type: 'string', maxLength: 25_000, nullable: true, description: 'Markdown' },
  tags: {
    type: 'array',
    nullable: true,
    uniqueItems: true,
    items: { type: 'string', pattern: '^[A-Za-z0-9 ]{2,25}$' },
    description: 'No two alike, case ignored',
  },
  license: { type: 'string', enum: [...V0_LICENSES], nullable: true, default: 'Other' },
  visibility: { type: 'string', enum: ['OPEN', 'PRIVATE'] },
};

export type V0RequestSchemaName =
  | 'V0FileSourceRequest'
  | 'V0FileCreateRequest'
  | 'V0FileUpdateRequest'
  | 'V0DatasetDefinitionRequest'
  | 'V0DatasetPatchRequest'
  | 'V0FileBatchRequest';

/**
 * Named so that each shape appears once in `components.schemas` (openapi-document.ts adds
 * them; Nest derives schemas only from classes, and these bodies are checked by hand).
 */
export const V0_REQUEST_SCHEMAS: Record<V0RequestSchemaName, SchemaObject> = {
  V0FileSourceRequest: FILE_SOURCE,
  /** A file with its URL source: what create, PUT and the files batch take. */
  V0FileCreateRequest: fileSchema(true),
  /** A PATCH file: without a source it must exist and only its description and labels change. */
  V0FileUpdateRequest: fileSchema(false),
  /** POST /v0/datasets/{owner} and PUT /v0/datasets/{owner}/{id}. */
  V0DatasetDefinitionRequest: {
    type: 'object',
    required: ['title', 'visibility'],
    properties: {
      ...RECORD_FIELDS,
      files: { type: 'array', items: ref('V0FileCreateRequest') },
      project: {
        type: 'string',
        maxLength: 200,
        description: "The team's project to create the dataset in (default: `default`)",
      },
    },
  },
  /** PATCH /v0/datasets/{owner}/{id}. */
  V0DatasetPatchRequest: {
    type: 'object',
    properties: { ...RECORD_FIELDS, files: { type: 'array', items: ref('V0FileUpdateRequest') } },
  },
  /** POST /v0/datasets/{owner}/{id}/files (a bare array of files is accepted as well). */
  V0FileBatchRequest: {
    type: 'object',
    required: ['files'],
    description: 'A bare array of the files is accepted as well',
    properties: { files: { type: 'array', items: ref('V0FileCreateRequest') } },
  },
};
