import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createTestApp, TEST_ADMIN, type TestApp } from '../utils/test-app.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The official clients' core flow, with requests shaped as `ufdl-clients.md` describes them:
 * no trailing slashes, list with no body and no Content-Type, raw uploads labelled
 * application/data with Content-Disposition, and the clients' answer to a 401 (refresh, and if
 * that is refused too, obtain again; then retry).
 */
class UfdlClient {
  private access?: string;
  private refreshToken?: string;
  readonly log: string[] = [];

  constructor(
    private readonly base: string,
    private readonly credentials: { username: string; password: string },
  ) {}

  async request(
    method: string,
    path: string,
    init: {
      json?: unknown;
      /** Bytes, or a stream made anew for each attempt (a 401 retry cannot replay one). */
      raw?: Buffer | (() => Readable);
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (!this.access) {
        await this.obtain();
      }
      const headers: Record<string, string> = {
        Authorization: `Bearer ${this.access}`,
        ...init.headers,
      };
      let body: RequestInit['body'];
      if (init.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(init.json);
      } else if (Buffer.isBuffer(init.raw)) {
        body = init.raw;
      } else if (init.raw) {
        body = Readable.toWeb(init.raw()) as ReadableStream; // chunked, like the Python client
      }
      const response = await fetch(`${this.base}/${path}`, {
        method,
        headers,
        body,
        ...(init.raw && !Buffer.isBuffer(init.raw) ? { duplex: 'half' } : {}),
      });
      this.log.push(`${method} ${path} ${response.status}`);
      if (response.status !== 401) {
        return response;
      }
      await response.arrayBuffer();
      this.access = undefined;
      const refreshed = await fetch(`${this.base}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh: this.refreshToken }),
      });
      this.log.push(`POST v1/auth/refresh ${refreshed.status}`);
      if (refreshed.ok) {
        this.access = ((await refreshed.json()) as { access: string }).access;
      }
    }
    throw new Error(`gave up on ${method} ${path}`);
  }

  /** As if the access token had just expired: the next request is refused, refreshed, retried. */
  expireAccess(): void {
    this.access = 'expired';
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    init: Parameters<UfdlClient['request']>[2] = {},
  ): Promise<T> {
    const response = await this.request(method, path, init);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async obtain(): Promise<void> {
    const response = await fetch(`${this.base}/v1/auth/obtain`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(this.credentials),
    });
    this.log.push(`POST v1/auth/obtain ${response.status}`);
    const tokens = (await response.json()) as { access: string; refresh: string };
    this.access = tokens.access;
    this.refreshToken = tokens.refresh;
  }
}

function zipOf(entries: [string, string][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) {
    zip.addBuffer(Buffer.from(content), name);
  }
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function unzip(archive: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        reject(error ?? new Error('no zip'));
        return;
      }
      const files: Record<string, string> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) {
            reject(openError ?? new Error('no stream'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(chunks).toString();
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describe('the official clients’ core flow', () => {
  let testApp: TestApp;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { ACCESS_TOKEN_LIFETIME: '1' } });
    server = testApp.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should log in, create, upload, annotate, copy, merge, download, delete, reinstate and hard-delete', async () => {
    const client = new UfdlClient(base, TEST_ADMIN);
    const me = await client.json<{ pk: number; username: string }[]>(
      'GET',
      `v1/users/${TEST_ADMIN.username}`,
    );
    expect(me[0].username).toBe(TEST_ADMIN.username);

    const team = await client.json<{ pk: number }>('POST', 'v1/teams/create', {
      json: { name: 'flow' },
    });
    const project = await client.json<{ pk: number }>('POST', 'v1/projects/create', {
      json: { name: 'flow', team: team.pk },
    });
    const dataset = await client.json<{ pk: number; name: string }>('POST', 'v1/datasets/create', {
      json: {
        name: 'flow-ds',
        project: project.pk,
        licence: 11,
        description: '',
        is_public: false,
        tags: '',
      },
    });

    // The access token lives one second: let it expire, as between a client's calls.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const listed = await client.request('POST', 'v1/datasets/list'); // no body, no Content-Type
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { pk: number }[]).map((d) => d.pk)).toContain(dataset.pk);
    expect(client.log).toEqual(
      expect.arrayContaining([
        'POST v1/datasets/list 401',
        'POST v1/auth/refresh 200',
        'POST v1/datasets/list 200',
      ]),
    );

    const uploadHeaders = (name: string) => ({
      'Content-Type': 'application/data',
      'Content-Disposition': `attachment; filename=${name}`,
    });
    const added = await client.json<{ filename: string; handle: string }>(
      'POST',
      `v1/datasets/${dataset.pk}/files/a.jpg`,
      {
        raw: Buffer.from('image-a'),
        headers: uploadHeaders('a.jpg'),
      },
    );
    expect(added).toEqual({ filename: 'a.jpg', handle: sha256('image-a') });
    // The Python client: a quoted name in the path, a chunked generator body (sent again, from
    // the start, after the refresh its first attempt's 401 calls for).
    client.expireAccess();
    const chunked = await client.json<{ filename: string }>(
      'POST',
      `v1/datasets/${dataset.pk}/files/a%20b.jpg`,
      {
        raw: () => Readable.from([Buffer.from('image-'), Buffer.from('b')]),
        headers: uploadHeaders('a b.jpg'),
      },
    );
    expect(chunked.filename).toBe('a b.jpg');
    const multi = await client.json<{ filename: string }[]>(
      'POST',
      `v1/datasets/${dataset.pk}/files-multi`,
      {
        raw: await zipOf([['zipped/c.jpg', 'image-c']]),
        headers: uploadHeaders('data'),
      },
    );
    expect(multi.map((file) => file.filename)).toEqual(['zipped/c.jpg']);

    const metadata = await client.json<{ metadata: string }>(
      'POST',
      `v1/datasets/${dataset.pk}/metadata/a.jpg`,
      {
        json: { metadata: '{"label":"cat"}' },
      },
    );
    expect(metadata).toEqual({ metadata: '{"label":"cat"}' });
    expect(await client.json('GET', `v1/datasets/${dataset.pk}/metadata`)).toEqual({
      'a.jpg': '{"label":"cat"}',
      'a b.jpg': '',
      'zipped/c.jpg': '',
    });
    const bytes = await client.request('GET', `v1/datasets/${dataset.pk}/files/a.jpg`);
    expect(bytes.headers.get('content-type')).toBe('application/data');
    expect(Buffer.from(await bytes.arrayBuffer()).toString()).toBe('image-a');
    const byHandle = await client.request(
      'GET',
      `v1/datasets/${dataset.pk}/file-handles/${sha256('image-a')}`,
    );
    expect(Buffer.from(await byHandle.arrayBuffer()).toString()).toBe('image-a');

    const copy = await client.json<{ pk: number; version: number; files: Record<string, string> }>(
      'POST',
      `v1/datasets/${dataset.pk}/copy`,
    );
    expect(copy.version).toBe(2);
    const other = await client.json<{ pk: number }>('POST', `v1/datasets/${dataset.pk}/copy`, {
      json: { new_name: 'flow-other', only_files: ['a.jpg'] },
    });
    await client.json('POST', `v1/datasets/${other.pk}/files/d.jpg`, {
      raw: Buffer.from('image-d'),
      headers: uploadHeaders('d.jpg'),
    });
    const merged = await client.json<{ files: Record<string, string> }>(
      'POST',
      `v1/datasets/${copy.pk}/merge/${other.pk}`,
      {
        json: { delete: true },
      },
    );
    expect(Object.keys(merged.files)).toEqual(['a.jpg', 'a b.jpg', 'zipped/c.jpg', 'd.jpg']);

    for (const body of [{ filetype: 'zip' }, { filetype: 'zip', params: {} }]) {
      const archive = await client.request('POST', `v1/datasets/${copy.pk}/download`, {
        json: body,
      });
      expect(archive.status).toBe(200);
      expect(archive.headers.get('content-disposition')).toContain('flow-ds.v2.zip');
      expect(await unzip(Buffer.from(await archive.arrayBuffer()))).toEqual({
        'a.jpg': 'image-a',
        'a b.jpg': 'image-b',
        'zipped/c.jpg': 'image-c',
        'd.jpg': 'image-d',
      });
    }

    const destroyed = await client.request('DELETE', `v1/datasets/${copy.pk}`);
    expect(destroyed.status).toBe(204);
    const reinstated = await client.json<{ deletion_time: string | null }>(
      'DELETE',
      `v1/datasets/${copy.pk}/reinstate`,
    );
    expect(reinstated.deletion_time).toBeNull();
    const cleared = await client.json<{ pk: number }>('DELETE', `v1/datasets/${copy.pk}/clear`);
    expect(cleared.pk).toBe(copy.pk);
    const hard = await client.json<{ pk: number }>('DELETE', `v1/datasets/${copy.pk}/hard`);
    expect(hard.pk).toBe(copy.pk);
    expect((await client.request('GET', `v1/datasets/${copy.pk}`)).status).toBe(404);
    // Nothing in the flow was answered with a 5xx, and 401 only ever meant an expired token.
    expect(client.log.filter((line) => / 5\d\d$/.test(line))).toEqual([]);
  });
});
