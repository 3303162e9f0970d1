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
