import { createHash } from 'node:crypto';
import request from 'supertest';
import { createDataset } from '../../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../../utils/fixtures.js';
import type { Document, Operation, Parameter } from '../../utils/openapi-document.js';
import { OpenApiSchemas } from '../../utils/openapi-schema.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { asBytes } from '../../utils/v0.js';
import { buildZip, storedEntry } from '../../utils/zip-bytes.js';

/**
 * Issue #12 item 1 for the dataset, file, metadata and versioning routes of /v1: every
 * operation is tagged, described, has its path values declared, a success schema and its
 * refusals in DRF's shapes, and the schemas match what the real app answers.
 */

const UPLOAD = '/v1/datasets/{pk}/files/{filename}';
const UPLOAD_MULTI = '/v1/datasets/{pk}/files-multi';
const BINARY = { type: 'string', format: 'binary' };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let testApp: TestApp;
let document: Document;
let schemas: OpenApiSchemas;
let cast: Cast;
let project: { pk: number };
const http = () => request(testApp.app.getHttpServer());

beforeAll(async () => {
  testApp = await createTestApp();
  const served = await http().get('/docs-json').expect(200);
  document = served.body as Document;
  schemas = new OpenApiSchemas(document);
  cast = await createCast(testApp);
  const team = await createTeam(testApp, cast);
  project = await createProject(testApp, cast.admin, team.pk);
});

afterAll(async () => {
  await testApp.close();
});

const op = (method: string, path: string): Operation => {
  const found = document.paths[path]?.[method];
  if (!found) {
    throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  }
  return found;
};
const param = (operation: Operation, name: string): Parameter | undefined =>
  operation.parameters?.find((p) => p.name === name);
const writer = () => cast.actors.W.token!;

/** Each of this brief's operations with its tag; anonymous callers may use the `true` ones. */
const OPERATIONS: Record<string, [tag: string, anonymous: boolean]> = {
  'POST /v1/datasets/list': ['datasets', true],
  'POST /v1/datasets/create': ['datasets', false],
  'GET /v1/datasets/{pk}': ['datasets', true],
  'PUT /v1/datasets/{pk}': ['datasets', false],
  'PATCH /v1/datasets/{pk}': ['datasets', false],
  'DELETE /v1/datasets/{pk}': ['datasets', false],
  'DELETE /v1/datasets/{pk}/hard': ['admin', false],
  'DELETE /v1/datasets/{pk}/reinstate': ['admin', false],
  'DELETE /v1/datasets/{pk}/clear': ['versioning', false],
  'POST /v1/datasets/{pk}/copy': ['versioning', false],
  'POST /v1/datasets/{pk}/merge/{source}': ['versioning', false],
  'POST /v1/datasets/{pk}/files/{filename}': ['files', false],
  'GET /v1/datasets/{pk}/files/{filename}': ['files', true],
  'DELETE /v1/datasets/{pk}/files/{filename}': ['files', false],
  'POST /v1/datasets/{pk}/files-multi': ['files', false],
  'GET /v1/datasets/{pk}/file-handles/{handle}': ['files', true],
  'POST /v1/datasets/{pk}/download': ['files', true],
  'GET /v1/datasets/{pk}/metadata': ['metadata', true],
  'GET /v1/datasets/{pk}/metadata/{filename}': ['metadata', true],
  'POST /v1/datasets/{pk}/metadata/{filename}': ['metadata', false],
};
const BINARY_ANSWERS = [
  'GET /v1/datasets/{pk}/files/{filename}',
  'GET /v1/datasets/{pk}/file-handles/{handle}',
  'POST /v1/datasets/{pk}/download',
];
const DETAIL_REF = '#/components/schemas/V1DetailErrorDto';
const FIELD_ERRORS_REF = '#/components/schemas/V1FieldErrors';
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

const split = (name: string): [string, string] => {
  const [method, path] = name.split(' ');
  return [method.toLowerCase(), path];
};
const each = (): Array<[string, Operation]> =>
  Object.keys(OPERATIONS).map((name) => [name, op(...split(name))]);

describe('the /v1 data routes in the OpenAPI document', () => {
  it('should list exactly these operations under /v1/datasets', () => {
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/datasets'))
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((method) => METHODS.includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
    expect(documented.sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('should tag each operation with its one tag and say what it does and who may call it', () => {
    for (const [name, operation] of each()) {
      expect({
        name,
        tags: operation.tags,
        summary: (operation.summary ?? '').length > 5,
        who: /Who: /.test(operation.description ?? ''),
      }).toEqual({ name, tags: [OPERATIONS[name][0]], summary: true, who: true });
    }
  });

  it('should declare every {x} of each path as a required path parameter, and no other', () => {
    for (const [name, operation] of each()) {
      const inPath = [...name.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      expect({ name, params: declared.map((p) => p.name).sort() }).toEqual({
        name,
        params: inPath,
      });
      for (const declaredParam of declared) {
        expect({ name, param: declaredParam.name, required: declaredParam.required }).toEqual({
          name,
          param: declaredParam.name,
          required: true,
        });
      }
    }
  });

  it('should mark the routes anonymous callers may use, and require a token on the rest', () => {
    for (const [name, operation] of each()) {
      expect({ name, security: operation.security }).toEqual({
        name,
        security: OPERATIONS[name][1] ? [{}, { bearer: [] }] : [{ bearer: [] }],
      });
    }
  });

  it('should give each success answer its content: JSON by schema, binary, or none for 204', () => {
    for (const [name, operation] of each()) {
      const [status, success] = Object.entries(operation.responses).find(([code]) =>
        code.startsWith('2'),
      )!;
      if (status === '204') {
        expect({ name, content: success.content }).toEqual({ name, content: undefined });
      } else if (BINARY_ANSWERS.includes(name)) {
        expect({ name, content: success.content }).toEqual({
          name,
          content: { 'application/data': { schema: { type: 'string', format: 'binary' } } },
        });
      } else {
        const schema = success.content?.['application/json']?.schema;
        expect({
          name,
          described: Boolean(schema?.$ref ?? schema?.items?.$ref ?? schema?.type),
        }).toEqual({ name, described: true });
      }
    }
  });

  it("should describe every refusal in DRF's shapes, 429 and 503 included", () => {
    for (const [name, operation] of each()) {
      const refusals = Object.entries(operation.responses).filter(([code]) => Number(code) >= 400);
      expect({ name, statuses: refusals.map(([code]) => code) }).toEqual({
        name,
        statuses: expect.arrayContaining(['429', '503']) as string[],
      });
      for (const [code, response] of refusals) {
        const schema = response.content?.['application/json']?.schema;
        expect({ name, code, schema }).toEqual({
          name,
          code,
          schema:
            code === '400'
              ? { oneOf: [{ $ref: FIELD_ERRORS_REF }, { $ref: DETAIL_REF }] }
              : { $ref: DETAIL_REF },
        });
      }
    }
  });

  it('should give every JSON body a shared schema with examples', () => {
    for (const [name, operation] of each()) {
      const json = operation.requestBody?.content['application/json'];
      if (json) {
        expect({ name, ref: json.schema?.$ref?.startsWith('#/components/schemas/') }).toEqual({
          name,
          ref: true,
        });
        expect({ name, examples: Object.keys(json.examples ?? {}).length > 0 }).toEqual({
          name,
          examples: true,
        });
      }
    }
  });

  it('should document list requests with a FilterSpec, limit and cursor, and the Link header', () => {
    const list = op('post', '/v1/datasets/list');
    expect(list.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/FilterSpec',
    });
    expect(list.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:limit',
      'query:cursor',
    ]);
    expect(list.responses['200'].headers).toHaveProperty('Link');
    expect(list.responses['200'].content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/V1DatasetDto' },
    });
  });
});

describe('the upload routes in the /v1 OpenAPI document', () => {
  it('should take the bytes as a binary body, so Swagger UI shows a file picker', () => {
    for (const path of [UPLOAD, UPLOAD_MULTI]) {
      const body = op('post', path).requestBody;
      expect(body?.required).toBe(true);
      expect(body?.content['application/octet-stream']?.schema).toEqual(BINARY);
      expect(body?.content['application/data']?.schema).toEqual(BINARY);
    }
    expect(op('post', UPLOAD_MULTI).requestBody?.content['application/zip']?.schema).toEqual(
      BINARY,
    );
  });

  it('should declare Content-Disposition as a required header with an example that works', () => {
    for (const path of [UPLOAD, UPLOAD_MULTI]) {
      const header = param(op('post', path), 'Content-Disposition');
      expect(header).toMatchObject({ in: 'header', required: true });
      expect(header?.schema?.example).toMatch(/^attachment; filename="[^"]+"$/);
    }
  });

  it('should declare the filename path value and say how a / is sent', () => {
    const filename = param(op('post', UPLOAD), 'filename');
    expect(filename).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
    expect(filename?.description).toContain('%2F');
  });
});

describe('uploads as Swagger UI sends them', () => {
  it('should store an application/octet-stream body with the documented header example', async () => {
    const dataset = await createDataset(testApp, writer(), project.pk);
    const header = param(op('post', UPLOAD), 'Content-Disposition')!.schema!.example as string;
    const response = await http()
      .post(`/v1/datasets/${dataset.pk}/files/hello.txt`)
      .set(authed(writer()))
      .set('Content-Type', 'application/octet-stream')
      .set('Content-Disposition', header)
      .send(Buffer.from('hello'))
      .expect(200);
    expect(response.text).toBe(`{"filename":"hello.txt","handle":"${sha256('hello')}"}`);
    expect(schemas.answerErrors('post', UPLOAD, 200, response.body)).toEqual([]);
    const read = await asBytes(
      http().get(`/v1/datasets/${dataset.pk}/files/hello.txt`).set(authed(writer())),
    ).expect(200);
    expect((read.body as Buffer).toString()).toBe('hello');
  });

  it('should take a percent-encoded / in the filename as a directory', async () => {
    const dataset = await createDataset(testApp, writer(), project.pk);
    const response = await http()
      .post(`/v1/datasets/${dataset.pk}/files/${encodeURIComponent('images/a b.txt')}`)
      .set(authed(writer()))
      .set('Content-Type', 'application/octet-stream')
      .set('Content-Disposition', 'attachment; filename="hello.txt"')
      .send(Buffer.from('bytes'))
      .expect(200);
    expect(response.body).toEqual({ filename: 'images/a b.txt', handle: sha256('bytes') });
    await http()
      .get(`/v1/datasets/${dataset.pk}/files/images%2Fa%20b.txt`)
      .set(authed(writer()))
      .expect(200);
  });

  it('should store a zip sent to files-multi as application/octet-stream or application/zip', async () => {
    for (const type of ['application/octet-stream', 'application/zip']) {
      const dataset = await createDataset(testApp, writer(), project.pk);
      const header = param(op('post', UPLOAD_MULTI), 'Content-Disposition')!.schema!
        .example as string;
      const response = await http()
        .post(`/v1/datasets/${dataset.pk}/files-multi`)
        .set(authed(writer()))
        .set('Content-Type', type)
        .set('Content-Disposition', header)
        .send(buildZip([storedEntry('a.txt', 'A'), storedEntry('dir/b.txt', 'B')]))
        .expect(200);
      expect(response.body).toEqual([
        { filename: 'a.txt', handle: sha256('A') },
        { filename: 'dir/b.txt', handle: sha256('B') },
      ]);
      expect(schemas.answerErrors('post', UPLOAD_MULTI, 200, response.body)).toEqual([]);
    }
  });
});

describe('the documented schemas and examples, against real answers', () => {
  const DATASET = '/v1/datasets/{pk}';
  const datasetKeys = () => Object.keys(document.components.schemas.V1DatasetDto.properties!);
  /** The example bodies of an operation, by name, exactly as documented. */
  const examples = (method: string, path: string): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(op(method, path).requestBody!.content['application/json'].examples!).map(
        ([name, example]) => [name, example.value],
      ),
    );
  /** A dataset answer: valid against the document, with the documented keys in their order. */
  const expectDataset = (method: string, path: string, status: number, body: unknown) => {
    expect(schemas.answerErrors(method, path, status, body)).toEqual([]);
    expect(Object.keys(body as object)).toEqual(datasetKeys());
  };
  const admin = () => cast.admin;

  it('should refuse a wrong answer (the checks below are not vacuous)', () => {
    const schema = schemas.responseSchema('get', DATASET, 200);
    const answer = {
      pk: 1,
      name: 'n',
      version: 1,
      previous_version: -1,
      description: '',
      project: 1,
      licence: 11,
      is_public: false,
      domain: null,
      tags: '',
      creator: 1,
      creation_time: '2026-01-01T00:00:00.000Z',
      deletion_time: null,
      files: { 'a.txt': sha256('a') },
    };
    expect(schemas.errors(schema, answer)).toEqual([]);
    expect(schemas.errors(schema, { ...answer, pk: '1' })).not.toEqual([]);
    expect(schemas.errors(schema, { ...answer, files: { 'a.txt': 1 } })).not.toEqual([]);
    const withoutFiles: Partial<typeof answer> = { ...answer };
    delete withoutFiles.files;
    expect(schemas.errors(schema, withoutFiles)).not.toEqual([]);
  });

  it('should answer what each dataset route documents, with the examples run unchanged', async () => {
    // The create example names project 1 and licence 11 (MIT): on a fresh server, the first
    // project made is 1, as it is in this test's database.
    expect(project.pk).toBe(1);
    const created = await http()
      .post('/v1/datasets/create')
      .set(authed(writer()))
      .send(examples('post', '/v1/datasets/create').dataset as object)
      .expect(201);
    expectDataset('post', '/v1/datasets/create', 201, created.body);
    const pk = (created.body as { pk: number }).pk;

    const upload = await http()
      .post(`/v1/datasets/${pk}/files/hello.txt`)
      .set(authed(writer()))
      .set('Content-Type', 'application/octet-stream')
      .set('Content-Disposition', 'attachment; filename="hello.txt"')
      .send(Buffer.from('hello'))
      .expect(200);
    expect(schemas.answerErrors('post', UPLOAD, 200, upload.body)).toEqual([]);

    const retrieved = await http().get(`/v1/datasets/${pk}`).set(authed(writer())).expect(200);
    expectDataset('get', DATASET, 200, retrieved.body);
    expect((retrieved.body as { files: unknown }).files).toEqual({ 'hello.txt': sha256('hello') });

    const anonymous = await http().get(`/v1/datasets/${pk}`).expect(401);
    expect(schemas.answerErrors('get', DATASET, 401, anonymous.body)).toEqual([]);
    const missing = await http().get('/v1/datasets/2147483647').set(authed(writer())).expect(404);
    expect(schemas.answerErrors('get', DATASET, 404, missing.body)).toEqual([]);
    const refused = await http()
      .post('/v1/datasets/create')
      .set(authed(writer()))
      .send({})
      .expect(400);
    expect(schemas.answerErrors('post', '/v1/datasets/create', 400, refused.body)).toEqual([]);

    // PUT first: its example makes the dataset private again, the last PATCH public.
    const put = await http()
      .put(`/v1/datasets/${pk}`)
      .set(authed(writer()))
      .send(examples('put', DATASET).dataset as object)
      .expect(200);
    expectDataset('put', DATASET, 200, put.body);

    for (const body of Object.values(examples('patch', DATASET))) {
      const patched = await http()
        .patch(`/v1/datasets/${pk}`)
        .set(authed(writer()))
        .send(body as object)
        .expect(200);
      expectDataset('patch', DATASET, 200, patched.body);
    }
    for (const body of Object.values(examples('post', '/v1/datasets/list'))) {
      const listed = await http()
        .post('/v1/datasets/list?limit=1')
        .set(authed(writer()))
        .send(body as object)
        .expect(200);
      expect(schemas.answerErrors('post', '/v1/datasets/list', 200, listed.body)).toEqual([]);
      for (const item of listed.body as object[]) {
        expect(Object.keys(item)).toEqual(datasetKeys());
      }
    }
    const anonymousList = await http().post('/v1/datasets/list').expect(200);
    expect(anonymousList.body).toEqual([expect.objectContaining({ pk, is_public: true })]);

    const metadataPath = '/v1/datasets/{pk}/metadata/{filename}';
    const metadata = await http()
      .post(`/v1/datasets/${pk}/metadata/hello.txt`)
      .set(authed(writer()))
      .send(examples('post', metadataPath).label as object)
      .expect(200);
    expect(schemas.answerErrors('post', metadataPath, 200, metadata.body)).toEqual([]);
    const oneMetadata = await http().get(`/v1/datasets/${pk}/metadata/hello.txt`).expect(200);
    expect(schemas.answerErrors('get', metadataPath, 200, oneMetadata.body)).toEqual([]);
    const allMetadata = await http().get(`/v1/datasets/${pk}/metadata`).expect(200);
    expect(allMetadata.body).toEqual({ 'hello.txt': '{"label": "cat"}' });
    expect(
      schemas.answerErrors('get', '/v1/datasets/{pk}/metadata', 200, allMetadata.body),
    ).toEqual([]);

    const copies: number[] = [];
    for (const body of Object.values(examples('post', '/v1/datasets/{pk}/copy'))) {
      const copied = await http()
        .post(`/v1/datasets/${pk}/copy`)
        .set(authed(writer()))
        .send(body as object)
        .expect(200);
      expectDataset('post', '/v1/datasets/{pk}/copy', 200, copied.body);
      copies.push((copied.body as { pk: number }).pk);
    }
    const mergePath = '/v1/datasets/{pk}/merge/{source}';
    const merged = await http()
      .post(`/v1/datasets/${copies[1]}/merge/${pk}`)
      .set(authed(writer()))
      .send(examples('post', mergePath).keepSource as object)
      .expect(200);
    expectDataset('post', mergePath, 200, merged.body);

    for (const body of Object.values(examples('post', '/v1/datasets/{pk}/download'))) {
      const archive = await asBytes(
        http()
          .post(`/v1/datasets/${pk}/download`)
          .set('Accept', 'application/data')
          .send(body as object),
      ).expect(200);
      expect(archive.headers['content-type']).toBe('application/data');
      expect(archive.headers['content-disposition']).toMatch(/^attachment; filename=/);
    }
    const byHandle = await asBytes(
      http()
        .get(`/v1/datasets/${pk}/file-handles/${sha256('hello')}`)
        .set('Accept', 'application/data'),
    ).expect(200);
    expect((byHandle.body as Buffer).toString()).toBe('hello');
    const notAcceptable = await http()
      .get(`/v1/datasets/${pk}/files/hello.txt`)
      .set('Accept', 'application/json')
      .expect(406);
    expect(schemas.answerErrors('get', UPLOAD, 406, notAcceptable.body)).toEqual([]);

    const cleared = await http()
      .delete(`/v1/datasets/${pk}/clear`)
      .set(authed(writer()))
      .expect(200);
    expectDataset('delete', '/v1/datasets/{pk}/clear', 200, cleared.body);
    const removed = await http()
      .delete(`/v1/datasets/${pk}/files/hello.txt`)
      .set(authed(writer()))
      .expect(200);
    expect(schemas.answerErrors('delete', UPLOAD, 200, removed.body)).toEqual([]);

    await http().delete(`/v1/datasets/${copies[0]}`).set(authed(writer())).expect(204);
    const reinstated = await http()
      .delete(`/v1/datasets/${copies[0]}/reinstate`)
      .set(authed(admin()))
      .expect(200);
    expectDataset('delete', '/v1/datasets/{pk}/reinstate', 200, reinstated.body);
    const notAdmin = await http()
      .delete(`/v1/datasets/${copies[0]}/hard`)
      .set(authed(writer()))
      .expect(403);
    expect(schemas.answerErrors('delete', '/v1/datasets/{pk}/hard', 403, notAdmin.body)).toEqual(
      [],
    );
    const hard = await http()
      .delete(`/v1/datasets/${copies[0]}/hard`)
      .set(authed(admin()))
      .expect(200);
    expectDataset('delete', '/v1/datasets/{pk}/hard', 200, hard.body);
  });
});
