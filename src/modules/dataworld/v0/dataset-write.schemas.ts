import type { SchemaObject } from '@nestjs/swagger';
import { V0_FILE_LABELS, V0_LICENSES } from './dataset.requests.js';

/** data.world's dataset write bodies, for the OpenAPI document (dataset.requests.ts checks them). */

const FILE_SOURCE: SchemaObject = {
  type: 'object',
  required: ['url'],
  properties: {
    url: {
      type: 'string',
      maxLength: 4096,
      description: 'http or https URL, fetched in the background',
    },
    expandArchive: { type: 'boolean', default: false },
  },
};

function fileSchema(sourceRequired: boolean): SchemaObject {
  return {
    type: 'object',
    required: sourceRequired ? ['name', 'source'] : ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[^/]+$' },
      source: FILE_SOURCE,
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

/** POST /v0/datasets/{owner} and PUT /v0/datasets/{owner}/{id}. */
export const DATASET_DEFINITION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['title', 'visibility'],
  properties: {
    ...RECORD_FIELDS,
    files: { type: 'array', items: fileSchema(true) },
    project: {
      type: 'string',
      maxLength: 200,
      description: "The team's project to create the dataset in (default: `default`)",
    },
  },
};

/** PATCH /v0/datasets/{owner}/{id}. */
export const DATASET_PATCH_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { ...RECORD_FIELDS, files: { type: 'array', items: fileSchema(false) } },
};

/** POST /v0/datasets/{owner}/{id}/files (a bare array of files is accepted as well). */
export const FILE_BATCH_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['files'],
  properties: { files: { type: 'array', items: fileSchema(true) } },
};

export const SUCCESS_MESSAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
};

export const CREATED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['message', 'uri'],
  properties: { message: { type: 'string' }, uri: { type: 'string', format: 'uri' } },
};
