import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  MAX_EXPRESSIONS,
  MAX_ORDER_BY,
  MAX_STRING_LENGTH,
  MAX_SUB_EXPRESSIONS,
} from './filter-spec.schema.js';

/**
 * The FilterSpec grammar as OpenAPI schemas (components), mirroring what
 * filter-spec.schema.ts accepts: closed objects, typed values, the same caps.
 */
const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const text = (minLength = 0): SchemaObject => ({
  type: 'string',
  minLength,
  maxLength: MAX_STRING_LENGTH,
});
const invert: SchemaObject = {
  type: 'boolean',
  default: false,
  description: 'Negate the expression',
};

export const FILTER_SPEC_SCHEMAS: Record<string, SchemaObject> = {
  ExactExpression: {
    type: 'object',
    description: 'The field equals `value`',
    required: ['type', 'field', 'value'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: ['exact'] },
      field: text(1),
      value: { oneOf: [text(), { type: 'number' }, { type: 'boolean' }] },
      case_insensitive: { type: 'boolean', default: false },
      invert,
    },
  },
  ContainsExpression: {
    type: 'object',
    description: 'The field contains `sub_string`',
    required: ['type', 'field', 'sub_string'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: ['contains'] },
      field: text(1),
      sub_string: text(),
      case_insensitive: { type: 'boolean', default: false },
      invert,
    },
  },
  CompareExpression: {
    type: 'object',
    description: 'The field compared with `value`',
    required: ['type', 'field', 'operator', 'value'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: ['compare'] },
      field: text(1),
      operator: { type: 'string', enum: ['<', '>', '<=', '>='] },
      value: { oneOf: [text(), { type: 'number' }] },
      invert,
    },
  },
  IsNullExpression: {
    type: 'object',
    description: 'The field is null',
    required: ['type', 'field'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: ['isnull'] },
      field: text(1),
      invert,
    },
  },
  AndExpression: {
    type: 'object',
    description: 'All sub-expressions hold',
    required: ['type', 'sub_expressions'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: ['and'] },
      sub_expressions: {
        type: 'array',
        minItems: 2,
        maxItems: MAX_SUB_EXPRESSIONS,
        items: { $ref: '#/components/schemas/FieldExpression' },
      },
      invert,
    },
  },
  OrExpression: {
    type: 'object',
    description: 'At least one sub-expression holds',
    required: ['type', 'sub_expressions'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', enum: ['or'] },
      sub_expressions: {
        type: 'array',
        minItems: 2,
        maxItems: MAX_SUB_EXPRESSIONS,
        items: { oneOf: [ref('AndExpression'), ref('FieldExpression')] },
      },
      invert,
    },
  },
  FieldExpression: {
    oneOf: [
      ref('ExactExpression'),
      ref('ContainsExpression'),
      ref('CompareExpression'),
      ref('IsNullExpression'),
    ],
  },
  OrderBy: {
    type: 'object',
    required: ['field'],
    additionalProperties: false,
    properties: {
      field: text(1),
      ascending: { type: 'boolean', default: true },
      nulls_first: {
        type: 'boolean',
        description: "Absent: PostgreSQL's default (nulls last ascending, first descending)",
      },
    },
  },
  FilterSpec: {
    type: 'object',
    description:
      "UFDL's list filter: `expressions` all hold (AND), rows ordered by `order_by`; " +
      'soft-deleted rows only with `include_inactive`. An empty body lists everything visible.',
    additionalProperties: false,
    properties: {
      expressions: {
        type: 'array',
        maxItems: MAX_EXPRESSIONS,
        items: {
          oneOf: [ref('FieldExpression'), ref('AndExpression'), ref('OrExpression')],
        },
      },
      order_by: { type: 'array', maxItems: MAX_ORDER_BY, items: ref('OrderBy') },
      include_inactive: { type: 'boolean', default: false },
    },
  },
};
