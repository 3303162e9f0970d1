import { FilterSpecError } from './filter-spec.errors.js';

/*
 * The UFDL FilterSpec grammar, checked by hand: every object is closed, every value is typed,
 * and nothing is recursed into beyond what the grammar allows, so no JSON input can reach the
 * compiler in a shape it does not expect (or make the validator itself recurse without bound).
 */

export const MAX_EXPRESSIONS = 100;
export const MAX_SUB_EXPRESSIONS = 100;
export const MAX_ORDER_BY = 20;
export const MAX_STRING_LENGTH = 1000;
/**
 * Across the whole spec: the per-list caps alone still allow 100 x 100 x 100 conditions, each a
 * bound parameter, and PostgreSQL takes at most 65,535 of those.
 */
export const MAX_TOTAL_EXPRESSIONS = 1000;

export type CompareOperator = '<' | '>' | '<=' | '>=';

export interface ExactExpr {
  type: 'exact';
  field: string;
  value: string | number | boolean;
  case_insensitive: boolean;
  invert: boolean;
}

export interface ContainsExpr {
  type: 'contains';
  field: string;
  sub_string: string;
  case_insensitive: boolean;
  invert: boolean;
}

export interface CompareExpr {
  type: 'compare';
  field: string;
  operator: CompareOperator;
  value: string | number;
  invert: boolean;
}

export interface IsNullExpr {
  type: 'isnull';
  field: string;
  invert: boolean;
}

export type FieldExpr = ExactExpr | ContainsExpr | CompareExpr | IsNullExpr;

export interface AndExpr {
  type: 'and';
  sub_expressions: FieldExpr[];
  invert: boolean;
}

export interface OrExpr {
  type: 'or';
  sub_expressions: (AndExpr | FieldExpr)[];
  invert: boolean;
}

export type Expr = AndExpr | OrExpr | FieldExpr;

export interface OrderBy {
  field: string;
  ascending: boolean;
  /** Absent: PostgreSQL's default (NULLS LAST ascending, NULLS FIRST descending). */
  nulls_first?: boolean;
}

/** A validated FilterSpec with its defaults filled in. */
export interface FilterSpec {
  expressions: Expr[];
  order_by: OrderBy[];
  include_inactive: boolean;
}

const FIELD_TYPES = ['exact', 'contains', 'compare', 'isnull'] as const;
const OR_CHILD_TYPES = [...FIELD_TYPES, 'and'] as const;
const TOP_LEVEL_TYPES = [...FIELD_TYPES, 'and', 'or'] as const;
const OPERATORS: readonly CompareOperator[] = ['<', '>', '<=', '>='];

type JsonObject = Record<string, unknown>;

function fail(path: string, reason: string): never {
  throw new FilterSpecError(`Unable to parse JSON: ${path} ${reason}`);
}

/** Keys come from the client: keep the message short and printable whatever they are. */
function keyPath(path: string, key: string): string {
  const shown = /^[A-Za-z0-9_]{1,64}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  return path ? `${path}.${shown}` : shown;
}

function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'must be an object');
  }
  return value as JsonObject;
}

function closed(obj: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(keyPath(path, key), 'is not allowed');
    }
  }
}

/** Own properties only: a key such as `constructor` must never resolve to Object.prototype. */
function get(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function required(obj: JsonObject, key: string, path: string): unknown {
  const value = get(obj, key);
  if (value === undefined) {
    fail(keyPath(path, key), 'is required');
  }
  return value;
}

function checkString(value: string, path: string): string {
  if (value.length > MAX_STRING_LENGTH) {
    fail(path, `must be at most ${MAX_STRING_LENGTH} characters`);
  }
  if (value.includes('\u0000')) {
    fail(path, 'must not contain NUL characters');
  }
  return value;
}

function nonEmptyString(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    fail(path, 'must be a string');
  }
  if (value.length === 0) {
    fail(path, 'must not be empty');
  }
  return checkString(value, path);
}

function checkNumber(value: number, path: string): number {
  if (!Number.isFinite(value)) {
    fail(path, 'must be a finite number');
  }
  return value;
}

function optionalBoolean(obj: JsonObject, key: string, path: string): boolean | undefined {
  const value = get(obj, key);
  if (value !== undefined && typeof value !== 'boolean') {
    fail(keyPath(path, key), 'must be a boolean');
  }
  return value;
}

function array(value: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) {
    fail(path, 'must be an array');
  }
  if (value.length < min) {
    fail(path, `must have at least ${min} items`);
  }
  if (value.length > max) {
    fail(path, `must have at most ${max} items`);
  }
  return value;
}

interface Budget {
  left: number;
}

function parseExpr<T extends string>(
  value: unknown,
  path: string,
  types: readonly T[],
  budget: Budget,
): Expr {
  if (--budget.left < 0) {
    fail(path, `exceeds the limit of ${MAX_TOTAL_EXPRESSIONS} expressions in one filter`);
  }
  const obj = asObject(value, path);
  const type = required(obj, 'type', path);
  if (typeof type !== 'string' || !(types as readonly string[]).includes(type)) {
    fail(keyPath(path, 'type'), `must be one of ${types.join(', ')}`);
  }
  const typed = type as Expr['type'];
  switch (typed) {
    case 'and':
    case 'or': {
      closed(obj, path, ['type', 'sub_expressions', 'invert']);
      const subPath = keyPath(path, 'sub_expressions');
      const items = array(required(obj, 'sub_expressions', path), subPath, 2, MAX_SUB_EXPRESSIONS);
      const invert = optionalBoolean(obj, 'invert', path) ?? false;
      if (typed === 'and') {
        const sub = items.map((item, i) =>
          parseExpr(item, `${subPath}[${i}]`, FIELD_TYPES, budget),
        );
        return { type: 'and', sub_expressions: sub as FieldExpr[], invert };
      }
      const sub = items.map((item, i) =>
        parseExpr(item, `${subPath}[${i}]`, OR_CHILD_TYPES, budget),
      );
      return { type: 'or', sub_expressions: sub as (AndExpr | FieldExpr)[], invert };
    }
    case 'exact': {
      closed(obj, path, ['type', 'field', 'invert', 'value', 'case_insensitive']);
      const field = nonEmptyString(required(obj, 'field', path), keyPath(path, 'field'));
      const raw = required(obj, 'value', path);
      const valuePath = keyPath(path, 'value');
      let exact: string | number | boolean;
      if (typeof raw === 'string') {
        exact = checkString(raw, valuePath);
      } else if (typeof raw === 'number') {
        exact = checkNumber(raw, valuePath);
      } else if (typeof raw === 'boolean') {
        exact = raw;
      } else {
        fail(valuePath, 'must be a string, number or boolean');
      }
      return {
        type: 'exact',
        field,
        value: exact,
        case_insensitive: optionalBoolean(obj, 'case_insensitive', path) ?? false,
        invert: optionalBoolean(obj, 'invert', path) ?? false,
      };
    }
    case 'contains': {
      closed(obj, path, ['type', 'field', 'invert', 'sub_string', 'case_insensitive']);
      const field = nonEmptyString(required(obj, 'field', path), keyPath(path, 'field'));
      const subString = nonEmptyString(
        required(obj, 'sub_string', path),
        keyPath(path, 'sub_string'),
      );
      return {
        type: 'contains',
        field,
        sub_string: subString,
        case_insensitive: optionalBoolean(obj, 'case_insensitive', path) ?? false,
        invert: optionalBoolean(obj, 'invert', path) ?? false,
      };
    }
    case 'compare': {
      closed(obj, path, ['type', 'field', 'invert', 'operator', 'value']);
      const field = nonEmptyString(required(obj, 'field', path), keyPath(path, 'field'));
      const operator = required(obj, 'operator', path);
      if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
        fail(keyPath(path, 'operator'), `must be one of ${OPERATORS.join(', ')}`);
      }
      const raw = required(obj, 'value', path);
      const valuePath = keyPath(path, 'value');
      let compared: string | number;
      if (typeof raw === 'string') {
        compared = checkString(raw, valuePath);
      } else if (typeof raw === 'number') {
        compared = checkNumber(raw, valuePath);
      } else {
        fail(valuePath, 'must be a string or number');
      }
      return {
        type: 'compare',
        field,
        operator: operator as CompareOperator,
        value: compared,
        invert: optionalBoolean(obj, 'invert', path) ?? false,
      };
    }
    case 'isnull': {
      closed(obj, path, ['type', 'field', 'invert']);
      const field = nonEmptyString(required(obj, 'field', path), keyPath(path, 'field'));
      return { type: 'isnull', field, invert: optionalBoolean(obj, 'invert', path) ?? false };
    }
  }
}

function parseOrderBy(value: unknown, path: string): OrderBy {
  const obj = asObject(value, path);
  closed(obj, path, ['field', 'ascending', 'nulls_first']);
  const field = nonEmptyString(required(obj, 'field', path), keyPath(path, 'field'));
  const ascending = optionalBoolean(obj, 'ascending', path) ?? true;
  const nullsFirst = optionalBoolean(obj, 'nulls_first', path);
  return nullsFirst === undefined
    ? { field, ascending }
    : { field, ascending, nulls_first: nullsFirst };
}

/**
 * Validates a `POST .../list` body. An absent body (`undefined`) means "no filter"; anything
 * that is not a FilterSpec object throws FilterSpecError (400), never anything else.
 */
export function parseFilterSpec(body: unknown): FilterSpec {
  if (body === undefined) {
    return { expressions: [], order_by: [], include_inactive: false };
  }
  const obj = asObject(body, 'body');
  closed(obj, '', ['expressions', 'order_by', 'include_inactive']);
  const expressions = get(obj, 'expressions');
  const orderBy = get(obj, 'order_by');
  const budget: Budget = { left: MAX_TOTAL_EXPRESSIONS };
  return {
    expressions:
      expressions === undefined
        ? []
        : array(expressions, 'expressions', 0, MAX_EXPRESSIONS).map((item, i) =>
            parseExpr(item, `expressions[${i}]`, TOP_LEVEL_TYPES, budget),
          ),
    order_by:
      orderBy === undefined
        ? []
        : array(orderBy, 'order_by', 0, MAX_ORDER_BY).map((item, i) =>
            parseOrderBy(item, `order_by[${i}]`),
          ),
    include_inactive: optionalBoolean(obj, 'include_inactive', '') ?? false,
  };
}
