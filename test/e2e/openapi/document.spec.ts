import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { OPENAPI_TAGS } from '../../../src/common/http/openapi-tags.js';
import type { Document, Operation } from '../../utils/openapi-document.js';
import { documentOperations } from '../../utils/openapi-schema.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';

/**
 * Issue #12, for the whole document at once: no route of any face (/v1, /v0, /api, health)
 * escapes the rules the per-face specs check in detail. A route added without its docs fails
 * here whichever controller it is in.
 */

let testApp: TestApp;
let document: Document & { tags?: { name: string }[]; servers?: unknown[] };
let operations: Array<[string, Operation]>;

beforeAll(async () => {
  testApp = await createTestApp();
  const served = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
  document = served.body as typeof document;
  operations = documentOperations(document, /./);
});

afterAll(async () => {
  await testApp.close();
});

const names: string[] = OPENAPI_TAGS.map((tag) => tag.name);

/** Probes refuse nobody: they answer 200 or 503, whoever asks. */
const HEALTH_PROBES = ['GET /health', 'GET /health/live', 'GET /health/ready'];

describe('the whole OpenAPI document', () => {
  it('is the committed openapi.json', async () => {
    expect(JSON.parse(await readFile('openapi.json', 'utf8'))).toEqual(document);
  });

  it('lists its tags in the order a person uses them, and names a server', () => {
    expect(document.tags?.map((tag) => tag.name)).toEqual(names);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('has more than 80 operations (so the checks below are not vacuous)', () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  it('puts each operation in exactly one known section, with a summary and a description', () => {
    for (const [name, operation] of operations) {
      expect({
        name,
        tags: operation.tags?.length === 1 && names.includes(operation.tags[0]),
        summary: Boolean(operation.summary),
        description: Boolean(operation.description),
      }).toEqual({ name, tags: true, summary: true, description: true });
    }
  });

  it('declares every path parameter', () => {
    for (const [name, operation] of operations) {
      const inPath = [...name.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name)
        .sort();
      expect({ name, declared }).toEqual({ name, declared: inPath });
    }
  });

  it('documents a success answer with its content (or none, for 204 and redirects)', () => {
    for (const [name, operation] of operations) {
      const success = Object.entries(operation.responses).filter(([status]) =>
        /^[23]\d\d$/.test(status),
      );
      const complete = success.every(
        ([status, response]) =>
          status === '204' ||
          status === '304' ||
          Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
      );
      expect({ name, success: success.length > 0, complete }).toEqual({
        name,
        success: true,
        complete: true,
      });
    }
  });

  it('documents the refusals of every operation, each with a body schema', () => {
    for (const [name, operation] of operations) {
      const refusals = Object.entries(operation.responses).filter(([status]) => /^4/.test(status));
      const shaped = refusals.every(([, response]) =>
        Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
      );
      expect({
        name,
        refusals: refusals.length > 0 || HEALTH_PROBES.includes(name),
        shaped,
      }).toEqual({
        name,
        refusals: true,
        shaped: true,
      });
    }
  });

  it('says for each operation whether it needs a token', () => {
    for (const [name, operation] of operations) {
      expect({ name, security: Array.isArray(operation.security) }).toEqual({
        name,
        security: true,
      });
    }
  });
});
