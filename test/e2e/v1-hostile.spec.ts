import { createHash, randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import request from 'supertest';
import yazl from 'yazl';
import { createUser, loginAs } from '../utils/auth.js';
import { createDataset, MIT, upload } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, unique } from '../utils/fixtures.js';
import { listen, rawRequest, type RawRequest, type RawResponse } from '../utils/raw-http.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';
import { buildZip, deflatedEntry, storedEntry, type RawZipEntry } from '../utils/zip-bytes.js';

/*
 * Every /v1 route against hostile input: route templates x payload generators, sent as a site
 * admin (so permission checks hide no parsing bug) and, for a sample, as anonymous and as a plain
 * user. Every answer must be a 4xx with a DRF-shaped JSON body; afterwards nothing may have been
 * stored, nothing may have escaped the storage root, and the server must still serve.
 */

/** Marks the names this run invents, so leftovers can be told from other runs' files. */
const RUN = `hostile${randomBytes(4).toString('hex')}`;
const EVIL = `evil-${RUN}`;
const STARTED_AT = Date.now();

const JSON_TYPE = 'application/json';
const MB = 1024 * 1024;
const MAX_UPLOAD_BYTES = MB;
const ZIP_MAX_TOTAL_BYTES = 4 * MB;
const ZIP_MAX_ENTRIES = 100;
const CONCURRENCY = 8;

type Actor = 'admin' | 'user' | 'anonymous';

interface Fixture {
  /** Path placeholders: `{dataset}`, `{file}`, ... */
  readonly ids: Record<string, string>;
  readonly names: { team: string; project: string; dataset: string; licence: string };
  readonly tokens: Record<Exclude<Actor, 'anonymous'>, string>;
  readonly hostileTokens: readonly { label: string; header: string }[];
  readonly hostileRefreshTokens: readonly { label: string; token: string }[];
}

interface HostileCase {
  readonly label: string;
  readonly actor: Actor;
  build(fixture: Fixture): RawRequest;
  /** An answer the contract gives here that is not a 4xx (users get_by_name: `200 []`). */
  readonly alsoAccept?: (response: RawResponse) => boolean;
  /** The hostile part is meant to be what is refused, not a missing object or a credential. */
  readonly mustReach?: boolean;
}

/** Answers that say a request was stopped before its hostile part was even looked at. */
const NOT_REACHED = [401, 403, 404, 405];

// ---------------------------------------------------------------------------------------------
// Routes

type Kind = 'json' | 'none' | 'upload' | 'zip';

interface Route {
  readonly method: string;
  /** Placeholders in braces are filled from the fixture (`{dataset}`) or replaced by hostile segments. */
  readonly path: string;
  readonly kind: Kind;
  /** A valid body; hostile values replace one field of it at a time. */
  readonly valid?: (fixture: Fixture) => Record<string, unknown>;
  /** Per field, values of the wrong type or out of range. */
  readonly fields?: Record<string, readonly unknown[]>;
  /** `{}` is a valid body (list, PATCH, copy, download). */
  readonly emptyOk?: boolean;
  /** Unknown keys are ignored, as DRF serializers ignore them (PATCH, download). */
  readonly unknownKeysOk?: boolean;
  /** No authentication at all (the simplejwt endpoints). */
  readonly isPublic?: boolean;
}

const NUL = 'a\u0000b';
const tooLong = (max: number) => 'x'.repeat(max + 1);
/** Non-blank strings. */
const STR: readonly unknown[] = [null, 42, 1.5, true, [], ['x'], {}, { $ne: null }, '', NUL];
/** Strings that may be blank. */
const TEXT: readonly unknown[] = [null, 42, true, [], {}, { $gt: '' }, NUL];
const PK: readonly unknown[] = [null, 'abc', 1.5, -1, 0, 2 ** 31, 1e308, true, [], [1], {}, NUL];
const BOOL: readonly unknown[] = [null, 'perhaps', 2, -1, 1.5, [], [true], {}, NUL];

const FILTER_FIELDS: Record<string, readonly unknown[]> = {
  expressions: [
    null,
    'pk = 1',
    1,
    {},
    [null],
    [{}],
    [{ type: 'exact' }],
    [{ type: 'drop', field: 'pk', value: 1 }],
    [{ type: 'exact', field: 'no_such_field', value: 1 }],
    [{ type: 'exact', field: 'pk; DROP TABLE users', value: 1 }],
    [{ type: 'exact', field: '__proto__', value: 1 }],
    [{ type: 'exact', field: 'pk', value: { $ne: 1 } }],
    [{ type: 'exact', field: 'pk', value: [1, 2] }],
    [{ type: 'exact', field: 'pk', value: 1, extra: true }],
    [{ type: 'contains', field: 'name', sub_string: NUL }],
    [{ type: 'contains', field: 'name', sub_string: tooLong(1000) }],
    [{ type: 'compare', field: 'pk', operator: '<>', value: 1 }],
    [{ type: 'isnull', field: 'pk', invert: 'yes' }],
    [{ type: 'and', sub_expressions: [{ type: 'exact', field: 'pk', value: 1 }] }],
    [
      {
        type: 'or',
        sub_expressions: [
          { type: 'or', sub_expressions: [] },
          { type: 'exact', field: 'pk', value: 1 },
        ],
      },
    ],
    Array.from({ length: 101 }, () => ({ type: 'exact', field: 'pk', value: 1 })),
  ],
  order_by: [
    null,
    'name',
    1,
    {},
    [null],
    [{}],
    [{ field: 'no_such_field' }],
    [{ field: 'pk; DROP TABLE users' }],
    [{ field: 'pk', ascending: 'yes' }],
    [{ field: 'pk', nulls_first: 1 }],
    Array.from({ length: 21 }, () => ({ field: 'pk' })),
  ],
  include_inactive: [null, 'yes', 1, [], {}],
};

const USER_FIELDS: Record<string, readonly unknown[]> = {
  username: [...STR, tooLong(150), 'a b', '../../etc/passwd'],
  password: [...STR, tooLong(1024)],
  first_name: [...TEXT, tooLong(150)],
  last_name: [...TEXT, tooLong(150)],
  email: [...TEXT, 'not an email', `${'x'.repeat(250)}@example.org`],
  is_staff: BOOL,
  is_active: BOOL,
};
const TEAM_FIELDS = { name: [...STR, tooLong(200)] };
const PROJECT_FIELDS = { name: [...STR, tooLong(200)], team: PK };
const LICENCE_FIELDS = {
  name: [...STR, '   ', tooLong(100)],
  url: [
    null,
    42,
    [],
    {},
    '',
    'not a url',
    'javascript:alert(1)',
    'file:///etc/passwd',
    `https://example.org/${tooLong(200)}`,
    'https://exa\u0000mple.org/',
  ],
};
const SUBDESCRIPTOR_FIELDS = {
  method: [null, 'update', 'ADD', 1, [], {}],
  type: [null, 'foo', '__proto__', 'constructor', 'toString', 1, []],
  names: [
    null,
    'Commercial use',
    1,
    {},
    [],
    [null],
    [''],
    [tooLong(100)],
    [1.5],
    [-1],
    [0],
    [2 ** 31],
    [2 ** 53],
    ['Commercial use', 'Commercial use'],
    [true],
    [{}],
    [[]],
    [NUL],
    Array.from({ length: 1001 }, (_, index) => `name-${index}`),
  ],
};
const DATASET_FIELDS = {
  name: [...STR, tooLong(200)],
  project: PK,
  licence: PK,
  tags: [...TEXT, tooLong(100_000)],
  description: [...TEXT, tooLong(1_000_000)],
  is_public: BOOL,
};

function licenceRoutes(prefix: string): Route[] {
  return [
    { method: 'POST', path: `${prefix}/list`, kind: 'json', emptyOk: true, fields: FILTER_FIELDS },
    {
      method: 'POST',
      path: `${prefix}/create`,
      kind: 'json',
      valid: () => ({ name: unique('hostile-licence'), url: 'https://example.org/licence' }),
      fields: LICENCE_FIELDS,
    },
    { method: 'GET', path: `${prefix}/{licence}`, kind: 'none' },
    {
      method: 'PUT',
      path: `${prefix}/{licence}`,
      kind: 'json',
      valid: (f) => ({ name: f.names.licence, url: 'https://example.org/licence' }),
      fields: LICENCE_FIELDS,
    },
    {
      method: 'PATCH',
      path: `${prefix}/{licence}`,
      kind: 'json',
      emptyOk: true,
      unknownKeysOk: true,
      fields: LICENCE_FIELDS,
    },
    { method: 'DELETE', path: `${prefix}/{licence}`, kind: 'none' },
    {
      method: 'PATCH',
      path: `${prefix}/{licence}/subdescriptors`,
      kind: 'json',
      valid: () => ({ method: 'add', type: 'permissions', names: ['Commercial use'] }),
      fields: SUBDESCRIPTOR_FIELDS,
    },
  ];
}

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/auth/obtain',
    kind: 'json',
    isPublic: true,
    valid: () => ({ ...TEST_ADMIN }),
    fields: { username: [...STR, tooLong(150)], password: [...STR, tooLong(1024)] },
  },
  {
    method: 'POST',
    path: '/v1/auth/refresh',
    kind: 'json',
    isPublic: true,
    fields: { refresh: [...STR, tooLong(4096), 'a.b.c'] },
  },
  {
    method: 'POST',
    path: '/v1/auth/verify',
    kind: 'json',
    isPublic: true,
    fields: { token: [...STR, tooLong(4096), 'a.b.c'] },
  },

  { method: 'POST', path: '/v1/users/list', kind: 'json', emptyOk: true, fields: FILTER_FIELDS },
  {
    method: 'POST',
    path: '/v1/users/create',
    kind: 'json',
    valid: () => ({ username: unique('hostile'), password: 'a-good-password' }),
    fields: USER_FIELDS,
  },
  { method: 'GET', path: '/v1/users/{user}', kind: 'none' },
  {
    method: 'PUT',
    path: '/v1/users/{user}',
    kind: 'json',
    valid: (f) => ({ username: f.ids.username }),
    fields: USER_FIELDS,
  },
  {
    method: 'PATCH',
    path: '/v1/users/{user}',
    kind: 'json',
    emptyOk: true,
    unknownKeysOk: true,
    fields: USER_FIELDS,
  },
  { method: 'DELETE', path: '/v1/users/{user}', kind: 'none' },

  { method: 'POST', path: '/v1/teams/list', kind: 'json', emptyOk: true, fields: FILTER_FIELDS },
  {
    method: 'POST',
    path: '/v1/teams/create',
    kind: 'json',
    valid: () => ({ name: unique('hostile-team') }),
    fields: TEAM_FIELDS,
  },
  { method: 'GET', path: '/v1/teams/{team}', kind: 'none' },
  {
    method: 'PUT',
    path: '/v1/teams/{team}',
    kind: 'json',
    valid: (f) => ({ name: f.names.team }),
    fields: TEAM_FIELDS,
  },
  {
    method: 'PATCH',
    path: '/v1/teams/{team}',
    kind: 'json',
    emptyOk: true,
    unknownKeysOk: true,
    fields: TEAM_FIELDS,
  },
  { method: 'DELETE', path: '/v1/teams/{team}', kind: 'none' },
  { method: 'DELETE', path: '/v1/teams/{team}/hard', kind: 'none' },
  { method: 'DELETE', path: '/v1/teams/{team}/reinstate', kind: 'none' },
  {
    method: 'PATCH',
    path: '/v1/teams/{team}/memberships',
    kind: 'json',
    valid: (f) => ({ username: f.ids.username, method: 'add', permissions: 'R' }),
    fields: {
      username: [null, 1, [], {}, '', tooLong(150), NUL, '../../etc/passwd'],
      method: [null, 1, 'ADD', 'delete', '', [], {}, NUL],
      permissions: [null, 'Z', 'r', 'RW', 1, [], {}, NUL],
    },
  },
  { method: 'GET', path: '/v1/teams/{team}/permissions/{username}', kind: 'none' },

  { method: 'POST', path: '/v1/projects/list', kind: 'json', emptyOk: true, fields: FILTER_FIELDS },
  {
    method: 'POST',
    path: '/v1/projects/create',
    kind: 'json',
    valid: (f) => ({ name: unique('hostile-project'), team: Number(f.ids.team) }),
    fields: PROJECT_FIELDS,
  },
  { method: 'GET', path: '/v1/projects/{project}', kind: 'none' },
  {
    method: 'PUT',
    path: '/v1/projects/{project}',
    kind: 'json',
    valid: (f) => ({ name: f.names.project, team: Number(f.ids.team) }),
    fields: PROJECT_FIELDS,
  },
  {
    method: 'PATCH',
    path: '/v1/projects/{project}',
    kind: 'json',
    emptyOk: true,
    unknownKeysOk: true,
    fields: PROJECT_FIELDS,
  },
  { method: 'DELETE', path: '/v1/projects/{project}', kind: 'none' },
  { method: 'DELETE', path: '/v1/projects/{project}/hard', kind: 'none' },
  { method: 'DELETE', path: '/v1/projects/{project}/reinstate', kind: 'none' },

  ...licenceRoutes('/v1/licences'),
  ...licenceRoutes('/v1/licenses'),

  { method: 'POST', path: '/v1/domains/list', kind: 'json', emptyOk: true, fields: FILTER_FIELDS },
  { method: 'GET', path: '/v1/domains/{domain}', kind: 'none' },

  { method: 'POST', path: '/v1/datasets/list', kind: 'json', emptyOk: true, fields: FILTER_FIELDS },
  {
    method: 'POST',
    path: '/v1/datasets/create',
    kind: 'json',
    valid: (f) => ({
      name: unique('hostile-dataset'),
      project: Number(f.ids.project),
      licence: MIT,
      tags: '',
      description: '',
      is_public: false,
    }),
    fields: DATASET_FIELDS,
  },
  { method: 'GET', path: '/v1/datasets/{dataset}', kind: 'none' },
  {
    method: 'PUT',
    path: '/v1/datasets/{dataset}',
    kind: 'json',
    valid: (f) => ({
      name: f.names.dataset,
      project: Number(f.ids.project),
      licence: MIT,
      tags: '',
      description: '',
      is_public: false,
    }),
    fields: DATASET_FIELDS,
  },
  {
    method: 'PATCH',
    path: '/v1/datasets/{dataset}',
    kind: 'json',
    emptyOk: true,
    unknownKeysOk: true,
    fields: DATASET_FIELDS,
  },
  { method: 'DELETE', path: '/v1/datasets/{dataset}', kind: 'none' },
  { method: 'DELETE', path: '/v1/datasets/{dataset}/hard', kind: 'none' },
  { method: 'DELETE', path: '/v1/datasets/{dataset}/reinstate', kind: 'none' },
  { method: 'DELETE', path: '/v1/datasets/{dataset}/clear', kind: 'none' },
  {
    method: 'POST',
    path: '/v1/datasets/{dataset}/copy',
    kind: 'json',
    emptyOk: true,
    fields: {
      new_name: [42, true, [], {}, '', '   ', tooLong(200), NUL],
      only_files: ['a.txt', 42, {}, [1], [null], [['a.txt']], [NUL]],
    },
  },
  {
    method: 'POST',
    path: '/v1/datasets/{dataset}/merge/{other}',
    kind: 'json',
    valid: () => ({ delete: false }),
    fields: {
      delete: [null, 'true', 1, 0, [], {}, NUL],
      hard: [null, 'yes', 1, [], {}],
    },
  },
  {
    method: 'POST',
    path: '/v1/datasets/{dataset}/download',
    kind: 'json',
    emptyOk: true,
    unknownKeysOk: true,
    fields: {
      filetype: [null, 1, true, [], {}, 'tar', 'rar', `../../${EVIL}`, 'zip\u0000', tooLong(100)],
      params: [
        null,
        'x',
        1,
        [],
        ['annotations_args'],
        { x: '1' },
        { annotations_args: 5 },
        { annotations_args: { deep: true } },
      ],
    },
  },
  { method: 'POST', path: '/v1/datasets/{dataset}/files/{newfile}', kind: 'upload' },
  { method: 'POST', path: '/v1/datasets/{dataset}/files-multi', kind: 'zip' },
  { method: 'GET', path: '/v1/datasets/{dataset}/files/{nofile}', kind: 'none' },
  { method: 'DELETE', path: '/v1/datasets/{dataset}/files/{nofile}', kind: 'none' },
  { method: 'GET', path: '/v1/datasets/{dataset}/file-handles/{nohandle}', kind: 'none' },
  {
    method: 'POST',
    path: '/v1/datasets/{dataset}/metadata/{file}',
    kind: 'json',
    valid: () => ({ metadata: 'hostile' }),
    fields: { metadata: [null, 1, true, [], {}, NUL] },
  },
  { method: 'GET', path: '/v1/datasets/{dataset}/metadata/{file}', kind: 'none' },
  { method: 'GET', path: '/v1/datasets/{dataset}/metadata', kind: 'none' },
];

/** Placeholders that hold a pk, and those that hold a name (`{user}` is both: users/<name>). */
const PK_PLACEHOLDERS = ['dataset', 'other', 'team', 'project', 'licence', 'user', 'domain'];
const NAME_PLACEHOLDERS = ['newfile', 'nofile', 'file', 'nohandle', 'username', 'user'];

function fill(template: string, fixture: Fixture, replace: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = replace[name] ?? fixture.ids[name];
    if (value === undefined) {
      throw new Error(`No value for {${name}} in ${template}`);
    }
    return value;
  });
}

const label = (route: Route, what: string) => `${route.method} ${route.path} ${what}`;

// ---------------------------------------------------------------------------------------------
// Payloads

interface BodySpec {
  readonly label: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly body: () => Buffer;
  readonly chunked?: boolean;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const bigJson = (bytes: number) => lazy(() => Buffer.from(`{"name":"${'x'.repeat(bytes)}"}`));
const utf8 = (text: string) => () => Buffer.from(text);

/** Bodies the parser itself must refuse (or never read): safe to send to every route. */
const UNPARSEABLE: readonly BodySpec[] = [
  { label: 'truncated JSON', body: utf8('{"name": ') },
  { label: 'single-quoted JSON', body: utf8("{'name': 'x'}") },
  { label: 'trailing comma', body: utf8('{"name": "x",}') },
  { label: 'NaN literal', body: utf8('{"name": NaN}') },
  { label: 'bare null', body: utf8('null') },
  { label: 'bare number', body: utf8('42') },
  { label: 'bare string', body: utf8('"hostile"') },
  { label: 'bare true', body: utf8('true') },
  { label: 'NUL between tokens', body: utf8('{"name"\u0000: "x"}') },
  { label: 'raw bytes \\xff\\xfe', body: () => Buffer.from([0xff, 0xfe]) },
  {
    label: 'invalid UTF-8 inside a JSON string',
    body: () =>
      Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
        Buffer.from('"}'),
      ]),
  },
  {
    label: 'overlong UTF-8 encoding of a quote',
    body: () =>
      Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xc0, 0xa2]), Buffer.from('}')]),
  },
  { label: 'unsupported charset', contentType: `${JSON_TYPE}; charset=koi8-r`, body: utf8('{}') },
  {
    label: 'UTF-16 label on UTF-8 bytes',
    contentType: `${JSON_TYPE}; charset=utf-16`,
    body: utf8('{"a":1}'),
  },
  { label: 'gzip label on plain bytes', headers: { 'Content-Encoding': 'gzip' }, body: utf8('{}') },
  {
    label: 'unknown Content-Encoding',
    headers: { 'Content-Encoding': 'x-hostile' },
    body: utf8('{}'),
  },
  {
    label: 'gzip bomb (20 MB inflated)',
    headers: { 'Content-Encoding': 'gzip' },
    body: lazy(() => gzipSync(Buffer.from(`{"name":"${'0'.repeat(20 * MB)}"}`))),
  },
  { label: '1.5 MB JSON', body: bigJson(1.5 * MB) },
  { label: '2 MB chunked JSON', body: bigJson(2 * MB), chunked: true },
  {
    label: '1.5 MB form',
    contentType: 'application/x-www-form-urlencoded',
    body: lazy(() => Buffer.from(`name=${'x'.repeat(1.5 * MB)}`)),
  },
];
const TEN_MB: BodySpec = { label: '10 MB JSON', body: bigJson(10 * MB) };

/** Parseable JSON of the wrong shape; only for routes that read a JSON body. */
function wrongShapes(route: Route): BodySpec[] {
  const first = Object.keys(route.fields ?? { name: [] })[0];
  const json = (name: string, value: unknown): BodySpec => ({
    label: name,
    body: lazy(() => Buffer.from(JSON.stringify(value))),
  });
  const deep = (depth: number, open: string, close: string, inner = '1') =>
    lazy(() => Buffer.from(open.repeat(depth) + inner + close.repeat(depth)));
  const shapes: BodySpec[] = [
    json('empty array', []),
    json('array of an object', [{ name: 'x' }]),
    json('mixed array', [null, 1, 'a', { name: 'x' }]),
    {
      label: `${first} as a 50,000-deep array`,
      body: lazy(() => Buffer.from(`{"${first}":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)),
    },
    {
      label: `${first} as a 50,000-deep object`,
      body: lazy(() => Buffer.from(`{"${first}":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`)),
    },
    json(`prototype pollution with a bad ${first}`, {
      ['__proto__']: { polluted: true, is_staff: true },
      [first]: { $ne: 1 },
    }),
    {
      label: 'JSON as text/plain',
      contentType: 'text/plain',
      body: lazy(() => Buffer.from(JSON.stringify(route.fields ? { [first]: 42 } : {}))),
    },
    { label: 'XML', contentType: 'application/xml', body: utf8('<name>x</name>') },
    {
      label: 'garbage multipart',
      contentType: 'multipart/form-data; boundary=x',
      body: utf8('--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n\u0000\r\n--'),
    },
  ];
  if (!route.emptyOk) {
    shapes.push(json('empty object', {}));
  }
  if (!route.unknownKeysOk) {
    shapes.push(
      json('unknown nested garbage', { hostile: { a: [1, { b: null }], c: 'x' } }),
      {
        label: 'own __proto__ key',
        body: utf8('{"__proto__": {"polluted": true, "is_staff": true}}'),
      },
      json('constructor.prototype', { constructor: { prototype: { polluted: true } } }),
      { label: '50,000-deep object', body: deep(50_000, '{"a":', '}') },
    );
  }
  return shapes;
}

// ---------------------------------------------------------------------------------------------
// Path segments and names

const PK_SEGMENTS: readonly string[] = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e3',
  '0x10',
  '+1',
  '%201',
  '99999999999',
  '2147483648',
  '9'.repeat(3000),
  '%FF',
  '%00',
  '1%00',
  '%2e%2e',
  '..',
  '%2F',
  '%',
  '%zz',
  '%C0%AE',
  '\xff\xfe',
  '1;DROP',
  "1'",
  '%E2%80%AE1',
];

/** Hostile names for file, metadata, handle and username segments (already URL-escaped). */
const NAME_SEGMENTS: readonly { segment: string; upload: boolean }[] = [
  { segment: '../../etc/passwd', upload: true },
  { segment: '..%2F..%2Fetc%2Fpasswd', upload: true },
  { segment: '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', upload: true },
  // Normalised to `etc/passwd`, which the dataset already holds: 400 "already in use".
  { segment: '/etc/passwd', upload: true },
  { segment: '%2Fetc%2Fpasswd', upload: true },
  { segment: `a/../../${EVIL}`, upload: true },
  { segment: `./../${EVIL}`, upload: true },
  { segment: `..\\..\\${EVIL}`, upload: true },
  { segment: `..%5C..%5C${EVIL}`, upload: true },
  { segment: `C:%5C${EVIL}`, upload: true },
  { segment: 'n'.repeat(5000), upload: true },
  { segment: `${EVIL}%00.txt`, upload: true },
  { segment: '%00', upload: true },
  { segment: '%FF%FE', upload: true },
  { segment: `%C0%AE%C0%AE/${EVIL}`, upload: true },
  { segment: '%', upload: true },
  { segment: '%zz', upload: true },
  { segment: '..', upload: true },
  // Valid names under UFDL's rules (stored as they are), so only where they name nothing.
  { segment: '\xff\xfe', upload: false },
  { segment: `${EVIL}%0D%0ASet-Cookie:%20x=1`, upload: false },
  { segment: '.', upload: false },
];

// ---------------------------------------------------------------------------------------------
// Zips

function yazlZip(entries: [string, Buffer | string][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const okEntry = () => storedEntry(`ok-${RUN}.txt`, 'fine');

/** Corrupt archives, bombs and zip-slip entries; each must be refused whole. */
async function hostileZips(): Promise<{ label: string; body: Buffer; chunked?: boolean }[]> {
  const honest = await yazlZip([
    [`first-${RUN}.txt`, 'one'],
    [`second-${RUN}.txt`, randomBytes(2000)],
  ]);
  const zeros50 = deflatedEntry(`zeros-${RUN}.bin`, Buffer.alloc(50 * MB));
  const random = randomBytes(10_000);
  const shared: RawZipEntry[] = [storedEntry(`overlap-0-${RUN}`, random)];
  for (let index = 1; index < 50; index += 1) {
    shared.push({ ...storedEntry(`overlap-${index}-${RUN}`, random), sharesDataWith: 0 });
  }
  const slip = (name: string | Buffer) => buildZip([okEntry(), storedEntry(name, 'slip')]);
  return [
    { label: 'not a zip', body: Buffer.from('hello, I am not a zip') },
    { label: 'random bytes', body: randomBytes(4096) },
    { label: 'empty body', body: Buffer.alloc(0) },
    { label: 'truncated to half', body: honest.subarray(0, Math.floor(honest.length / 2)) },
    { label: 'end record chopped', body: honest.subarray(0, honest.length - 10) },
    { label: 'end record claims 65,535 entries', body: buildZip([], { declaredEntries: 65_535 }) },
    {
      label: 'central directory beyond the end',
      body: buildZip([okEntry()], { centralDirectoryOffset: 0x7fff_0000 }),
    },
    {
      label: 'bad CRC after a good entry',
      body: buildZip([
        okEntry(),
        { ...storedEntry(`crc-${RUN}.txt`, 'payload'), crc32: 0xdeadbeef },
      ]),
    },
    {
      label: 'entry inflates to 5 MB but declares 1,000 bytes',
      body: buildZip([
        okEntry(),
        deflatedEntry(`liar-${RUN}.bin`, Buffer.alloc(5 * MB), { uncompressedSize: 1000 }),
      ]),
    },
    {
      label: 'entry inflates to fewer bytes than declared',
      body: buildZip([deflatedEntry(`short-${RUN}.txt`, 'hello', { uncompressedSize: 10 })]),
    },
    { label: '50 MB of zeros deflated', body: buildZip([zeros50]) },
    {
      label: '50 MB of zeros declared as 50 KB',
      body: buildZip([{ ...zeros50, uncompressedSize: 50_000 }]),
    },
    {
      label: '2 MB of zeros deflated (compression ratio over the limit)',
      body: buildZip([deflatedEntry(`ratio-${RUN}.bin`, Buffer.alloc(2 * MB))]),
    },
    { label: '50 entries sharing one data block', body: buildZip(shared) },
    {
      label: 'deflate stream that is garbage',
      body: buildZip([{ ...deflatedEntry(`garbage-${RUN}.bin`, 'x'), data: randomBytes(64) }]),
    },
    { label: `zip slip ../${EVIL}`, body: slip(`../${EVIL}`) },
    { label: `zip slip /${EVIL}`, body: slip(`/${EVIL}`) },
    { label: `zip slip a/../../${EVIL}`, body: slip(`a/../../${EVIL}`) },
    { label: `zip slip a/./../../${EVIL}`, body: slip(`a/./../../${EVIL}`) },
    { label: 'zip slip ../../etc/passwd', body: slip('../../etc/passwd') },
    { label: 'zip slip /etc/passwd', body: slip('/etc/passwd') },
    { label: `zip slip ..\\${EVIL}`, body: slip(`..\\${EVIL}`) },
    { label: `zip slip C:/${EVIL}`, body: slip(`C:/${EVIL}`) },
    { label: `zip slip C:${EVIL}`, body: slip(`C:${EVIL}`) },
    { label: `zip slip //server/share/${EVIL}`, body: slip(`//server/share/${EVIL}`) },
    { label: 'entry name with NUL', body: slip(Buffer.from(`${EVIL}\u0000.txt`)) },
    { label: 'empty entry name', body: slip('') },
    { label: '5,000-character entry name', body: slip('n'.repeat(5000)) },
    {
      label: 'name flagged UTF-8 that is not',
      body: buildZip([{ ...storedEntry(Buffer.from([0xff, 0xfe, 0x2e]), 'x'), flags: 0x800 }]),
    },
    {
      label: 'encrypted entry',
      body: buildZip([{ ...storedEntry(`secret-${RUN}.txt`, 'x'), flags: 0x801 }]),
    },
    {
      label: 'bzip2 entry',
      body: buildZip([{ ...storedEntry(`bz-${RUN}.txt`, 'x'), method: 12 }]),
    },
    {
      label: 'zip64 size markers without zip64 data',
      body: buildZip([
        {
          ...storedEntry(`z64-${RUN}.txt`, 'x'),
          uncompressedSize: 0xffffffff,
          compressedSize: 0xffffffff,
        },
      ]),
    },
    {
      label: 'directory entry with content',
      body: buildZip([storedEntry(`dir-${RUN}/`, 'content')]),
    },
    {
      label: `${ZIP_MAX_ENTRIES + 1} entries`,
      body: buildZip(
        Array.from({ length: ZIP_MAX_ENTRIES + 1 }, (_, index) =>
          storedEntry(`many-${index}-${RUN}.txt`, ''),
        ),
      ),
    },
    {
      label: 'entry over the per-file limit',
      body: buildZip([storedEntry(`big-${RUN}.bin`, randomBytes(1.5 * MB))]),
    },
    { label: 'body over the zip limit', body: randomBytes(ZIP_MAX_TOTAL_BYTES + MB) },
    { label: '10 MB chunked body', body: Buffer.alloc(10 * MB, 1), chunked: true },
    {
      label: 'entry clashing with a stored file',
      body: buildZip([okEntry(), storedEntry('a.txt', 'x')]),
    },
    {
      label: 'entry clashing with a stored file after normalisation',
      body: buildZip([okEntry(), storedEntry('etc/./passwd', 'x')]),
    },
    {
      label: 'the same name twice',
      body: buildZip([storedEntry(`dup-${RUN}.txt`, '1'), storedEntry(`dup-${RUN}.txt`, '2')]),
    },
    {
      label: 'directory, then a file of the same name',
      body: buildZip([storedEntry(`clash-${RUN}/`, ''), storedEntry(`clash-${RUN}`, 'x')]),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The cases, built before the run so their count can be named

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function jsonRequest(route: Route, fixture: Fixture, body: unknown): RawRequest {
  return {
    method: route.method,
    path: fill(route.path, fixture),
    headers: { 'Content-Type': JSON_TYPE },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** A request to `route` that is fine apart from what the family varies. */
function baseRequest(route: Route, fixture: Fixture, replace: Record<string, string> = {}) {
  const request: RawRequest = { method: route.method, path: fill(route.path, fixture, replace) };
  switch (route.kind) {
    case 'json':
      return {
        ...request,
        headers: { 'Content-Type': JSON_TYPE },
        body: Buffer.from(JSON.stringify(route.valid?.(fixture) ?? {})),
      };
    case 'upload':
      return { ...request, headers: UPLOAD_HEADERS, body: Buffer.from('hostile upload') };
    case 'zip':
      return { ...request, headers: UPLOAD_HEADERS, body: ZIP_FOR_PATHS() };
    case 'none':
      return request;
  }
}

const UPLOAD_HEADERS = {
  'Content-Type': 'application/data',
  'Content-Disposition': 'attachment; filename=data',
};
const ZIP_FOR_PATHS = lazy(() => buildZip([storedEntry(`path-${RUN}.txt`, 'x')]));

function withBody(route: Route, fixture: Fixture, spec: BodySpec): RawRequest {
  return {
    method: route.method,
    path: fill(route.path, fixture),
    headers: { 'Content-Type': spec.contentType ?? JSON_TYPE, ...spec.headers },
    body: spec.body(),
    chunked: spec.chunked,
  };
}

const usersLookup = (route: Route) => route.method === 'GET' && route.path === '/v1/users/{user}';
/** UFDL's get_by_name: an admin asking for a name that is not all digits gets `200 []`. */
const emptyLookup = (response: RawResponse) => response.status === 200 && response.text === '[]';

function unparseableCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of ROUTES) {
    const specs = [...UNPARSEABLE];
    // One 10 MB body per area keeps the run fast; the 1.5 MB one goes everywhere.
    if (route.method === 'POST' && /\/(obtain|list|create)$|files|copy/.test(route.path)) {
      specs.push(TEN_MB);
    }
    for (const spec of specs) {
      cases.push({
        label: label(route, spec.label),
        actor: 'admin',
        build: (f) => withBody(route, f, spec),
      });
    }
  }
  return cases;
}

function shapeCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of ROUTES.filter((candidate) => candidate.kind === 'json')) {
    wrongShapes(route).forEach((spec, index) => {
      const actors: Actor[] = ['admin'];
      if (index % 3 === 0) {
        actors.push('anonymous', 'user');
      }
      for (const actor of actors) {
        cases.push({
          label: `${actor} ${label(route, spec.label)}`,
          actor,
          build: (f) => withBody(route, f, spec),
        });
      }
    });
  }
  // Upload routes read no JSON; without Content-Disposition they must refuse any of it.
  for (const route of ROUTES.filter((candidate) => candidate.kind !== 'json')) {
    if (route.method !== 'POST') {
      continue;
    }
    for (const spec of wrongShapes(route).slice(0, 3)) {
      cases.push({
        label: `admin ${label(route, `${spec.label} (no Content-Disposition)`)}`,
        actor: 'admin',
        build: (f) => withBody(route, f, spec),
      });
    }
  }
  return cases;
}

function fieldCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of ROUTES) {
    for (const [field, values] of Object.entries(route.fields ?? {})) {
      values.forEach((value) => {
        const shown = JSON.stringify(value) ?? String(value);
        cases.push({
          label: label(route, `${field}=${shown.length > 40 ? `${shown.slice(0, 40)}...` : shown}`),
          actor: 'admin',
          build: (f) => jsonRequest(route, f, { ...route.valid?.(f), [field]: value }),
          // A garbage token in the body of refresh or verify is refused with 401, rightly.
          ...(route.isPublic && { mustReach: false }),
        });
      });
    }
  }
  return cases;
}

function pathCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of ROUTES) {
    const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const placeholder of placeholders) {
      const segments: { segment: string; what: string }[] = [];
      if (PK_PLACEHOLDERS.includes(placeholder)) {
        segments.push(...PK_SEGMENTS.map((segment) => ({ segment, what: 'pk' })));
      }
      if (NAME_PLACEHOLDERS.includes(placeholder)) {
        const names =
          route.kind === 'upload' ? NAME_SEGMENTS.filter((name) => name.upload) : NAME_SEGMENTS;
        segments.push(...names.map(({ segment }) => ({ segment, what: 'name' })));
      }
      segments.forEach(({ segment, what }, index) => {
        const actors: Actor[] = ['admin'];
        if (index % 4 === 0) {
          actors.push('anonymous', 'user');
        }
        for (const actor of actors) {
          const shown =
            segment.length > 40 ? `${segment.slice(0, 20)}...(${segment.length})` : segment;
          cases.push({
            label: `${actor} ${label(route, `{${placeholder}} ${what}=${JSON.stringify(shown)}`)}`,
            actor,
            build: (f) => baseRequest(route, f, { [placeholder]: segment }),
            alsoAccept:
              actor === 'admin' && usersLookup(route) && !/^[0-9]+$/.test(segment)
                ? emptyLookup
                : undefined,
          });
        }
      });
    }
  }
  return cases;
}

const HOSTILE_AUTH_COUNT = 24;

function authCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  // Every credential on these routes (anonymous allowed, admin only, members); a rotating
  // third of them on every other route, so each route meets each kind over the run.
  const everyCredential = ['/v1/datasets/list', '/v1/users/create', '/v1/datasets/{dataset}'];
  ROUTES.filter((candidate) => !candidate.isPublic).forEach((route, routeIndex) => {
    for (let index = 0; index < HOSTILE_AUTH_COUNT; index += 1) {
      if (!everyCredential.includes(route.path) && (index + routeIndex) % 3 !== 0) {
        continue;
      }
      cases.push({
        label: label(route, `hostile Authorization #${index}`),
        actor: 'anonymous',
        build: (f) => {
          const base = baseRequest(route, f);
          const hostile = f.hostileTokens[index];
          return {
            ...base,
            headers: { ...base.headers, Authorization: hostile.header },
          };
        },
      });
    }
    const nodeIds = ['abc', '1', '-1', '99999999999999999999', '1, 2'];
    for (const nodeId of [nodeIds[routeIndex % 5], nodeIds[(routeIndex + 2) % 5]]) {
      cases.push({
        label: label(route, `Node-Id ${nodeId}`),
        actor: 'admin',
        build: (f) => {
          const base = baseRequest(route, f);
          return { ...base, headers: { ...base.headers, 'Node-Id': nodeId } };
        },
      });
    }
  });
  // The token endpoints take their tokens in the body.
  for (const [route, key] of [
    ['/v1/auth/refresh', 'refresh'],
    ['/v1/auth/verify', 'token'],
  ] as const) {
    for (let index = 0; index < HOSTILE_REFRESH_COUNT; index += 1) {
      // simplejwt's verify checks signature and expiry only: a good token of no user is valid.
      if (key === 'token' && index === NO_SUCH_USER_REFRESH) {
        continue;
      }
      cases.push({
        label: `POST ${route} hostile token #${index}`,
        actor: 'anonymous',
        build: (f) => ({
          method: 'POST',
          path: route,
          headers: { 'Content-Type': JSON_TYPE },
          body: JSON.stringify({ [key]: f.hostileRefreshTokens[index].token }),
        }),
      });
    }
  }
  // Past Node's 16 KiB header limit: refused before Express, still in JSON (431).
  cases.push({
    label: 'GET /v1/datasets/{dataset} with a 20 KB Authorization header',
    actor: 'anonymous',
    build: (f) => ({
      method: 'GET',
      path: fill('/v1/datasets/{dataset}', f),
      headers: { Authorization: `Bearer ${'a'.repeat(20_000)}` },
    }),
  });
  for (let index = 0; index < HOSTILE_AUTH_COUNT; index += 1) {
    cases.push({
      label: `POST /v1/auth/obtain with hostile Authorization #${index} and no credentials`,
      actor: 'anonymous',
      build: (f) => ({
        method: 'POST',
        path: '/v1/auth/obtain',
        headers: { Authorization: f.hostileTokens[index].header },
      }),
    });
  }
  return cases;
}

const HOSTILE_REFRESH_COUNT = 9;
/** Index of the validly signed refresh token of a user that does not exist. */
const NO_SUCH_USER_REFRESH = 4;

const ODD_METHODS = ['PROPFIND', 'TRACE', 'LOCK', 'MKCOL', 'COPY', 'PURGE', 'SEARCH'];
const PLAIN_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function methodCases(): HostileCase[] {
  const groups = new Map<string, { template: string; methods: Set<string> }>();
  for (const route of ROUTES) {
    const key = route.path.replace(/\{\w+\}/g, '{}');
    const group = groups.get(key) ?? { template: route.path, methods: new Set<string>() };
    group.methods.add(route.method);
    groups.set(key, group);
  }
  // `users/<name>` is greedy: GET users/list is a lookup of the user named "list".
  for (const key of ['/v1/users/list', '/v1/users/create']) {
    groups.get(key)?.methods.add('GET');
  }
  // GET and DELETE share files/<name> with the POST upload.
  groups.get('/v1/datasets/{}/files/{}')?.methods.add('GET').add('DELETE');
  const cases: HostileCase[] = [];
  for (const { template, methods } of groups.values()) {
    for (const method of [...PLAIN_METHODS, ...ODD_METHODS].filter((m) => !methods.has(m))) {
      cases.push({
        label: `${method} ${template}`,
        actor: 'admin',
        build: (f) => ({ method, path: fill(template, f) }),
      });
    }
  }
  return cases;
}

function uploadCases(): HostileCase[] {
  const path = '/v1/datasets/{dataset}/files/{newfile}';
  const upload = (what: string, make: (f: Fixture) => RawRequest): HostileCase => ({
    label: `POST ${path} ${what}`,
    actor: 'admin',
    build: make,
  });
  const base = (f: Fixture) => ({ method: 'POST', path: fill(path, f) });
  return [
    upload('without Content-Disposition', (f) => ({
      ...base(f),
      headers: { 'Content-Type': 'application/data' },
      body: 'x',
    })),
    upload('with Content-Disposition but no filename', (f) => ({
      ...base(f),
      headers: { 'Content-Type': 'application/data', 'Content-Disposition': 'attachment' },
      body: 'x',
    })),
    upload('declaring 2 MB (over the limit)', (f) => ({
      ...base(f),
      headers: { ...UPLOAD_HEADERS, 'Content-Length': String(2 * MB) },
      body: Buffer.alloc(2 * MB),
    })),
    upload('2 MB chunked (over the limit)', (f) => ({
      ...base(f),
      headers: UPLOAD_HEADERS,
      body: Buffer.alloc(2 * MB, 7),
      chunked: true,
    })),
    upload('10 MB', (f) => ({
      ...base(f),
      headers: UPLOAD_HEADERS,
      body: Buffer.alloc(10 * MB, 9),
    })),
    {
      ...upload('to a missing dataset', (f) => ({
        ...base(f),
        path: `/v1/datasets/2147483000/files/${EVIL}`,
        headers: UPLOAD_HEADERS,
        body: 'x',
      })),
      mustReach: false,
    },
  ];
}

const ZIP_LABELS_COUNT = 41;

function zipCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (let index = 0; index < ZIP_LABELS_COUNT; index += 1) {
    cases.push({
      label: `POST /v1/datasets/{dataset}/files-multi hostile zip #${index}`,
      actor: 'admin',
      build: (f) => {
        const zip = zips[index];
        return {
          method: 'POST',
          path: fill('/v1/datasets/{dataset}/files-multi', f),
          headers: UPLOAD_HEADERS,
          body: zip.body,
          chunked: zip.chunked,
        };
      },
    });
  }
  cases.push({
    label: 'POST /v1/datasets/{dataset}/files-multi a good zip without Content-Disposition',
    actor: 'admin',
    build: (f) => ({
      method: 'POST',
      path: fill('/v1/datasets/{dataset}/files-multi', f),
      headers: { 'Content-Type': 'application/data' },
      body: ZIP_FOR_PATHS(),
    }),
  });
  cases.push({
    label: 'POST /v1/datasets/{dataset}/files-multi gzip-encoded zip',
    actor: 'admin',
    build: (f) => ({
      method: 'POST',
      path: fill('/v1/datasets/{dataset}/files-multi', f),
      headers: { ...UPLOAD_HEADERS, 'Content-Encoding': 'gzip' },
      body: gzipSync(ZIP_FOR_PATHS()),
    }),
  });
  return cases;
}

let zips: { label: string; body: Buffer; chunked?: boolean }[] = [];

/** Site-admin requests to objects that exist must be refused for what makes them hostile. */
const reaching = (cases: HostileCase[]) =>
  cases.map((hostile) => ({ mustReach: hostile.actor === 'admin', ...hostile }));

const FAMILIES: readonly { name: string; cases: HostileCase[] }[] = [
  { name: 'unparseable, oversized or mis-encoded bodies', cases: reaching(unparseableCases()) },
  { name: 'bodies of the wrong JSON shape', cases: reaching(shapeCases()) },
  { name: 'fields of the wrong type or size', cases: reaching(fieldCases()) },
  { name: 'hostile pks and names in the path', cases: pathCases() },
  { name: 'forged, unsigned, expired or malformed credentials', cases: authCases() },
  { name: 'unmapped methods', cases: methodCases() },
  { name: 'hostile uploads', cases: reaching(uploadCases()) },
  { name: 'corrupt zips, zip bombs and zip-slip entries', cases: reaching(zipCases()) },
];
const TOTAL = FAMILIES.reduce((sum, family) => sum + family.cases.length, 0);

// ---------------------------------------------------------------------------------------------
// Judging answers

function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return false;
  }
  const record = body as Record<string, unknown>;
  if (typeof record.detail === 'string') {
    return true;
  }
  const values = Object.values(record);
  return (
    values.length > 0 &&
    values.every((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

function problemWith(response: RawResponse): string | undefined {
  if (response.status === 0) {
    return response.error ?? 'no answer';
  }
  const excerpt = response.text.length > 160 ? `${response.text.slice(0, 160)}...` : response.text;
  if (response.status < 400 || response.status >= 500) {
    return `${response.status} ${excerpt}`;
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return `${response.status} with a body that is not JSON: ${JSON.stringify(excerpt)}`;
  }
  return isErrorBody(body)
    ? undefined
    : `${response.status} with no detail or field map: ${excerpt}`;
}

// ---------------------------------------------------------------------------------------------

describe(`/v1 under hostile input (${TOTAL} requests)`, () => {
  let testApp: TestApp;
  let server: http.Server;
  let fixture: Fixture;
  let sent = 0;
  let before: Record<string, { count: number; digest: string }>;
  let datasetBefore: unknown;
  let blobHandles: string[];

  const TABLES = [
    'datasets',
    'file_manifests',
    'dataset_files',
    'blobs',
    'teams',
    'projects',
    'memberships',
    'users',
    'licences',
    'licences_permissions',
    'licences_conditions',
    'licences_limitations',
    'licences_domains',
    'data_domains',
  ];

  async function snapshot(): Promise<Record<string, { count: number; digest: string }>> {
    const client = new pg.Client({ connectionString: testApp.database.url });
    await client.connect();
    try {
      const result: Record<string, { count: number; digest: string }> = {};
      for (const table of TABLES) {
        // Every column but last_login, which any authenticated request may touch.
        const { rows } = await client.query<{ count: number; digest: string }>(
          `SELECT count(*)::int AS count,
                  md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS digest
             FROM (SELECT (to_jsonb(t) - 'last_login')::text AS r FROM ${table} t) s`,
        );
        result[table] = rows[0];
      }
      return result;
    } finally {
      await client.end();
    }
  }

  /** Per family, how many answers of each status: printed at the end. */
  const statuses = new Map<string, Map<number, number>>();

  async function run(family: string, cases: readonly HostileCase[]): Promise<string[]> {
    const counts = new Map<number, number>();
    statuses.set(family, counts);
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const hostile = cases[next];
        next += 1;
        const built = hostile.build(fixture);
        const token = hostile.actor === 'anonymous' ? undefined : fixture.tokens[hostile.actor];
        const headers = { ...(token ? bearer(token) : {}), ...built.headers };
        const response = await rawRequest(server, { ...built, headers });
        sent += 1;
        counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
        let problem = hostile.alsoAccept?.(response) ? undefined : problemWith(response);
        if (problem === undefined && hostile.mustReach && NOT_REACHED.includes(response.status)) {
          problem = `${response.status} before the hostile part was looked at: ${response.text}`;
        }
        if (problem !== undefined) {
          failures.push(`${hostile.label} -> ${problem}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return failures;
  }

  beforeAll(async () => {
    testApp = await createTestApp({
      env: {
        MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
        ZIP_MAX_TOTAL_BYTES: String(ZIP_MAX_TOTAL_BYTES),
        ZIP_MAX_ENTRIES: String(ZIP_MAX_ENTRIES),
        ...(process.env.HOSTILE_LOG_LEVEL ? { LOG_LEVEL: process.env.HOSTILE_LOG_LEVEL } : {}),
      },
    });
    server = testApp.app.getHttpServer() as http.Server;
    await listen(server);
    const http = request(server);
    const cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    const project = await createProject(testApp, cast.admin, team.pk);
    const dataset = await createDataset(testApp, cast.admin, project.pk);
    const other = await createDataset(testApp, cast.admin, project.pk);
    const stored = await upload(testApp, cast.admin, dataset.pk, 'a.txt', 'the original bytes');
    expect(stored.status).toBe(200);
    await upload(testApp, cast.admin, dataset.pk, 'etc/passwd', 'not the real one').expect(200);
    await upload(testApp, cast.admin, other.pk, 'other.txt', 'other bytes').expect(200);
    const licence = await http
      .post('/v1/licences/create')
      .set(authed(cast.admin))
      .send({ name: unique('hostile-licence'), url: 'https://example.org/licence' })
      .expect(201);
    const outsider = cast.actors.outsider.user!;
    const inactive = await createUser(testApp, { isActive: false });
    const obtained = await http
      .post('/v1/auth/obtain')
      .send({ ...TEST_ADMIN })
      .expect(200);
    const adminRefresh = (obtained.body as { refresh: string }).refresh;
    const adminAccess = (obtained.body as { access: string }).access;
    const adminId = Number(
      (
        JSON.parse(Buffer.from(adminAccess.split('.')[1], 'base64url').toString()) as {
          upk: number;
        }
      ).upk,
    );

    const secret = testApp.config.jwtSecret;
    const now = Math.floor(Date.now() / 1000);
    const claims = (jtt: string, upk: unknown = adminId) => ({ jtt, upk, jti: RUN });
    const sign = (payload: object, key = secret, algorithm: jwt.Algorithm = 'HS256') =>
      jwt.sign(payload, key, { algorithm, noTimestamp: false });
    const unsigned = (payload: object) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...payload, exp: now + 300 }),
      ).toString('base64url')}.`;
    const [head, , signature] = adminAccess.split('.');
    const tampered = `${head}.${Buffer.from(
      JSON.stringify({ ...claims('access', adminId + 1), exp: now + 300 }),
    ).toString('base64url')}.${signature}`;
    const otherSecret = 'another-secret-that-is-also-long-enough-9876543210';
    const hostileTokens = [
      {
        label: 'forged',
        header: `Bearer ${sign({ ...claims('access'), exp: now + 300 }, otherSecret)}`,
      },
      { label: 'alg none', header: `Bearer ${unsigned(claims('access'))}` },
      { label: 'alg none, no dot', header: `Bearer ${unsigned(claims('access')).slice(0, -1)}` },
      {
        label: 'expired',
        header: `Bearer ${sign({ ...claims('access'), exp: now - 60, iat: now - 3600 })}`,
      },
      {
        label: 'not yet valid',
        header: `Bearer ${sign({ ...claims('access'), nbf: now + 3600, exp: now + 7200 })}`,
      },
      { label: 'refresh as access', header: `Bearer ${adminRefresh}` },
      {
        label: 'HS512',
        header: `Bearer ${sign({ ...claims('access'), exp: now + 300 }, secret, 'HS512')}`,
      },
      {
        label: 'no such user',
        header: `Bearer ${sign({ ...claims('access', 2_000_000_000), exp: now + 300 })}`,
      },
      {
        label: 'upk as string',
        header: `Bearer ${sign({ ...claims('access', String(adminId)), exp: now + 300 })}`,
      },
      {
        label: 'upk as object',
        header: `Bearer ${sign({ ...claims('access', { $ne: 0 }), exp: now + 300 })}`,
      },
      { label: 'no type', header: `Bearer ${sign({ upk: adminId, exp: now + 300 })}` },
      {
        label: 'inactive user',
        header: `Bearer ${sign({ ...claims('access', inactive.id), exp: now + 300 })}`,
      },
      { label: 'tampered payload', header: `Bearer ${tampered}` },
      {
        label: 'huge forged',
        header: `Bearer ${sign({ ...claims('access'), pad: 'x'.repeat(6000) }, otherSecret)}`,
      },
      { label: 'Bearer alone', header: 'Bearer' },
      { label: 'Bearer and a space', header: 'Bearer ' },
      { label: 'two spaces', header: 'Bearer  x.y.z' },
      { label: 'garbage token', header: 'Bearer x.y.z' },
      { label: 'two parts', header: 'Bearer a.b' },
      { label: 'dots only', header: 'Bearer ...' },
      { label: 'very long', header: `Bearer ${'a'.repeat(8000)}` },
      { label: 'two tokens', header: `Bearer ${adminAccess} ${adminAccess}` },
      { label: 'latin-1 bytes', header: 'Bearer \u00ff\u00fe.\u00ff.\u00ff' },
      { label: 'NUL escape', header: 'Bearer %00.%00.%00' },
    ];
    const hostileRefreshTokens = [
      { label: 'forged', token: sign({ ...claims('refresh'), exp: now + 300 }, otherSecret) },
      { label: 'alg none', token: unsigned(claims('refresh')) },
      { label: 'expired', token: sign({ ...claims('refresh'), exp: now - 60, iat: now - 3600 }) },
      { label: 'HS512', token: sign({ ...claims('refresh'), exp: now + 300 }, secret, 'HS512') },
      {
        label: 'no such user',
        token: sign({ ...claims('refresh', 2_000_000_000), exp: now + 300 }),
      },
      { label: 'tampered', token: tampered },
      { label: 'garbage', token: 'x.y.z' },
      { label: 'NUL', token: `${adminRefresh.slice(0, 20)}\u0000` },
      { label: 'very long', token: 'a'.repeat(4000) },
    ];
    expect(hostileTokens).toHaveLength(HOSTILE_AUTH_COUNT);
    expect(hostileRefreshTokens).toHaveLength(HOSTILE_REFRESH_COUNT);
    expect(hostileRefreshTokens[NO_SUCH_USER_REFRESH].label).toBe('no such user');

    fixture = {
      ids: {
        dataset: String(dataset.pk),
        other: String(other.pk),
        team: String(team.pk),
        project: String(project.pk),
        licence: String((licence.body as { pk: number }).pk),
        user: String(outsider.id),
        username: outsider.username,
        domain: '1',
        newfile: `${EVIL}.txt`,
        nofile: `no-such-file-${RUN}.txt`,
        file: 'a.txt',
        nohandle: '0'.repeat(64),
      },
      names: {
        team: team.name,
        project: project.name,
        dataset: dataset.name,
        licence: (licence.body as { name: string }).name,
      },
      tokens: { admin: cast.admin, user: cast.actors.outsider.token! },
      hostileTokens,
      hostileRefreshTokens,
    };
    zips = await hostileZips();
    expect(zips).toHaveLength(ZIP_LABELS_COUNT);
    datasetBefore = (
      await http.get(`/v1/datasets/${dataset.pk}`).set(authed(cast.admin)).expect(200)
    ).body;
    blobHandles = Object.values((datasetBefore as { files: Record<string, string> }).files);
    before = await snapshot();
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  for (const family of FAMILIES) {
    it(`should refuse ${family.cases.length} requests with ${family.name} (4xx, JSON)`, async () => {
      const failures = await run(family.name, family.cases);
      expect(failures).toEqual([]);
    }, 120_000);
  }

  it(`should have sent all ${TOTAL} hostile requests`, () => {
    expect(sent).toBe(TOTAL);
    const lines = [...statuses].map(
      ([family, counts]) =>
        `${family}: ${[...counts]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}x${count}`)
          .join(' ')}`,
    );
    console.log(`${sent} hostile requests, every answer a JSON 4xx:\n${lines.join('\n')}`);
  });

  it('should answer a PATCH without known fields as a no-op (200, nothing changed)', async () => {
    const http = request(server);
    const admin = bearer(fixture.tokens.admin);
    for (const path of [
      `/v1/users/${fixture.ids.user}`,
      `/v1/teams/${fixture.ids.team}`,
      `/v1/projects/${fixture.ids.project}`,
      `/v1/licences/${fixture.ids.licence}`,
      `/v1/datasets/${fixture.ids.dataset}`,
    ]) {
      const current = (await http.get(path).set(admin).expect(200)).body;
      for (const body of [{}, { hostile: 1 }]) {
        const patched = await http.patch(path).set(admin).send(body);
        expect({ path, body, status: patched.status }).toEqual({ path, body, status: 200 });
        expect(patched.body).toEqual(current);
      }
    }
  });

  it('should have stored or changed nothing', async () => {
    expect(await snapshot()).toEqual(before);
    const http = request(server);
    const pk = fixture.ids.dataset;
    const now = await http.get(`/v1/datasets/${pk}`).set(bearer(fixture.tokens.admin)).expect(200);
    expect(now.body).toEqual(datasetBefore);
    const metadata = await http
      .get(`/v1/datasets/${pk}/metadata`)
      .set(bearer(fixture.tokens.admin))
      .expect(200);
    expect(metadata.body).toEqual({ 'a.txt': '', 'etc/passwd': '' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('is_staff');
  });

  it('should keep every stored byte inside the blob store', async () => {
    const dataDir = testApp.config.dataDir;
    const stray: string[] = [];
    for (const file of await walk(dataDir, 8)) {
      const relative = path.relative(dataDir, file.path).split(path.sep);
      const [top, first, second, name] = relative;
      const isBlob =
        top === 'blobs' &&
        relative.length === 4 &&
        /^[0-9a-f]{64}$/.test(name) &&
        name.startsWith(first + second);
      const isStaging = top === 'blobs' && first === '.staging';
      if (!isBlob && !isStaging) {
        stray.push(relative.join('/'));
      }
    }
    expect(stray).toEqual([]);
    // Content-addressed: the dataset's two files are there under their own hashes.
    for (const handle of blobHandles) {
      const bytes = await stat(
        path.join(dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4), handle),
      );
      expect(bytes.isFile()).toBe(true);
    }
    // Nothing named like a hostile name appeared anywhere near: the data dir or the temp dir.
    const escaped = (await walk(os.tmpdir(), 5)).filter(
      (file) =>
        file.modified >= STARTED_AT - 1000 &&
        (file.name.includes(RUN) || file.name === 'passwd' || file.name === 'evil'),
    );
    expect(escaped.map((file) => file.path)).toEqual([]);
    const passwd = await stat('/etc/passwd').catch(() => undefined);
    if (passwd) {
      expect(passwd.mtimeMs).toBeLessThan(STARTED_AT);
    }
  });

  it('should keep serving: /health, and a normal authenticated request', async () => {
    const http = request(server);
    await http.get('/health').expect(200);
    const file = await http
      .get(`/v1/datasets/${fixture.ids.dataset}/files/a.txt`)
      .set(bearer(fixture.tokens.admin))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe((datasetBefore as { files: Record<string, string> }).files['a.txt']);
    const user = await loginAs(testApp, {
      username: TEST_ADMIN.username,
      password: TEST_ADMIN.password,
    });
    await http.post('/v1/teams/list').set(bearer(user)).expect(200);
  });
});

interface WalkedFile {
  path: string;
  name: string;
  modified: number;
}

/** Files under `root` (depth-limited; unreadable directories are skipped). */
async function walk(root: string, depth: number): Promise<WalkedFile[]> {
  const found: WalkedFile[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0) {
        found.push(...(await walk(full, depth - 1)));
      }
    } else {
      const modified = await stat(full).then(
        (stats) => stats.mtimeMs,
        () => 0,
      );
      found.push({ path: full, name: entry.name, modified });
    }
  }
  return found;
}
