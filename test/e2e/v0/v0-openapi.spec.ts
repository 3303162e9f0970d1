import { readFile } from 'node:fs/promises';
import request from 'supertest';
import type { Document, Operation, Parameter, Schema } from '../../utils/openapi-document.js';
import { documentOperations } from '../../utils/openapi-schema.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';

/**
 * Issue #11 item 5: Swagger documents every data.world route (/v0, /datapackage, /file_download)
 * with its parameters, bodies, answers and refusals. The document is the one the running app
 * serves, so a route added without these docs fails here, and the committed openapi.json must
 * say the same.
 */

const DATAWORLD_PATH = /^\/(v0|datapackage|file_download)(\/|$)/;
const ERROR_REF = '#/components/schemas/V0ErrorDto';

let testApp: TestApp;
let document: Document;
let operations: Array<[string, Operation]>;

beforeAll(async () => {
  testApp = await createTestApp();
  const served = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
  document = served.body as Document;
  operations = documentOperations(document, DATAWORLD_PATH);
});

afterAll(async () => {
  await testApp.close();
});

const op = (name: string): Operation => {
  const found = operations.find(([key]) => key === name);
  if (!found) {
    throw new Error(`${name} is not in the document`);
  }
  return found[1];
};
const param = (operation: Operation, name: string): Parameter | undefined =>
  operation.parameters?.find((p) => p.name === name);
const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
/** Whether a route takes a body: every POST/PUT/PATCH but the sync trigger. */
const takesBody = (name: string) => /^(POST|PUT|PATCH) /.test(name) && !name.endsWith('/sync');

describe('the /v0 OpenAPI document', () => {
  it('lists every data.world route (so the checks below are not vacuous)', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'GET /v0/datasets/{owner}/{id}',
        'GET /v0/datasets/{owner}',
        'POST /v0/datasets/{owner}',
        'PUT /v0/datasets/{owner}/{id}',
        'PATCH /v0/datasets/{owner}/{id}',
        'DELETE /v0/datasets/{owner}/{id}',
        'POST /v0/datasets/{owner}/{id}/files',
        'DELETE /v0/datasets/{owner}/{id}/files',
        'DELETE /v0/datasets/{owner}/{id}/files/{file}',
        'PUT /v0/uploads/{owner}/{id}/files/{file}',
        'POST /v0/uploads/{owner}/{id}/files',
        'POST /v0/datasets/{owner}/{id}/sync',
        'GET /v0/datasets/{owner}/{id}/sync',
        'GET /v0/user',
        'GET /v0/user/datasets/own',
        'GET /v0/user/datasets/contributing',
        'GET /v0/user/datasets/liked',
        'GET /v0/download/{owner}/{id}',
        'GET /v0/file_download/{owner}/{id}/{file}',
        'GET /file_download/{owner}/{id}/{file}',
        'GET /datapackage/{owner}/{id}',
      ]),
    );
  });

  it('tags every operation v0 and says what it does', () => {
    for (const [name, operation] of operations) {
      expect({
        name,
        tags: operation.tags,
        summary: (operation.summary ?? '').length > 10,
        description: (operation.description ?? '').length > 10,
      }).toEqual({ name, tags: ['v0'], summary: true, description: true });
    }
  });

  it('declares every {x} of each path as a required path parameter, and no other', () => {
    for (const [name, operation] of operations) {
      const inPath = [...name.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => {
          expect({ name, param: p.name, required: p.required }).toEqual({
            name,
            param: p.name,
            required: true,
          });
          return p.name;
        })
        .sort();
      expect({ name, params: declared }).toEqual({ name, params: inPath });
    }
  });

  it('gives owner and id the slug patterns, which accept slugs and refuse the rest', () => {
    for (const [name, operation] of operations) {
      for (const key of ['owner', 'id']) {
        const declared = param(operation, key);
        if (!declared) {
          continue;
        }
        const pattern = declared.schema?.pattern;
        expect({ name, key, pattern: typeof pattern }).toEqual({ name, key, pattern: 'string' });
        const slug = new RegExp(pattern!);
        expect(slug.test('my-team-2')).toBe(true);
        for (const bad of ['My-Team', 'a--b', '-ab', 'ab-', 'ab', 'a_b_c', 'x'.repeat(96)]) {
          expect({ name, key, bad, matches: slug.test(bad) }).toEqual({
            name,
            key,
            bad,
            matches: false,
          });
        }
      }
    }
  });

  it('declares the query parameters each route reads', () => {
    for (const name of [
      'GET /v0/datasets/{owner}',
      'GET /v0/user/datasets/own',
      'GET /v0/user/datasets/contributing',
      'GET /v0/user/datasets/liked',
    ]) {
      expect(param(op(name), 'limit')).toMatchObject({
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: 100 },
      });
      expect(param(op(name), 'next')).toMatchObject({ in: 'query', schema: { type: 'string' } });
    }
    expect(param(op('DELETE /v0/datasets/{owner}/{id}/files'), 'name')).toMatchObject({
      in: 'query',
      required: true,
      schema: { type: 'array', items: { type: 'string' } },
    });
    expect(param(op('PUT /v0/uploads/{owner}/{id}/files/{file}'), 'expandArchive')).toMatchObject({
      in: 'query',
      schema: { type: 'boolean' },
    });
    expect(param(op('POST /v0/uploads/{owner}/{id}/files'), 'expandArchives')).toMatchObject({
      in: 'query',
      schema: { type: 'boolean' },
    });
  });

  it('documents a 2xx with a content schema for every operation', () => {
    for (const [name, operation] of operations) {
      const successes = Object.entries(operation.responses).filter(([status]) =>
        /^2\d\d$/.test(status),
      );
      const withSchema = successes.filter(([, response]) =>
        Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
      );
      expect({ name, documented: withSchema.length > 0 }).toEqual({ name, documented: true });
    }
  });

  it("answers every refusal in data.world's {code, message, details?} schema", () => {
    const error = document.components.schemas.V0ErrorDto;
    expect(error.required?.sort()).toEqual(['code', 'message']);
    expect(Object.keys(error.properties ?? {}).sort()).toEqual(['code', 'details', 'message']);
    for (const [name, operation] of operations) {
      const refusals = Object.entries(operation.responses).filter(([status]) =>
        /^[45]\d\d$/.test(status),
      );
      expect({ name, refusals: refusals.length > 0 }).toEqual({ name, refusals: true });
      for (const [status, response] of refusals) {
        expect({ name, status, content: response.content }).toEqual({
          name,
          status,
          content: { 'application/json': { schema: { $ref: ERROR_REF } } },
        });
      }
      // The global rate limit may refuse any route, always with the wait.
      expect({ name, retryAfter: operation.responses['429']?.headers?.['Retry-After'] }).toEqual({
        name,
        retryAfter: expect.objectContaining({ schema: { type: 'integer' } }),
      });
    }
  });

  it('lists 401 for every route and 403 for every write', () => {
    for (const [name, operation] of operations) {
      expect({ name, has401: '401' in operation.responses }).toEqual({ name, has401: true });
      if (!name.startsWith('GET ') || name.endsWith('/sync')) {
        expect({ name, has403: '403' in operation.responses }).toEqual({ name, has403: true });
      }
    }
  });

  it('declares a request body exactly where the route takes one', () => {
    for (const [name, operation] of operations) {
      expect({ name, body: operation.requestBody !== undefined }).toEqual({
        name,
        body: takesBody(name),
      });
      if (!operation.requestBody) {
        continue;
      }
      const media = Object.values(operation.requestBody.content);
      expect(media.length).toBeGreaterThan(0);
      for (const { schema } of media) {
        expect({ name, schema: resolve(schema) }).toEqual({ name, schema: expect.any(Object) });
      }
    }
  });

  it('describes the JSON write bodies field by field, with their rules', () => {
    const definition = resolve(
      op('POST /v0/datasets/{owner}').requestBody!.content['application/json'].schema,
    )!;
    expect(definition.required).toEqual(['title', 'visibility']);
    expect(definition.properties).toMatchObject({
      title: { maxLength: 60 },
      description: { maxLength: 120 },
      summary: { maxLength: 25_000 },
      tags: { type: 'array', items: { pattern: expect.any(String) } },
      license: { enum: expect.arrayContaining(['CC-BY', 'Other']) },
      visibility: { enum: ['OPEN', 'PRIVATE'] },
    });
    expect(op('PUT /v0/datasets/{owner}/{id}').requestBody!.content['application/json']).toEqual(
      op('POST /v0/datasets/{owner}').requestBody!.content['application/json'],
    );
    const file = resolve(definition.properties!.files.items)!;
    expect(file.required).toEqual(['name', 'source']);
    expect(file.properties).toMatchObject({
      name: { maxLength: 128 },
      labels: { items: { enum: expect.arrayContaining(['raw data']) } },
    });
    expect(resolve(file.properties!.source)).toMatchObject({ required: ['url'] });

    const patch = op('PATCH /v0/datasets/{owner}/{id}').requestBody!;
    // Clients send PATCH with Content-Length: 0 as well.
    expect(patch.required).toBe(false);
    const patchSchema = resolve(patch.content['application/json'].schema)!;
    expect(patchSchema.required).toBeUndefined();
    expect(resolve(patchSchema.properties!.files.items)!.required).toEqual(['name']);

    const batch = resolve(
      op('POST /v0/datasets/{owner}/{id}/files').requestBody!.content['application/json'].schema,
    )!;
    expect(resolve(batch.properties!.files.items)).toBe(file);
  });

  it('takes uploads as a multipart file picker and as raw bytes', () => {
    expect(op('POST /v0/uploads/{owner}/{id}/files').requestBody!.content).toEqual({
      'multipart/form-data': {
        schema: expect.objectContaining({
          required: ['file'],
          properties: {
            file: expect.objectContaining({
              type: 'array',
              items: { type: 'string', format: 'binary' },
            }),
          },
        }),
      },
    });
    expect(op('PUT /v0/uploads/{owner}/{id}/files/{file}').requestBody!.content).toEqual({
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    });
  });

  it('shows the answers in their shared schemas', () => {
    const json = (name: string) => op(name).responses['200'].content!['application/json'].schema;
    const summary = document.components.schemas.DatasetSummaryDto;
    expect(json('GET /v0/datasets/{owner}/{id}')).toEqual({
      $ref: '#/components/schemas/DatasetSummaryDto',
    });
    expect(summary.properties!.files).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/FileSummaryDto' },
    });
    expect(document.components.schemas.FileSummaryDto.properties!.source).toMatchObject({
      $ref: '#/components/schemas/FileSourceSummaryDto',
    });
    for (const name of ['GET /v0/datasets/{owner}', 'GET /v0/user/datasets/own']) {
      expect(json(name)).toEqual({ $ref: '#/components/schemas/DatasetPageDto' });
    }
    expect(json('GET /v0/user')).toEqual({ $ref: '#/components/schemas/V0UserDto' });
    const create = op('POST /v0/datasets/{owner}').responses['200'];
    expect(create.content!['application/json'].schema).toEqual({
      $ref: '#/components/schemas/V0CreatedDto',
    });
    expect(create.headers).toHaveProperty('Location');
    expect(document.components.schemas.V0CreatedDto.required?.sort()).toEqual(['message', 'uri']);
    for (const [name] of operations.filter(
      ([key]) => takesBody(key) || key.startsWith('DELETE ') || key.endsWith('/sync'),
    )) {
      if (name === 'POST /v0/datasets/{owner}' || name === 'PUT /v0/datasets/{owner}/{id}') {
        continue;
      }
      expect({ name, schema: json(name) }).toEqual({
        name,
        schema: { $ref: '#/components/schemas/V0MessageDto' },
      });
    }
    for (const name of ['GET /v0/download/{owner}/{id}', 'GET /datapackage/{owner}/{id}']) {
      expect(op(name).responses['200'].content).toEqual({
        'application/zip': { schema: { type: 'string', format: 'binary' } },
      });
    }
    expect(op('GET /v0/file_download/{owner}/{id}/{file}').responses['200'].content).toEqual({
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    });
  });

  it('resolves every reference of the document', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect({ ref, known: name in document.components.schemas }).toEqual({ ref, known: true });
    }
  });

  it('is what the committed openapi.json says for these routes', async () => {
    const committed = JSON.parse(await readFile('openapi.json', 'utf8')) as Document;
    for (const path of Object.keys(document.paths).filter((p) => DATAWORLD_PATH.test(p))) {
      expect({ path, item: committed.paths[path] }).toEqual({ path, item: document.paths[path] });
    }
    for (const name of Object.keys(document.components.schemas).filter((n) => /^V0/.test(n))) {
      expect(committed.components.schemas[name]).toEqual(document.components.schemas[name]);
    }
  });
});
