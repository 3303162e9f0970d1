import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { FilterSpecError } from './filter-spec.errors.js';
import type { Expr, FieldExpr, FilterSpec } from './filter-spec.schema.js';

export type FilterFieldType = 'int' | 'string' | 'bool' | 'datetime';

export interface FilterField {
  /** SQL column name on the resource's table. */
  column: string;
  type: FilterFieldType;
}

/**
 * A to-one relation, joined as `LEFT JOIN table ON table.remoteColumn = parent.localColumn`.
 * `remoteColumn` must be unique (normally the primary key) or the join would multiply rows.
 */
export interface FilterRelation {
  table: string;
  localColumn: string;
  remoteColumn: string;
  resource: FilterResource;
}

/**
 * What a list endpoint lets clients filter and order by. Only the names listed here resolve:
 * anything else (a password hash, a token) is unreachable because it is never listed.
 */
export interface FilterResource {
  /** For messages, e.g. 'dataset'. */
  name: string;
  /** SQL table name, e.g. 'datasets'. */
  table: string;
  /** Primary key column: the final tiebreak of every ordering. */
  primaryKey: string;
  /** API field name -> column. */
  fields: Record<string, FilterField>;
  /** API relation name -> join. */
  relations?: Record<string, FilterRelation>;
  /**
   * SQL predicate selecting the active rows of the listed table, with `{alias}` standing for
   * the quoted root alias, e.g. `{alias}."deletion_time" IS NULL`. Applied unless the spec
   * has `include_inactive: true`; never applied to joined tables.
   */
  active?: string;
}

/** `a.b.c.d`: at most three joins deep. */
export const MAX_FIELD_PATH_DEPTH = 4;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteTable(table: string): string {
  return table.split('.').map(quoteIdentifier).join('.');
}

function lookup<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  // Own properties only: `constructor` or `__proto__` must be unknown fields, not prototype hits.
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Checks an ISO 8601 string field by field, because PostgreSQL rejects what Date.parse lets
 * through (2024-02-30, hour 24), and a rejection there would be a 500. Returns a normalized
 * string with an explicit offset (UTC when none was given).
 */
export function normalizeIsoDatetime(value: string): string | undefined {
  const match = ISO_DATETIME.exec(value);
  if (!match) {
    return undefined;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  let offset = '+00:00';
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = digits.slice(0, 2);
    const offsetMinutes = digits.slice(2) || '00';
    // PostgreSQL's own limit for a UTC offset.
    if (Number(offsetHours) > 15 || Number(offsetMinutes) > 59) {
      return undefined;
    }
    offset = `${zone[0]}${offsetHours}:${offsetMinutes}`;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ? `.${fraction}` : ''}${offset}`;
}

/** LIKE treats `%`, `_` and the escape character as syntax; the client means them literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

interface ResolvedField {
  sql: string;
  field: FilterField;
}

interface Join {
  table: string;
  alias: string;
  condition: string;
}

/**
 * Collects joins, conditions and parameters without touching the query builder, so a spec
 * rejected halfway leaves the caller's query as it was.
 */
class FilterCompiler {
  readonly parameters: ObjectLiteral = {};
  private parameterCount = 0;
  /** Relation path -> join, in the order they were first needed. */
  readonly joins = new Map<string, Join>();

  constructor(
    private readonly rootAlias: string,
    private readonly resource: FilterResource,
    private readonly prefix: string,
  ) {}

  private bind(value: unknown): string {
    const name = `${this.prefix}p${this.parameterCount++}`;
    this.parameters[name] = value;
    return `:${name}`;
  }

  /** Each relation path is joined once, however many expressions use it. */
  private join(relationPath: string, relation: FilterRelation, parentAlias: string): string {
    const existing = this.joins.get(relationPath);
    if (existing !== undefined) {
      return existing.alias;
    }
    const alias = `${this.prefix}j${this.joins.size}`;
    this.joins.set(relationPath, {
      table: relation.table,
      alias,
      condition:
        `${quoteIdentifier(alias)}.${quoteIdentifier(relation.remoteColumn)} = ` +
        `${quoteIdentifier(parentAlias)}.${quoteIdentifier(relation.localColumn)}`,
    });
    return alias;
  }

  resolve(path: string, context: 'filter' | 'order_by'): ResolvedField {
    const unknown = (): never => {
      throw new FilterSpecError(`Unknown field '${path}' in ${context} for ${this.resource.name}`);
    };
    const segments = path.split('.');
    if (segments.length > MAX_FIELD_PATH_DEPTH) {
      throw new FilterSpecError(
        `Field '${path}' in ${context} for ${this.resource.name} has more than ` +
          `${MAX_FIELD_PATH_DEPTH} parts`,
      );
    }
    let resource = this.resource;
    let alias = this.rootAlias;
    for (let i = 0; i < segments.length - 1; i++) {
      const relation = lookup(resource.relations, segments[i]) ?? unknown();
      alias = this.join(segments.slice(0, i + 1).join('.'), relation, alias);
      resource = relation.resource;
    }
    const last = segments[segments.length - 1];
    const field = lookup(resource.fields, last);
    if (field !== undefined) {
      return { sql: `${quoteIdentifier(alias)}.${quoteIdentifier(field.column)}`, field };
    }
    // A relation named as a field means its id, which the foreign key already holds: no join.
    const relation = lookup(resource.relations, last) ?? unknown();
    const remoteKey = Object.values(relation.resource.fields).find(
      (candidate) => candidate.column === relation.remoteColumn,
    );
    return {
      sql: `${quoteIdentifier(alias)}.${quoteIdentifier(relation.localColumn)}`,
      field: { column: relation.localColumn, type: remoteKey?.type ?? 'int' },
    };
  }

  private value(path: string, field: FilterField, value: string | number | boolean): unknown {
    const bad = (expected: string): never => {
      throw new FilterSpecError(`Bad value for field '${path}': expected ${expected}`);
    };
    switch (field.type) {
      case 'int': {
        let parsed: number;
        if (typeof value === 'number') {
          parsed = Number.isInteger(value) ? value : bad('an integer');
        } else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) {
          parsed = Number(value);
        } else {
          return bad('an integer');
        }
        return parsed >= INT_MIN && parsed <= INT_MAX
          ? parsed
          : bad(`an integer between ${INT_MIN} and ${INT_MAX}`);
      }
      case 'string':
        // Numbers are stringified for clients that send `"value": 5` for a name like "5".
        return typeof value === 'boolean' ? bad('a string') : String(value);
      case 'bool':
        return typeof value === 'boolean' ? value : bad('a boolean');
      case 'datetime':
        return (
          (typeof value === 'string' ? normalizeIsoDatetime(value) : undefined) ??
          bad('an ISO 8601 datetime string')
        );
    }
  }

  private badOperator(path: string, reason: string): never {
    throw new FilterSpecError(`Bad operator for field '${path}': ${reason}`);
  }

  /** A NULL outcome counts as false, so `invert` selects exactly the rows the plain form does not. */
  private invert(sql: string, invert: boolean): string {
    return invert ? `NOT COALESCE(${sql}, FALSE)` : `(${sql})`;
  }

  private fieldExpr(expr: FieldExpr): string {
    const { sql: column, field } = this.resolve(expr.field, 'filter');
    let condition: string;
    switch (expr.type) {
      case 'exact': {
        const value = this.bind(this.value(expr.field, field, expr.value));
        condition =
          expr.case_insensitive && field.type === 'string'
            ? `lower(${column}) = lower(${value})`
            : `${column} = ${value}`;
        break;
      }
      case 'contains': {
        if (field.type !== 'string') {
          this.badOperator(expr.field, 'contains only applies to string fields');
        }
        const pattern = this.bind(`%${escapeLike(expr.sub_string)}%`);
        const like = expr.case_insensitive ? 'ILIKE' : 'LIKE';
        // E'' so the escape character is one backslash whatever standard_conforming_strings says.
        condition = `${column} ${like} ${pattern} ESCAPE E'\\\\'`;
        break;
      }
      case 'compare': {
        if (field.type === 'bool') {
          this.badOperator(expr.field, 'compare does not apply to boolean fields');
        }
        condition = `${column} ${expr.operator} ${this.bind(this.value(expr.field, field, expr.value))}`;
        break;
      }
      case 'isnull':
        condition = `${column} IS NULL`;
        break;
    }
    return this.invert(condition, expr.invert);
  }

  expr(expr: Expr): string {
    if (expr.type === 'and' || expr.type === 'or') {
      const parts = expr.sub_expressions.map((sub) => this.expr(sub));
      return this.invert(parts.join(expr.type === 'and' ? ' AND ' : ' OR '), expr.invert);
    }
    return this.fieldExpr(expr);
  }
}

/** `fs0_`, `fs1_`, ...: the first prefix no parameter or alias of this query builder uses yet. */
function freshPrefix<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string {
  const taken = [
    ...Object.keys(qb.getParameters()),
    ...qb.expressionMap.aliases.map((alias) => alias.name),
  ];
  for (let i = 0; ; i++) {
    const prefix = `fs${i}_`;
    if (!taken.some((name) => name.startsWith(prefix))) {
      return prefix;
    }
  }
}

/**
 * Adds the spec's joins, conditions and ordering to `qb`, whose root table is `resource.table`
 * under `rootAlias`. Conditions are ANDed with whatever the caller already has (or adds later,
 * e.g. per-user visibility); names are generated so they never clash with the caller's.
 * Throws FilterSpecError (400) for unknown fields and badly typed values, leaving `qb` untouched.
 */
export function applyFilterSpec<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  rootAlias: string,
  resource: FilterResource,
  spec: FilterSpec,
): SelectQueryBuilder<T> {
  const compiler = new FilterCompiler(rootAlias, resource, freshPrefix(qb));
  const root = quoteIdentifier(rootAlias);
  const conditions = spec.expressions.map((expr) => compiler.expr(expr));
  if (resource.active !== undefined && !spec.include_inactive) {
    conditions.push(`(${resource.active.replaceAll('{alias}', root)})`);
  }
  // Ordering twice by one column adds nothing in SQL, and TypeORM keys its orderings by the
  // expression, so a repeat would silently overwrite the first direction: keep the first.
  const orderings = new Map<
    string,
    { order: 'ASC' | 'DESC'; nulls?: 'NULLS FIRST' | 'NULLS LAST' }
  >();
  for (const order of spec.order_by) {
    const { sql } = compiler.resolve(order.field, 'order_by');
    if (!orderings.has(sql)) {
      orderings.set(sql, {
        order: order.ascending ? 'ASC' : 'DESC',
        nulls:
          order.nulls_first === undefined
            ? undefined
            : order.nulls_first
              ? 'NULLS FIRST'
              : 'NULLS LAST',
      });
    }
  }
  const primaryKey = `${root}.${quoteIdentifier(resource.primaryKey)}`;
  if (!orderings.has(primaryKey)) {
    orderings.set(primaryKey, { order: 'ASC' });
  }

  for (const join of compiler.joins.values()) {
    // A subquery rather than the bare table name: TypeORM would otherwise match the name to an
    // entity and add that entity's soft-delete condition to the join, hiding e.g. the project of
    // a live dataset once the project is deleted; the active rule is for the listed table only.
    qb.leftJoin(`(SELECT * FROM ${quoteTable(join.table)})`, join.alias, join.condition);
  }
  for (const condition of conditions) {
    qb.andWhere(condition);
  }
  qb.setParameters(compiler.parameters);
  if (resource.active !== undefined && spec.include_inactive) {
    // Entities with a @DeleteDateColumn get TypeORM's own "not deleted" filter otherwise.
    qb.withDeleted();
  }
  for (const [sql, { order, nulls }] of orderings) {
    qb.addOrderBy(sql, order, nulls);
  }
  return qb;
}
