import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { CURSOR_BATCH_ROWS } from '../../src/database/cursor.js';
import { createDataset } from '../utils/datasets.js';
import { authed, createCast, createProject, createTeam, type Cast } from '../utils/fixtures.js';
import { sql } from '../utils/sql.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/** More rows than one cursor batch holds, so an answer spans several. */
const ROWS = CURSOR_BATCH_ROWS * 2 + 137;

const handleOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The body as the server sent it, untouched by any JSON parser. */
const asText = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
};

/**
 * Lists without `limit` and the all-files metadata map can hold every row of a table: they are
 * read from a cursor and streamed, and must stay the exact text a single JSON.stringify made.
 */
describe('/v1 answers streamed from a cursor', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: number;
  const server = () => testApp.app.getHttpServer();

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = (await createProject(testApp, cast.actors.W.token!, team.pk)).pk;
    // Every third dataset public, so the anonymous list is a filtered one.
    await sql(
      testApp.database,
      `WITH m AS (INSERT INTO file_manifests SELECT FROM generate_series(1, $2) RETURNING id)
       INSERT INTO datasets (name, project_id, team_id, licence_id, is_public, slug, manifest_id, tags)
       SELECT 'bulk-' || m.id, $1, p.team_id, 11, m.id % 3 = 0, 'bulk-' || m.id, m.id, 'tag ' || m.id % 7
       FROM m, projects p WHERE p.id = $1`,
      [project, ROWS],
    );
    // A few datasets with files, names that look like integers included (kept in upload order).
    await sql(testApp.database, `INSERT INTO blobs (handle, size) VALUES ($1, 1), ($2, 2)`, [
      handleOf('a'),
      handleOf('b'),
    ]);
    await sql(
      testApp.database,
      `INSERT INTO dataset_files (manifest_id, filename, blob_handle)
       SELECT d.manifest_id, f.name, f.handle
       FROM datasets d, unnest($1::text[], $2::text[]) WITH ORDINALITY AS f(name, handle, i)
       WHERE d.name IN ('bulk-5', 'bulk-1200', 'bulk-2100')
       ORDER BY d.id, f.i`,
      [
        ['b.txt', '10', 'a.txt', '2', '01'],
        [handleOf('a'), handleOf('b'), handleOf('a'), handleOf('b'), handleOf('a')],
      ],
    );
  });

  afterAll(() => testApp?.close());

  const list = (token: string | undefined, query = '', body?: object) => {
    const call = request(server()).post(`/v1/datasets/list${query}`).set(authed(token));
    return (body ? call.send(body) : call).buffer(true).parse(asText);
  };

  /** Every page of `?limit=1000`, following the Link headers: the paged path, not streamed. */
  /** The pages' items, and the one array's text they make (kept as sent: files maps keep order). */
  async function allPages(
    token: string | undefined,
    body?: object,
  ): Promise<{ items: unknown[]; text: string }> {
    const items: unknown[] = [];
    const texts: string[] = [];
    let url: string | undefined = '/v1/datasets/list?limit=1000';
    while (url) {
      const call = request(server()).post(url).set(authed(token));
      const response = await (body ? call.send(body) : call).buffer(true).parse(asText).expect(200);
      const page = response.body as string;
      items.push(...(JSON.parse(page) as unknown[]));
      if (page !== '[]') {
        texts.push(page.slice(1, -1));
      }
      const next = /^<[^>]*(\/v1\/[^>]+)>; rel="next"$/.exec(response.headers.link ?? '');
      url = next?.[1];
    }
    return { items, text: `[${texts.join(',')}]` };
  }

  it('should stream a list of several batches, byte for byte what one JSON array would be', async () => {
    const response = await list(cast.admin).expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    // Streamed: sent as it is read, so no length is known up front.
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-length']).toBeUndefined();
    const text = response.body as string;
    const pages = await allPages(cast.admin);
    expect(pages.items).toHaveLength(ROWS);
    expect(text).toBe(pages.text);
    // The files map in upload order, as GET /v1/datasets/{pk} writes it (not an object's order).
    const a = handleOf('a');
    const b = handleOf('b');
    const files = `"files":{"b.txt":"${a}","10":"${b}","a.txt":"${a}","2":"${b}","01":"${a}"}`;
    expect(text).toMatch(new RegExp(`"name":"bulk-1200"[^{}]*${files.replace(/[.{}]/g, '\\$&')}`));
  });

  it('should stream filtered and ordered lists the same way', async () => {
    const body = { order_by: [{ field: 'name', ascending: false }] };
    const ordered = await list(cast.admin, '', body).expect(200);
    expect(ordered.body).toBe((await allPages(cast.admin, body)).text);
    const names = (JSON.parse(ordered.body as string) as { name: string }[]).map((d) => d.name);
    expect(names).toEqual([...names].sort().reverse());

    const anonymous = await list(undefined).expect(200);
    const publicOnes = JSON.parse(anonymous.body as string) as { is_public: boolean }[];
    expect(publicOnes).toHaveLength(Math.floor(ROWS / 3));
    expect(publicOnes.every((dataset) => dataset.is_public)).toBe(true);
    expect(anonymous.body).toBe((await allPages(undefined)).text);
  });

  it('should send a list that fits one batch whole, with its length, as before', async () => {
    const body = { expressions: [{ type: 'exact', field: 'tags', value: 'tag 3' }] };
    const response = await list(cast.admin, '', body).expect(200);
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
    expect(JSON.parse(response.body as string)).toHaveLength(
      Array.from({ length: ROWS }, (_, i) => i + 1).filter((id) => id % 7 === 3).length,
    );
  });

  it('should still answer errors found before the first byte as usual', async () => {
    const response = await list(cast.admin, '', { order_by: 'name' }).expect(400);
    expect(JSON.parse(response.body as string)).toEqual(expect.any(Object));
  });

  it('should give the connection back when a client leaves mid-answer', async () => {
    const listening = server() as http.Server;
    if (!listening.listening) {
      await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    }
    const { port } = listening.address() as AddressInfo;
    // More abandoned answers than the pool has connections: a leak would starve the next ones.
    for (let i = 0; i < 12; i += 1) {
      await new Promise<void>((resolve, reject) => {
        const call = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/datasets/list',
          headers: authed(cast.admin),
        });
        call.on('response', (response) => {
          response.once('data', () => {
            call.destroy();
            resolve();
          });
        });
        call.on('error', reject);
        call.end();
      });
    }
    const response = await list(cast.admin).expect(200);
    expect(JSON.parse(response.body as string)).toHaveLength(ROWS);
  });

  it('should stream the metadata of every file in upload order, whatever the names look like', async () => {
    const dataset = await createDataset(testApp, cast.actors.W.token!, project);
    const names: string[] = [];
    for (let i = 0; i < ROWS; i += 1) {
      const kind = i % 4;
      names.push(
        kind === 0
          ? String((ROWS - i) * 3)
          : kind === 1
            ? `f-${i}`
            : kind === 2
              ? `0${i}`
              : `d/${i}`,
      );
    }
    names.push('4294967294', '4294967295', '99999999999', '-1', '1.5', '__proto__', 'constructor');
    const metadata = names.map((name, i) => (i % 3 === 0 ? '' : `{"n":"${name}","ü":${i}}`));
    await sql(
      testApp.database,
      `INSERT INTO blobs (handle, size) VALUES ($1, 1) ON CONFLICT DO NOTHING`,
      [handleOf('a')],
    );
    await sql(
      testApp.database,
      `INSERT INTO dataset_files (manifest_id, filename, blob_handle, metadata)
       SELECT d.manifest_id, f.name, $4, f.metadata
       FROM datasets d, unnest($2::text[], $3::text[]) WITH ORDINALITY AS f(name, metadata, i)
       WHERE d.id = $1 ORDER BY f.i`,
      [dataset.pk, names, metadata, handleOf('a')],
    );
    const response = await request(server())
      .get(`/v1/datasets/${dataset.pk}/metadata`)
      .set(authed(cast.admin))
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    // Written pair by pair: an object would move `1`-like names first and swallow `__proto__`.
    const pairs = names.map((name, i) => `${JSON.stringify(name)}:${JSON.stringify(metadata[i])}`);
    expect(response.body).toBe(`{${pairs.join(',')}}`);
  });
});
