import { normalizeIsoDatetime } from '../../src/common/filter-spec/filter-spec.compiler.js';
import {
  FilterSpecError,
  MAX_PAGE_LIMIT,
  PaginationError,
  nextPageLink,
  pageRows,
  parseFilterSpec,
  parsePageRequest,
} from '../../src/common/filter-spec/index.js';
import { decodeCursor, encodeCursor } from '../../src/common/filter-spec/pagination.js';

function parseError(body: unknown): string {
  try {
    parseFilterSpec(body);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterSpecError);
    expect((error as FilterSpecError).status).toBe(400);
    return (error as FilterSpecError).message;
  }
  throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
}

const exact = (field = 'name', value: unknown = 'x') => ({ type: 'exact', field, value });

/** A small seeded PRNG, so a failing fuzz case can be reproduced from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseFilterSpec', () => {
  it('should treat an absent or empty body as no filter', () => {
    const empty = { expressions: [], order_by: [], include_inactive: false };
    expect(parseFilterSpec(undefined)).toEqual(empty);
    expect(parseFilterSpec({})).toEqual(empty);
    expect(parseFilterSpec({ expressions: [], order_by: [] })).toEqual(empty);
  });

  it('should parse every expression type and fill in the defaults', () => {
    const spec = parseFilterSpec({
      expressions: [
        { type: 'exact', field: 'name', value: 'a', case_insensitive: true },
        { type: 'contains', field: 'name', sub_string: 'b', invert: true },
        { type: 'compare', field: 'version', operator: '<=', value: 3 },
        { type: 'isnull', field: 'domain' },
        { type: 'and', sub_expressions: [exact('a', 1), exact('b', true)] },
        {
          type: 'or',
          invert: true,
          sub_expressions: [exact(), { type: 'and', sub_expressions: [exact(), exact()] }],
        },
      ],
      order_by: [{ field: 'name' }, { field: 'pk', ascending: false, nulls_first: false }],
      include_inactive: true,
    });
    expect(spec).toEqual({
      expressions: [
        { type: 'exact', field: 'name', value: 'a', case_insensitive: true, invert: false },
        { type: 'contains', field: 'name', sub_string: 'b', case_insensitive: false, invert: true },
        { type: 'compare', field: 'version', operator: '<=', value: 3, invert: false },
        { type: 'isnull', field: 'domain', invert: false },
        {
          type: 'and',
          invert: false,
          sub_expressions: [
            { type: 'exact', field: 'a', value: 1, case_insensitive: false, invert: false },
            { type: 'exact', field: 'b', value: true, case_insensitive: false, invert: false },
          ],
        },
        {
          type: 'or',
          invert: true,
          sub_expressions: [
            { type: 'exact', field: 'name', value: 'x', case_insensitive: false, invert: false },
            {
              type: 'and',
              invert: false,
              sub_expressions: [
                {
                  type: 'exact',
                  field: 'name',
                  value: 'x',
                  case_insensitive: false,
                  invert: false,
                },
                {
                  type: 'exact',
                  field: 'name',
                  value: 'x',
                  case_insensitive: false,
                  invert: false,
                },
              ],
            },
          ],
        },
      ],
      order_by: [
        { field: 'name', ascending: true },
        { field: 'pk', ascending: false, nulls_first: false },
      ],
      include_inactive: true,
    });
  });

  it('should reject a body that is not an object', () => {
    for (const body of [null, [], [{}], 0, 1.5, 'a', '', true, false]) {
      expect(parseError(body)).toBe('Unable to parse JSON: body must be an object');
    }
  });

  it('should name the JSON path of an unknown expression type', () => {
    expect(parseError({ expressions: [{ type: 'regex', field: 'name' }] })).toBe(
      'Unable to parse JSON: expressions[0].type must be one of exact, contains, compare, isnull, and, or',
    );
    expect(parseError({ expressions: [{ field: 'name', value: 1 }] })).toBe(
      'Unable to parse JSON: expressions[0].type is required',
    );
    expect(parseError({ expressions: [{ type: 7 }] })).toMatch(/expressions\[0\]\.type must be/);
  });

  it('should reject keys the grammar does not have, at every level', () => {
    expect(parseError({ filter: [] })).toBe('Unable to parse JSON: filter is not allowed');
    expect(parseError({ expressions: [{ ...exact(), extra: 1 }] })).toBe(
      'Unable to parse JSON: expressions[0].extra is not allowed',
    );
    expect(parseError({ expressions: [{ type: 'isnull', field: 'a', value: 1 }] })).toBe(
      'Unable to parse JSON: expressions[0].value is not allowed',
    );
    expect(
      parseError({ expressions: [{ type: 'contains', field: 'a', sub_string: 'b', value: 'c' }] }),
    ).toBe('Unable to parse JSON: expressions[0].value is not allowed');
    expect(
      parseError({
        expressions: [
          { type: 'compare', field: 'a', operator: '<', value: 1, case_insensitive: true },
        ],
      }),
    ).toBe('Unable to parse JSON: expressions[0].case_insensitive is not allowed');
    expect(
      parseError({
        expressions: [{ type: 'and', field: 'a', sub_expressions: [exact(), exact()] }],
      }),
    ).toBe('Unable to parse JSON: expressions[0].field is not allowed');
    expect(parseError({ order_by: [{ field: 'a', descending: true }] })).toBe(
      'Unable to parse JSON: order_by[0].descending is not allowed',
    );
    expect(parseError(JSON.parse('{"__proto__": {}}'))).toBe(
      'Unable to parse JSON: __proto__ is not allowed',
    );
    expect(parseError({ 'we ird\u0000': 1 })).toBe(
      'Unable to parse JSON: "we ird\\u0000" is not allowed',
    );
  });

  it('should allow only field expressions inside and, and no or inside or', () => {
    const and = { type: 'and', sub_expressions: [exact(), exact()] };
    const or = { type: 'or', sub_expressions: [exact(), exact()] };
    expect(parseError({ expressions: [{ type: 'and', sub_expressions: [or, exact()] }] })).toBe(
      'Unable to parse JSON: expressions[0].sub_expressions[0].type must be one of exact, contains, compare, isnull',
    );
    expect(parseError({ expressions: [{ type: 'and', sub_expressions: [exact(), and] }] })).toBe(
      'Unable to parse JSON: expressions[0].sub_expressions[1].type must be one of exact, contains, compare, isnull',
    );
    expect(parseError({ expressions: [{ type: 'or', sub_expressions: [exact(), or] }] })).toBe(
      'Unable to parse JSON: expressions[0].sub_expressions[1].type must be one of exact, contains, compare, isnull, and',
    );
    expect(() =>
      parseFilterSpec({ expressions: [{ type: 'or', sub_expressions: [and, exact()] }] }),
    ).not.toThrow();
  });

  it('should reject and/or with fewer than two sub-expressions', () => {
    for (const type of ['and', 'or']) {
      expect(parseError({ expressions: [{ type, sub_expressions: [exact()] }] })).toBe(
        'Unable to parse JSON: expressions[0].sub_expressions must have at least 2 items',
      );
      expect(parseError({ expressions: [{ type, sub_expressions: [] }] })).toMatch(/at least 2/);
      expect(parseError({ expressions: [{ type }] })).toBe(
        'Unable to parse JSON: expressions[0].sub_expressions is required',
      );
      expect(parseError({ expressions: [{ type, sub_expressions: {} }] })).toBe(
        'Unable to parse JSON: expressions[0].sub_expressions must be an array',
      );
    }
  });

  it('should reject missing, empty and mistyped members', () => {
    expect(parseError({ expressions: [{ type: 'exact', value: 1 }] })).toBe(
      'Unable to parse JSON: expressions[0].field is required',
    );
    expect(parseError({ expressions: [exact('')] })).toBe(
      'Unable to parse JSON: expressions[0].field must not be empty',
    );
    expect(parseError({ expressions: [exact(5 as unknown as string)] })).toBe(
      'Unable to parse JSON: expressions[0].field must be a string',
    );
    expect(parseError({ expressions: [{ type: 'contains', field: 'a', sub_string: '' }] })).toBe(
      'Unable to parse JSON: expressions[0].sub_string must not be empty',
    );
    expect(parseError({ expressions: [{ type: 'contains', field: 'a', sub_string: 1 }] })).toBe(
      'Unable to parse JSON: expressions[0].sub_string must be a string',
    );
    expect(parseError({ expressions: [{ type: 'exact', field: 'a' }] })).toBe(
      'Unable to parse JSON: expressions[0].value is required',
    );
    for (const value of [null, [], {}, [1]]) {
      expect(parseError({ expressions: [exact('a', value)] })).toBe(
        'Unable to parse JSON: expressions[0].value must be a string, number or boolean',
      );
    }
    expect(
      parseError({ expressions: [{ type: 'compare', field: 'a', operator: '<', value: true }] }),
    ).toBe('Unable to parse JSON: expressions[0].value must be a string or number');
    for (const operator of ['=', '<>', '!=', '', 1, null]) {
      expect(
        parseError({ expressions: [{ type: 'compare', field: 'a', operator, value: 1 }] }),
      ).toBe('Unable to parse JSON: expressions[0].operator must be one of <, >, <=, >=');
    }
    expect(parseError({ expressions: [{ ...exact(), invert: 'yes' }] })).toBe(
      'Unable to parse JSON: expressions[0].invert must be a boolean',
    );
    expect(parseError({ expressions: [{ ...exact(), case_insensitive: 1 }] })).toBe(
      'Unable to parse JSON: expressions[0].case_insensitive must be a boolean',
    );
    expect(parseError({ include_inactive: 'true' })).toBe(
      'Unable to parse JSON: include_inactive must be a boolean',
    );
    expect(parseError({ expressions: {} })).toBe(
      'Unable to parse JSON: expressions must be an array',
    );
    expect(parseError({ expressions: [null] })).toBe(
      'Unable to parse JSON: expressions[0] must be an object',
    );
    expect(parseError({ order_by: [{}] })).toBe(
      'Unable to parse JSON: order_by[0].field is required',
    );
    expect(parseError({ order_by: ['name'] })).toBe(
      'Unable to parse JSON: order_by[0] must be an object',
    );
    expect(parseError({ order_by: [{ field: 'a', nulls_first: null }] })).toBe(
      'Unable to parse JSON: order_by[0].nulls_first must be a boolean',
    );
  });

  it('should reject numbers JSON cannot carry (NaN, Infinity) from in-process callers', () => {
    for (const value of [NaN, Infinity, -Infinity]) {
      expect(parseError({ expressions: [exact('a', value)] })).toBe(
        'Unable to parse JSON: expressions[0].value must be a finite number',
      );
    }
  });

  it('should reject NUL characters in every string', () => {
    expect(parseError({ expressions: [exact('na\u0000me')] })).toBe(
      'Unable to parse JSON: expressions[0].field must not contain NUL characters',
    );
    expect(parseError({ expressions: [exact('name', 'a\u0000')] })).toBe(
      'Unable to parse JSON: expressions[0].value must not contain NUL characters',
    );
    expect(
      parseError({ expressions: [{ type: 'contains', field: 'a', sub_string: '\u0000' }] }),
    ).toBe('Unable to parse JSON: expressions[0].sub_string must not contain NUL characters');
    expect(
      parseError({
        expressions: [{ type: 'compare', field: 'a', operator: '<', value: '\u0000' }],
      }),
    ).toMatch(/NUL/);
    expect(parseError({ order_by: [{ field: '\u0000' }] })).toBe(
      'Unable to parse JSON: order_by[0].field must not contain NUL characters',
    );
  });

  it('should cap list lengths and string lengths', () => {
    expect(() =>
      parseFilterSpec({ expressions: Array.from({ length: 100 }, () => exact()) }),
    ).not.toThrow();
    expect(parseError({ expressions: Array.from({ length: 101 }, () => exact()) })).toBe(
      'Unable to parse JSON: expressions must have at most 100 items',
    );
    expect(
      parseError({
        expressions: [{ type: 'or', sub_expressions: Array.from({ length: 101 }, () => exact()) }],
      }),
    ).toBe('Unable to parse JSON: expressions[0].sub_expressions must have at most 100 items');
    expect(() =>
      parseFilterSpec({ order_by: Array.from({ length: 20 }, () => ({ field: 'a' })) }),
    ).not.toThrow();
    expect(parseError({ order_by: Array.from({ length: 21 }, () => ({ field: 'a' })) })).toBe(
      'Unable to parse JSON: order_by must have at most 20 items',
    );
    expect(() => parseFilterSpec({ expressions: [exact('a', 'x'.repeat(1000))] })).not.toThrow();
    expect(parseError({ expressions: [exact('a', 'x'.repeat(1001))] })).toBe(
      'Unable to parse JSON: expressions[0].value must be at most 1000 characters',
    );
    expect(parseError({ expressions: [exact('a'.repeat(1001))] })).toMatch(/at most 1000/);
  });

  it('should cap the total number of expressions across nesting', () => {
    const and = { type: 'and', sub_expressions: Array.from({ length: 100 }, () => exact()) };
    const or = { type: 'or', sub_expressions: Array.from({ length: 100 }, () => and) };
    expect(parseError({ expressions: [or] })).toMatch(
      /^Unable to parse JSON: expressions\[0\]\.sub_expressions\[9\]\.sub_expressions\[\d+\] exceeds the limit of 1000 expressions/,
    );
  });

  it('should only ever throw FilterSpecError for malformed input (fuzz)', () => {
    const random = prng(20240601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const keys = [
      'type',
      'field',
      'value',
      'sub_string',
      'operator',
      'invert',
      'sub_expressions',
      'expressions',
      'order_by',
      'include_inactive',
      'case_insensitive',
      'ascending',
      'nulls_first',
      '__proto__',
      'constructor',
      'toString',
      '',
      'x',
    ];
    const scalars = [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      2 ** 31,
      'exact',
      'and',
      'or',
      'isnull',
      'contains',
      'compare',
      '<',
      'name',
      '',
      '\u0000',
      'x'.repeat(1001),
      '__proto__',
    ];
    const garbage = (depth: number): unknown => {
      const roll = random();
      if (depth <= 0 || roll < 0.4) {
        return pick(scalars);
      }
      if (roll < 0.7) {
        return Array.from({ length: Math.floor(random() * 4) }, () => garbage(depth - 1));
      }
      const obj: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--) {
        obj[pick(keys)] = garbage(depth - 1);
      }
      return obj;
    };
    // Mostly well-formed expressions with one random member broken, which reach deeper checks.
    const nearMiss = (depth: number): unknown => {
      const type = pick(['exact', 'contains', 'compare', 'isnull', 'and', 'or', 'bogus']);
      const expr: Record<string, unknown> = { type, field: pick(['name', '', 1, null]) };
      if (type === 'and' || type === 'or') {
        delete expr.field;
        expr.sub_expressions = Array.from({ length: Math.floor(random() * 4) }, () =>
          depth > 0 && random() < 0.5 ? nearMiss(depth - 1) : garbage(2),
        );
      } else {
        expr.value = pick(scalars);
        expr.sub_string = pick(scalars);
        expr.operator = pick(scalars);
        for (const key of Object.keys(expr)) {
          if (random() < 0.4 && key !== 'type') {
            delete expr[key];
          }
        }
      }
      if (random() < 0.3) {
        expr[pick(keys)] = garbage(2);
      }
      return expr;
    };
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const body =
        random() < 0.5
          ? garbage(5)
          : {
              expressions: Array.from({ length: Math.floor(random() * 3) }, () => nearMiss(3)),
              ...(random() < 0.3 ? { order_by: garbage(3) } : {}),
            };
      try {
        parseFilterSpec(body);
        accepted++;
      } catch (error) {
        if (
          !(error instanceof FilterSpecError) ||
          !error.message.startsWith('Unable to parse JSON: ')
        ) {
          throw new Error(`case ${i}: ${JSON.stringify(body)} threw ${String(error)}`, {
            cause: error,
          });
        }
      }
    }
    // The generator must actually exercise both outcomes to be worth anything.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(5000);
  });
});

describe('normalizeIsoDatetime', () => {
  it('should accept ISO 8601 dates and datetimes and make the offset explicit', () => {
    expect(normalizeIsoDatetime('2024-01-02')).toBe('2024-01-02T00:00:00+00:00');
    expect(normalizeIsoDatetime('2024-01-02T03:04')).toBe('2024-01-02T03:04:00+00:00');
    expect(normalizeIsoDatetime('2024-01-02T03:04:05Z')).toBe('2024-01-02T03:04:05+00:00');
    expect(normalizeIsoDatetime('2024-01-02 03:04:05.123456+0530')).toBe(
      '2024-01-02T03:04:05.123456+05:30',
    );
    expect(normalizeIsoDatetime('2024-02-29T23:59:59-08')).toBe('2024-02-29T23:59:59-08:00');
  });

  it('should reject what PostgreSQL would reject', () => {
    for (const value of [
      '',
      'yesterday',
      'now',
      '2024-1-2',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '0000-01-01',
      '2024-01-01T24:00:00',
      '2024-01-01T12:60',
      '2024-01-01T12:00:60',
      '2024-01-01T12:00:00+16:00',
      '2024-01-01Z',
      '2024-01-01T12:00:00.1234567890',
      '12345',
    ]) {
      expect(normalizeIsoDatetime(value)).toBeUndefined();
    }
  });
});

describe('pagination parameters', () => {
  function pageError(query: Record<string, unknown>): string {
    try {
      parsePageRequest(query);
    } catch (error) {
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as PaginationError).status).toBe(400);
      return (error as PaginationError).message;
    }
    throw new Error(`expected ${JSON.stringify(query)} to be rejected`);
  }

  it('should mean "everything" when no limit is given', () => {
    expect(parsePageRequest({})).toBeUndefined();
    expect(parsePageRequest({ other: 'x' })).toBeUndefined();
  });

  it('should accept limits from 1 to 1000 and a cursor of ours', () => {
    expect(parsePageRequest({ limit: '1' })).toEqual({ limit: 1, offset: 0 });
    expect(parsePageRequest({ limit: String(MAX_PAGE_LIMIT) })).toEqual({ limit: 1000, offset: 0 });
    expect(parsePageRequest({ limit: '5', cursor: encodeCursor(35) })).toEqual({
      limit: 5,
      offset: 35,
    });
    expect(decodeCursor(encodeCursor(0))).toBe(0);
    expect(decodeCursor(encodeCursor(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('should reject bad limits and cursors with a 400', () => {
    for (const limit of [
      '0',
      '1001',
      '-1',
      '1.5',
      'ten',
      '',
      ' 5',
      '1e2',
      ['5', '6'],
      { a: '1' },
    ]) {
      expect(pageError({ limit })).toMatch(/limit/);
    }
    expect(pageError({ limit: '5', cursor: 'not a cursor' })).toBe('Invalid cursor.');
    expect(pageError({ limit: '5', cursor: '' })).toBe('Invalid cursor.');
    expect(pageError({ limit: '5', cursor: Buffer.from('o:-1').toString('base64url') })).toBe(
      'Invalid cursor.',
    );
    expect(
      pageError({ limit: '5', cursor: Buffer.from('o:99999999999999999').toString('base64url') }),
    ).toBe('Invalid cursor.');
    expect(pageError({ limit: '5', cursor: [encodeCursor(5), encodeCursor(10)] })).toMatch(
      /cursor/,
    );
    expect(pageError({ cursor: encodeCursor(5) })).toBe(
      'The cursor query parameter needs limit as well.',
    );
  });

  it('should link to the next page only when more rows were fetched than the limit', () => {
    const page = { limit: 2, offset: 4 };
    expect(nextPageLink('/v1/datasets/list?limit=2', 'http://h', page, 2)).toBeUndefined();
    const link = nextPageLink(
      `/v1/datasets/list?x=a%20b&limit=2&cursor=${encodeCursor(4)}`,
      'http://host:8000/',
      page,
      3,
    );
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.origin).toBe('http://host:8000');
    expect(url.pathname).toBe('/v1/datasets/list');
    expect(url.searchParams.get('x')).toBe('a b');
    expect(url.searchParams.get('limit')).toBe('2');
    expect(decodeCursor(url.searchParams.get('cursor')!)).toBe(6);
  });

  it('should keep the link on our own host whatever the request target says', () => {
    const page = { limit: 1, offset: 0 };
    for (const target of ['//evil.example/steal?limit=1', 'http://evil.example/steal?limit=1']) {
      const url = new URL(nextPageLink(target, 'https://api.example', page, 2)!);
      expect(url.origin).toBe('https://api.example');
      expect(url.pathname).toBe('/steal');
    }
  });

  it('should drop the look-ahead row from a page', () => {
    expect(pageRows([1, 2, 3], { limit: 2, offset: 0 })).toEqual([1, 2]);
    expect(pageRows([1, 2, 3], undefined)).toEqual([1, 2, 3]);
  });
});
