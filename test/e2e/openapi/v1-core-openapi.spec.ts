import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { createUser, loginAs } from '../../utils/auth.js';
import {
  documentOperations,
  OpenApiSchemas,
  type OpenApiDocument,
} from '../../utils/openapi-schema.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../../utils/test-app.js';

/**
 * Issue #12 item 1 for Strata's core routes (auth, tokens, users, teams, projects, licences,
 * domains, health): every operation is tagged, described, declares its parameters, bodies,
 * answers and refusals, and its examples succeed unchanged on a fresh server with answers the
 * documented schemas accept, closed: a field the schema does not name fails.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  [key: string]: unknown;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Media {
  schema?: Schema;
  examples?: Record<string, { value: unknown }>;
}
interface Response {
  description?: string;
  headers?: Record<string, { schema?: Schema }>;
  content?: Record<string, Media>;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, Media> };
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const CORE_PATH =
  // The probes /health/live and /health/ready answer no DRF shapes: operations.spec.ts checks them.
  /^\/(v1\/(auth|users|teams|projects|licences|licenses|domains)|api\/tokens)(\/|$)|^\/health$/;
const DETAIL_REF = { $ref: '#/components/schemas/V1DetailErrorDto' };
const BAD_REQUEST_SCHEMA = {
  oneOf: [{ $ref: '#/components/schemas/V1FieldErrors' }, DETAIL_REF],
};

/** The operations of these controllers; `licenses` is the same controller as `licences`. */
const CORE_OPERATIONS = [
  'POST /v1/auth/obtain',
  'POST /v1/auth/refresh',
  'POST /v1/auth/verify',
  'POST /api/tokens',
  'GET /api/tokens',
  'DELETE /api/tokens/{id}',
  'POST /v1/users/list',
  'POST /v1/users/create',
  'GET /v1/users/{pk}',
  'PUT /v1/users/{pk}',
  'PATCH /v1/users/{pk}',
  'DELETE /v1/users/{pk}',
  'POST /v1/teams/list',
  'POST /v1/teams/create',
  'GET /v1/teams/{pk}',
  'PUT /v1/teams/{pk}',
  'PATCH /v1/teams/{pk}',
  'DELETE /v1/teams/{pk}',
  'DELETE /v1/teams/{pk}/hard',
  'DELETE /v1/teams/{pk}/reinstate',
  'PATCH /v1/teams/{pk}/memberships',
  'GET /v1/teams/{pk}/permissions/{username}',
  'POST /v1/projects/list',
  'POST /v1/projects/create',
  'GET /v1/projects/{pk}',
  'PUT /v1/projects/{pk}',
  'PATCH /v1/projects/{pk}',
  'DELETE /v1/projects/{pk}',
  'DELETE /v1/projects/{pk}/hard',
  'DELETE /v1/projects/{pk}/reinstate',
  'POST /v1/licences/list',
  'POST /v1/licences/create',
  'GET /v1/licences/{pk}',
  'PUT /v1/licences/{pk}',
  'PATCH /v1/licences/{pk}',
  'DELETE /v1/licences/{pk}',
  'PATCH /v1/licences/{pk}/subdescriptors',
  'POST /v1/domains/list',
  'GET /v1/domains/{pk}',
  'GET /health',
];

/**
 * `@AdminOnly()` operations: listed under `admin` alone (creating a team, a step of everyone's
 * first flow, stays under `teams`).
 */
const ADMIN_ONLY = new Set([
  'POST /v1/users/list',
  'POST /v1/users/create',
  'PUT /v1/users/{pk}',
  'PATCH /v1/users/{pk}',
  'DELETE /v1/users/{pk}',
  'DELETE /v1/teams/{pk}/hard',
  'DELETE /v1/teams/{pk}/reinstate',
  'DELETE /v1/projects/{pk}/hard',
  'DELETE /v1/projects/{pk}/reinstate',
  'POST /v1/licences/create',
  'PUT /v1/licences/{pk}',
  'PATCH /v1/licences/{pk}',
  'DELETE /v1/licences/{pk}',
  'PATCH /v1/licences/{pk}/subdescriptors',
]);
const PUBLIC = new Set(['POST /v1/auth/obtain', 'POST /v1/auth/refresh', 'POST /v1/auth/verify']);

const TAG_BY_PREFIX: Array<[RegExp, string]> = [
  [/^\/v1\/auth\//, 'auth'],
  [/^\/api\/tokens/, 'tokens'],
  [/^\/v1\/users\//, 'users'],
  [/^\/v1\/teams\//, 'teams'],
  [/^\/v1\/projects\//, 'projects'],
  [/^\/v1\/licen[cs]es\//, 'licences'],
  [/^\/v1\/domains\//, 'domains'],
  [/^\/health$/, 'health'],
];

/** `licenses` twin of a `licences` operation. */
const twin = (name: string): string => name.replace('/v1/licences/', '/v1/licenses/');
const expectedTag = (name: string): string => {
  if (ADMIN_ONLY.has(name.replace('/v1/licenses/', '/v1/licences/'))) {
    return 'admin';
  }
  const path = name.split(' ')[1];
  return TAG_BY_PREFIX.find(([prefix]) => prefix.test(path))![1];
};

let testApp: TestApp;
let document: Document;
let operations: Array<[string, Operation]>;
/** The served document's schemas, closed: an answer with a field they do not name fails. */
let schemas: OpenApiSchemas;
/** Each operation that answered a documented success in the example flow. */
const succeeded = new Set<string>();

beforeAll(async () => {
  testApp = await createTestApp();
  const served = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
  document = served.body as Document;
  operations = documentOperations(document, CORE_PATH);
  schemas = new OpenApiSchemas(closed(document) as OpenApiDocument);
});

afterAll(async () => {
  await testApp.close();
});

/** A copy of the document whose object schemas refuse properties they do not name. */
function closed(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(closed);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const copy = Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, closed(inner)]),
  ) as Schema;
  if (copy.properties !== undefined && copy.additionalProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

const op = (name: string): Operation => {
  const found = operations.find(([key]) => key === name);
  if (!found) {
    throw new Error(`${name} is not in the document`);
  }
  return found[1];
};
const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
const successStatus = (operation: Operation): number =>
  Number(Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status)));

/** The body Swagger UI builds from a schema's property examples, when it lists no examples. */
function propertyExamples(schema: Schema | undefined): unknown {
  const properties = resolve(schema)?.properties;
  if (!properties) {
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([, property]) => property.example !== undefined)
      .map(([key, property]) => [key, property.example]),
  );
}

/**
 * Key order is part of the /v1 contract: an answer whose schema names every field as required
 * lists its keys in the schema's order (so the document reads as the wire does).
 */
function expectKeyOrder(name: string, response: Response, body: unknown): void {
  const schema = response.content?.['application/json']?.schema;
  const component = resolve(schema?.type === 'array' ? schema.items : schema);
  const rows: unknown[] = Array.isArray(body) ? body : [body];
  const keys = Object.keys(component?.properties ?? {});
  if (keys.length === 0 || (component?.required as string[] | undefined)?.length !== keys.length) {
    return;
  }
  for (const row of rows) {
    expect({ name, keys: Object.keys(row as object) }).toEqual({ name, keys });
  }
}

interface Call {
  /** Path values; an undeclared one is the parameter's documented example. */
  params?: Record<string, string | number>;
  /** The body to send; without it, the operation's first documented example (if any). */
  body?: unknown;
  /** An example other than the first, by name. */
  example?: string;
  token?: string;
  /** The status expected; without it, the documented success. */
  status?: number;
}

/**
 * Calls a documented operation the way Swagger UI would with its examples, checks the status
 * is one the document lists and that the answer fits the documented schema for it.
 */
async function call(name: string, options: Call = {}): Promise<request.Response> {
  const operation = op(name);
  const [method, template] = name.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const declared = operation.parameters?.find((p) => p.in === 'path' && p.name === key);
    return String(options.params?.[key] ?? declared?.schema?.example);
  });
  const media = operation.requestBody?.content['application/json'];
  const examples = media?.examples ?? {};
  const body =
    options.body ??
    (options.example !== undefined
      ? examples[options.example].value
      : (Object.values(examples)[0]?.value ?? propertyExamples(media?.schema)));
  const agent = request(testApp.app.getHttpServer());
  let pending = agent[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
  if (options.token !== undefined) {
    pending = pending.set('Authorization', `Bearer ${options.token}`);
  }
  const response = await (body === undefined ? pending : pending.send(body as object));
  const status = options.status ?? successStatus(operation);
  expect({ name, path, status: response.status, body: response.body as unknown }).toEqual({
    name,
    path,
    status,
    body: response.body as unknown,
  });
  expect({ name, documented: String(status) in operation.responses }).toEqual({
    name,
    documented: true,
  });
  if (status === 204) {
    expect(operation.responses['204'].content).toBeUndefined();
  } else {
    expect({
      name,
      status,
      errors: schemas.answerErrors(method, template, status, response.body),
    }).toEqual({ name, status, errors: [] });
  }
  if (status < 300) {
    succeeded.add(name.replace('/v1/licenses/', '/v1/licences/'));
    expectKeyOrder(name, operation.responses[String(status)], response.body);
  }
  return response;
}

describe('the core /v1, /api and /health OpenAPI document', () => {
  it('lists every core operation (so the checks below are not vacuous), and no other', () => {
    const expected = [
      ...CORE_OPERATIONS,
      ...CORE_OPERATIONS.filter((name) => name.includes('/v1/licences/')).map(twin),
    ];
    expect(operations.map(([name]) => name).sort()).toEqual(expected.sort());
  });

  it('tags each operation with its resource, and site-admin-only ones with admin alone', () => {
    for (const [name, operation] of operations) {
      expect({ name, tags: operation.tags }).toEqual({ name, tags: [expectedTag(name)] });
    }
  });

  it('says what each operation does and who may call it', () => {
    const who =
      /anyone|any user|site admins|members|admin members|write members|for themselves|own/i;
    for (const [name, operation] of operations) {
      expect({
        name,
        summary: (operation.summary ?? '').length >= 10,
        who: who.test(operation.description ?? ''),
      }).toEqual({ name, summary: true, who: true });
    }
  });

  it('declares every {x} of each path as a required path parameter with a schema, and no other', () => {
    for (const [name, operation] of operations) {
      const inPath = [...name.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      for (const parameter of declared) {
        expect({ name, param: parameter.name, required: parameter.required }).toEqual({
          name,
          param: parameter.name,
          required: true,
        });
        expect(parameter.schema?.type).toEqual(expect.any(String));
        // Swagger UI fills the box with it, so "Try it out" works unchanged.
        expect(parameter.schema?.example).toBeDefined();
      }
      expect({ name, params: declared.map((p) => p.name).sort() }).toEqual({
        name,
        params: inPath,
      });
      // get_by_name shares the path: its segment is a pk or a username.
      if ((inPath.includes('pk') || inPath.includes('id')) && name !== 'GET /v1/users/{pk}') {
        const pk = declared.find((p) => p.name === 'pk' || p.name === 'id')!;
        expect(pk.schema).toEqual({
          type: 'integer',
          minimum: 1,
          maximum: 2147483647,
          example: expect.any(Number),
        });
        expect(pk.schema!.example).toBeGreaterThan(0);
      }
    }
  });

  it('documents the lists: FilterSpec body, limit and cursor, an array with the Link header', () => {
    const lists = operations.filter(([name]) => name.endsWith('/list'));
    // users, teams, projects, licences (two spellings), domains
    expect(lists).toHaveLength(6);
    for (const [name, operation] of lists) {
      expect({ name, body: operation.requestBody?.content['application/json'].schema }).toEqual({
        name,
        body: { $ref: '#/components/schemas/FilterSpec' },
      });
      expect(operation.requestBody?.required).toBe(false);
      const queries = (operation.parameters ?? []).filter((p) => p.in === 'query');
      expect({ name, queries: queries.map((p) => p.name).sort() }).toEqual({
        name,
        queries: ['cursor', 'limit'],
      });
      const ok = operation.responses['200'];
      expect(ok.content?.['application/json'].schema).toEqual({
        type: 'array',
        items: { $ref: expect.stringMatching(/^#\/components\/schemas\/V1\w+Dto$/) },
      });
      expect(ok.headers?.Link?.schema).toEqual({ type: 'string' });
    }
  });

  it('documents a success with a JSON schema for each operation (none for a 204)', () => {
    for (const [name, operation] of operations) {
      const successes = Object.keys(operation.responses).filter((s) => /^2\d\d$/.test(s));
      expect({ name, successes: successes.length }).toEqual({ name, successes: 1 });
      const [status] = successes;
      const content = operation.responses[status].content;
      if (status === '204') {
        expect({ name, content }).toEqual({ name, content: undefined });
      } else {
        expect({ name, schema: resolve(content?.['application/json']?.schema) }).toEqual({
          name,
          schema: expect.any(Object),
        });
      }
    }
  });

  it("answers every refusal in DRF's shapes, with 401 wherever a token is needed", () => {
    for (const [name, operation] of operations) {
      const refusals = Object.entries(operation.responses).filter(([s]) => /^[45]\d\d$/.test(s));
      if (name === 'GET /health') {
        // Terminus' report, never rate-limited.
        expect(Object.keys(operation.responses).sort()).toEqual(['200', '503']);
        continue;
      }
      for (const [status, response] of refusals) {
        expect({ name, status, schema: response.content?.['application/json'].schema }).toEqual({
          name,
          status,
          schema: status === '400' ? BAD_REQUEST_SCHEMA : DETAIL_REF,
        });
      }
      for (const status of ['401', '429', '503']) {
        expect({ name, status, listed: status in operation.responses }).toEqual({
          name,
          status,
          listed: true,
        });
      }
      expect(operation.responses['429'].headers?.['Retry-After']).toBeDefined();
      if (ADMIN_ONLY.has(name.replace('/v1/licenses/', '/v1/licences/'))) {
        expect({ name, has403: '403' in operation.responses }).toEqual({ name, has403: true });
      }
      if (/^(POST|PUT|PATCH) /.test(name)) {
        expect({ name, has400: '400' in operation.responses }).toEqual({ name, has400: true });
      }
    }
  });

  it('marks the public operations security [] and asks a bearer token of the rest', () => {
    for (const [name, operation] of operations) {
      const isPublic = PUBLIC.has(name) || name === 'GET /health';
      expect({ name, security: operation.security }).toEqual({
        name,
        security: isPublic ? [] : [{ bearer: [] }],
      });
    }
  });

  it('declares a JSON body exactly where the route reads one, and its examples fit it', () => {
    for (const [name, operation] of operations) {
      expect({ name, body: operation.requestBody !== undefined }).toEqual({
        name,
        body: /^(POST|PUT|PATCH) /.test(name) && name !== 'GET /api/tokens',
      });
      const media = operation.requestBody?.content['application/json'];
      if (!media) {
        continue;
      }
      for (const [key, example] of Object.entries(media.examples ?? {})) {
        expect({ name, key, errors: schemas.errors(media.schema!, example.value) }).toEqual({
          name,
          key,
          errors: [],
        });
      }
    }
  });

  it('serves both licence spellings as the same documented operations', () => {
    for (const name of CORE_OPERATIONS.filter((n) => n.includes('/v1/licences/'))) {
      // Alike but for the operationId, which must differ.
      const withoutId = (operation: Operation) => ({ ...operation, operationId: undefined });
      expect({ name, doc: withoutId(op(twin(name))) }).toEqual({
        name,
        doc: withoutId(op(name)),
      });
    }
  });

  it('runs its examples unchanged on a fresh server, with answers that fit the schemas', async () => {
    // A fresh server's site admin logs in (the example password stands for the logged one).
    const obtained = await call('POST /v1/auth/obtain', { body: TEST_ADMIN });
    const { refresh, access } = obtained.body as { refresh: string; access: string };
    const admin = access;
    await call('POST /v1/auth/refresh', { body: { refresh } });
    await call('POST /v1/auth/verify', { body: { token: access } });
    await call('GET /health');

    const team = await call('POST /v1/teams/create', { token: admin });
    expect((team.body as { pk: number }).pk).toBe(1);
    await call('POST /v1/teams/list', { token: admin, example: 'everything' });
    await call('POST /v1/teams/list', { token: admin, example: 'byName' });
    await call('PATCH /v1/teams/{pk}/memberships', { token: admin, example: 'add' });
    // With a member, so the members' schema is checked on a real one.
    const withMember = await call('GET /v1/teams/{pk}', { token: admin });
    expect(withMember.body).toMatchObject({ members: [{ pk: 1, username: 'admin' }] });
    const level = await call('GET /v1/teams/{pk}/permissions/{username}', { token: admin });
    expect(level.text).toBe('"A"');
    await call('PATCH /v1/teams/{pk}/memberships', { token: admin, example: 'update' });
    await call('PATCH /v1/teams/{pk}/memberships', { token: admin, example: 'remove' });
    await call('PUT /v1/teams/{pk}', { token: admin });
    await call('PATCH /v1/teams/{pk}', { token: admin });

    const project = await call('POST /v1/projects/create', { token: admin });
    expect((project.body as { pk: number }).pk).toBe(1);
    await call('POST /v1/projects/list', { token: admin });
    await call('GET /v1/projects/{pk}', { token: admin });
    await call('PUT /v1/projects/{pk}', { token: admin });
    await call('PATCH /v1/projects/{pk}', { token: admin });

    const alice = await call('POST /v1/users/create', { token: admin });
    expect((alice.body as { pk: number }).pk).toBe(2);
    await call('POST /v1/users/list', { token: admin });
    const byName = await call('GET /v1/users/{pk}', { token: admin });
    expect(byName.body).toEqual([expect.objectContaining({ username: 'admin' })]);
    const byPk = await call('GET /v1/users/{pk}', { token: admin, params: { pk: 2 } });
    expect(byPk.body).toMatchObject({ username: 'alice' });
    await call('PUT /v1/users/{pk}', { token: admin });
    await call('PATCH /v1/users/{pk}', { token: admin });

    await call('POST /v1/licences/list', { token: admin });
    await call('POST /v1/licenses/list', { token: admin });
    const licence = await call('POST /v1/licences/create', { token: admin });
    expect((licence.body as { pk: number }).pk).toBe(21);
    await call('GET /v1/licences/{pk}', { token: admin });
    await call('GET /v1/licenses/{pk}', { token: admin });
    await call('PUT /v1/licences/{pk}', { token: admin });
    await call('PATCH /v1/licences/{pk}', { token: admin });
    const added = await call('PATCH /v1/licences/{pk}/subdescriptors', { token: admin });
    expect(added.body).toMatchObject({ domains: ['Data'] });

    await call('POST /v1/domains/list', { token: admin });
    await call('GET /v1/domains/{pk}', { token: admin });

    const token = await call('POST /api/tokens', { token: admin });
    expect((token.body as { id: number }).id).toBe(1);
    await call('GET /api/tokens', { token: admin });
    await call('DELETE /api/tokens/{id}', { token: admin });

    await call('DELETE /v1/licences/{pk}', { token: admin });
    await call('DELETE /v1/projects/{pk}', { token: admin });
    await call('DELETE /v1/projects/{pk}/reinstate', { token: admin });
    await call('DELETE /v1/projects/{pk}/hard', { token: admin });
    await call('DELETE /v1/teams/{pk}', { token: admin });
    await call('DELETE /v1/teams/{pk}/reinstate', { token: admin });
    await call('DELETE /v1/teams/{pk}/hard', { token: admin });
    await call('DELETE /v1/users/{pk}', { token: admin });

    expect([...succeeded].sort()).toEqual([...CORE_OPERATIONS].sort());
  });

  it('documents the refusals the routes really give, in the shapes they give them', async () => {
    const admin = await loginAs(testApp, TEST_ADMIN);
    const outsider = await loginAs(testApp, await createUser(testApp));
    const team = await call('POST /v1/teams/create', { token: admin, body: { name: 'Refusals' } });
    const teamPk = (team.body as { pk: number }).pk;
    const params = { pk: teamPk };

    await call('POST /v1/auth/obtain', { body: {}, status: 400 });
    await call('POST /v1/auth/obtain', { body: { ...TEST_ADMIN, password: 'wrong' }, status: 401 });
    await call('POST /v1/auth/refresh', { body: { refresh: 'x' }, status: 401 });
    await call('POST /v1/auth/refresh', { body: { refresh: admin }, status: 401 });
    await call('POST /v1/auth/verify', { body: { token: 'x' }, status: 401 });

    await call('GET /api/tokens', { status: 401 });
    await call('GET /api/tokens', { token: 'not-a-jwt', status: 401 });
    await call('POST /api/tokens', { token: admin, body: { name: '' }, status: 400 });
    const read = await call('POST /api/tokens', {
      token: admin,
      body: { name: 'reader', scopes: ['read'] },
    });
    const readToken = (read.body as { token: string }).token;
    await call('POST /api/tokens', { token: readToken, status: 403 });
    await call('POST /api/tokens', { token: readToken, body: {}, status: 400 });
    await call('DELETE /api/tokens/{id}', { token: readToken, status: 403 });
    await call('DELETE /api/tokens/{id}', { token: admin, params: { id: 99999 }, status: 404 });

    await call('POST /v1/users/list', { token: outsider, status: 403 });
    await call('POST /v1/users/list', { token: admin, body: { nonsense: 1 }, status: 400 });
    await call('POST /v1/users/create', { token: admin, body: {}, status: 400 });
    await call('GET /v1/users/{pk}', { token: outsider, status: 403 });
    await call('GET /v1/users/{pk}', { token: admin, params: { pk: 99999 }, status: 404 });
    await call('PATCH /v1/users/{pk}', { token: admin, params: { pk: 99999 }, status: 404 });

    await call('POST /v1/teams/create', { token: outsider, status: 403 });
    await call('POST /v1/teams/create', { token: admin, body: {}, status: 400 });
    await call('POST /v1/teams/list', { status: 401 });
    await call('GET /v1/teams/{pk}', { token: outsider, params, status: 403 });
    await call('GET /v1/teams/{pk}', { token: outsider, params: { pk: 99999 }, status: 404 });
    await call('PUT /v1/teams/{pk}', { token: admin, params, body: {}, status: 400 });
    await call('DELETE /v1/teams/{pk}', { token: outsider, params, status: 403 });
    await call('PATCH /v1/teams/{pk}/memberships', { token: outsider, params, status: 403 });
    await call('PATCH /v1/teams/{pk}/memberships', {
      token: admin,
      params,
      body: { username: 'nobody-here', method: 'add' },
      status: 400,
    });
    await call('GET /v1/teams/{pk}/permissions/{username}', { token: admin, params, status: 400 });

    await call('POST /v1/projects/create', {
      token: outsider,
      body: { name: 'p', team: teamPk },
      status: 403,
    });
    await call('POST /v1/projects/create', {
      token: admin,
      body: { name: 'p', team: 99999 },
      status: 400,
    });
    const project = await call('POST /v1/projects/create', {
      token: admin,
      body: { name: 'p', team: teamPk },
    });
    await call('DELETE /v1/teams/{pk}/hard', { token: admin, params, status: 400 });
    await call('GET /v1/projects/{pk}', {
      token: outsider,
      params: { pk: (project.body as { pk: number }).pk },
      status: 403,
    });
    await call('DELETE /v1/projects/{pk}/hard', { token: outsider, params, status: 403 });

    await call('GET /v1/licences/{pk}', { token: admin, params: { pk: 99999 }, status: 404 });
    await call('DELETE /v1/licences/{pk}', { token: outsider, params: { pk: 1 }, status: 403 });
    await call('PATCH /v1/licences/{pk}/subdescriptors', {
      token: admin,
      params: { pk: 1 },
      body: { method: 'add' },
      status: 400,
    });
    await call('POST /v1/domains/list', { status: 401 });
    await call('GET /v1/domains/{pk}', { token: outsider, params: { pk: 99999 }, status: 404 });
  });

  it('is what the committed openapi.json says for these routes', async () => {
    const committed = JSON.parse(await readFile('openapi.json', 'utf8')) as Document;
    for (const path of Object.keys(document.paths).filter((p) => CORE_PATH.test(p))) {
      expect({ path, item: committed.paths[path] }).toEqual({ path, item: document.paths[path] });
    }
    for (const name of Object.keys(document.components.schemas).filter((n) => /^V1/.test(n))) {
      expect({ name, schema: committed.components.schemas[name] }).toEqual({
        name,
        schema: document.components.schemas[name],
      });
    }
  });
});
