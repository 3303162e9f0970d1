import {
  createStrataClient,
  type components,
  type StrataClient,
  type StrataClientOptions,
} from '../../clients/typescript/src/index.js';
import { freePort } from '../utils/free-port.js';
import { OpenApiSchemas, type OpenApiDocument } from '../utils/openapi-schema.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';
import { unzip } from '../utils/zip-read.js';

/**
 * Issue #12 item 3: the whole core flow through the client generated from openapi.json, with
 * nothing but its types. A field the document gets wrong fails twice: at compile time (the
 * typecheck step) where the test reads it, and at run time, where every answer is checked
 * against the document the app serves.
 */

/** The answer's body; any other outcome fails the test with what the server said. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(
      `${result.response.status} from ${result.response.url}: ${JSON.stringify(result.error)}`,
    );
  }
  return result.data;
}

/** The component the document uses for a team's answers. */
const TEAM_SCHEMA = 'V1TeamDto';

interface DocumentedResponse {
  content?: Record<string, unknown>;
}

/**
 * Checks every answer against the served document: a JSON body against the schema of its
 * operation and status, any other body against the media types documented for that status.
 */
function checkAnswersAgainst(document: OpenApiDocument, mismatches: string[]) {
  const schemas = new OpenApiSchemas(document);
  return {
    async onResponse({
      request,
      response,
      schemaPath,
    }: {
      request: Request;
      response: Response;
      schemaPath: string;
    }): Promise<undefined> {
      const operation = `${request.method} ${schemaPath} ${response.status}`;
      const mediaType = response.headers.get('content-type')?.split(';')[0].trim();
      if (mediaType === undefined || response.status === 204) {
        return undefined;
      }
      let errors: string[];
      if (mediaType === 'application/json') {
        const body: unknown = await response.clone().json();
        errors = schemas.answerErrors(request.method, schemaPath, response.status, body);
      } else {
        const item = document.paths[schemaPath]?.[request.method.toLowerCase()] as
          { responses?: Record<string, DocumentedResponse> } | undefined;
        const documented = Object.keys(item?.responses?.[response.status]?.content ?? {});
        errors = documented.includes(mediaType)
          ? []
          : [`answered ${mediaType}; documented: ${documented.join(', ') || 'nothing'}`];
      }
      if (errors.length > 0) {
        mismatches.push(`${operation}: ${errors.join('; ')}`);
        throw new Error(`${operation} does not match the document: ${errors.join('; ')}`);
      }
      return undefined;
    },
  };
}

describe('the typed client generated from openapi.json', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let document: OpenApiDocument;
  const mismatches: string[] = [];

  const client = (options: StrataClientOptions = {}): StrataClient => {
    const strata = createStrataClient(baseUrl, options);
    strata.use(checkAnswersAgainst(document, mismatches));
    return strata;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const port = await freePort();
    await testApp.app.listen(port, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
    const served = await fetch(`${baseUrl}/docs-json`);
    expect(served.status).toBe(200);
    document = (await served.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await testApp.close();
  });

  afterEach(() => {
    expect(mismatches).toEqual([]);
  });

  it('should obtain, create, upload, list, download, zip, copy and delete', async () => {
    const anonymous = client();
    const tokens = ok(
      await anonymous.POST('/v1/auth/obtain', {
        body: { username: TEST_ADMIN.username, password: TEST_ADMIN.password },
      }),
    );
    const strata = client({ token: tokens.access });

    // get_by_name: a name (not digits) answers an array holding that user.
    const me = ok(
      await strata.GET('/v1/users/{pk}', { params: { path: { pk: TEST_ADMIN.username } } }),
    );
    expect(Array.isArray(me) && me.map((user) => user.username)).toEqual([TEST_ADMIN.username]);

    const team = ok(await strata.POST('/v1/teams/create', { body: { name: 'typed-team' } }));
    expect(team.name).toBe('typed-team');
    // The answers are typed, not `any`: a field the document does not name does not compile.
    // @ts-expect-error a team has no `colour`
    expect(team.colour).toBeUndefined();
    const project = ok(
      await strata.POST('/v1/projects/create', { body: { name: 'typed', team: team.pk } }),
    );
    expect(project.team).toBe(team.pk);
    const dataset = ok(
      await strata.POST('/v1/datasets/create', {
        body: {
          name: 'typed-flow',
          project: project.pk,
          licence: 1,
          description: 'made by the typed client',
          is_public: false,
          tags: 'typed',
        },
      }),
    );
    expect([dataset.name, dataset.version, dataset.files]).toEqual(['typed-flow', 1, {}]);

    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, ...Buffer.from('\nhello, typed\n')]);
    const added = ok(
      await strata.POST('/v1/datasets/{pk}/files/{filename}', {
        params: {
          path: { pk: dataset.pk, filename: 'dir/hello.bin' },
          header: { 'Content-Disposition': 'attachment; filename="hello.bin"' },
        },
        headers: { 'Content-Type': 'application/octet-stream' },
        body: new Blob([bytes]),
        // The bytes go as they are, not as JSON.
        bodySerializer: (body) => body,
      }),
    );
    expect(added.filename).toBe('dir/hello.bin');

    const listed = ok(
      await strata.POST('/v1/datasets/list', {
        body: {
          expressions: [{ type: 'exact', field: 'name', value: 'typed-flow' }],
          order_by: [{ field: 'pk', ascending: false }],
        },
      }),
    );
    expect(listed.map((found) => [found.pk, Object.keys(found.files)])).toEqual([
      [dataset.pk, ['dir/hello.bin']],
    ]);

    const downloaded = ok(
      await strata.GET('/v1/datasets/{pk}/files/{filename}', {
        params: { path: { pk: dataset.pk, filename: 'dir/hello.bin' } },
        parseAs: 'arrayBuffer',
      }),
    );
    expect(new Uint8Array(downloaded)).toEqual(bytes);

    // A typed constant: an inline 'zip' would widen to string and lose parseAs's typing.
    const asZip: components['schemas']['V1DownloadRequestDto'] = { filetype: 'zip' };
    const archive = ok(
      await strata.POST('/v1/datasets/{pk}/download', {
        params: { path: { pk: dataset.pk } },
        body: asZip,
        parseAs: 'arrayBuffer',
      }),
    );
    expect(await unzip(Buffer.from(archive))).toEqual([['dir/hello.bin', Buffer.from(bytes)]]);

    const copy = ok(
      await strata.POST('/v1/datasets/{pk}/copy', {
        params: { path: { pk: dataset.pk } },
        body: {},
      }),
    );
    expect([copy.name, copy.version, copy.previous_version]).toEqual(['typed-flow', 2, 1]);
    expect(Object.keys(copy.files)).toEqual(['dir/hello.bin']);

    const deleted = await strata.DELETE('/v1/datasets/{pk}', {
      params: { path: { pk: copy.pk } },
    });
    expect(deleted.response.status).toBe(204);
    // Soft-deleted: still retrievable, with its deletion time, and no longer listed.
    const gone = ok(await strata.GET('/v1/datasets/{pk}', { params: { path: { pk: copy.pk } } }));
    expect(gone.deletion_time).toEqual(expect.any(String));
    const left = ok(
      await strata.POST('/v1/datasets/list', {
        body: { expressions: [{ type: 'exact', field: 'name', value: 'typed-flow' }] },
      }),
    );
    expect(left.map((found) => found.pk)).toEqual([dataset.pk]);

    // Refusals are typed and checked too: `{detail}` on /v1.
    const missing = await strata.GET('/v1/datasets/{pk}', { params: { path: { pk: 2147483647 } } });
    expect([missing.response.status, missing.error]).toEqual([404, { detail: 'Not found.' }]);
  });

  it('should fail a call whose answer the document describes wrongly', async () => {
    const token = ok(
      await client().POST('/v1/auth/obtain', {
        body: { username: TEST_ADMIN.username, password: TEST_ADMIN.password },
      }),
    ).access;
    // The same document, except that it says a team is an object whose pk is a string.
    const wrong = structuredClone(document);
    expect(wrong.components.schemas[TEAM_SCHEMA]).toHaveProperty('properties.pk');
    wrong.components.schemas[TEAM_SCHEMA] = {
      type: 'object',
      required: ['pk'],
      properties: { pk: { type: 'string' } },
    };
    const seen: string[] = [];
    const strata = createStrataClient(baseUrl, { token });
    strata.use(checkAnswersAgainst(wrong, seen));

    await expect(
      strata.POST('/v1/teams/create', { body: { name: 'typed-wrong' } }),
    ).rejects.toThrow('POST /v1/teams/create 201 does not match the document: /pk must be string');
    expect(seen).toHaveLength(1);
  });
});
