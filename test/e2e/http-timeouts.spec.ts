import { readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { adminToken } from '../utils/auth.js';
import { eventually } from '../utils/eventually.js';
import { createDataset } from '../utils/datasets.js';
import { authed, createProject } from '../utils/fixtures.js';
import { listen, slowRequest, type Pause } from '../utils/raw-http.js';

const pause = (pauseMs: number): Pause => ({ pauseMs });

/** `count` chunks of `size` bytes with `pauseMs` between them. */
function drip(count: number, size: number, pauseMs: number): (Buffer | Pause)[] {
  const parts: (Buffer | Pause)[] = [];
  for (let i = 0; i < count; i += 1) {
    parts.push(Buffer.alloc(size, 0x61 + i), pause(pauseMs));
  }
  return parts;
}

describe('HTTP timeouts with slow clients', () => {
  let testApp: TestApp;
  let server: Server;
  let token: string;
  let pk: number;

  const uploadHead = (filename: string, length: number) =>
    [
      `POST /v1/datasets/${pk}/files/${filename} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${token}`,
      'Content-Type: application/data',
      `Content-Disposition: attachment; filename=${filename}`,
      `Content-Length: ${length}`,
    ].join('\r\n');

  const storedNames = async () => {
    const response = await request(server).get(`/v1/datasets/${pk}`).set(authed(token)).expect(200);
    return Object.keys((response.body as { files: Record<string, string> }).files);
  };

  const stagingFiles = async () =>
    (
      await readdir(path.join(testApp.config.dataDir, 'blobs', '.staging')).catch(
        () => [] as string[],
      )
    ).filter((name) => !name.startsWith('.'));

  beforeAll(async () => {
    testApp = await createTestApp({
      env: {
        HTTP_REQUEST_TIMEOUT: '1',
        HTTP_UPLOAD_IDLE_TIMEOUT: '2',
        HTTP_KEEP_ALIVE_TIMEOUT: '61',
        HTTP_HEADERS_TIMEOUT: '62',
      },
    });
    server = testApp.app.getHttpServer() as Server;
    await listen(server);
    token = await adminToken(testApp);
    const team = (
      await request(server).post('/v1/teams/create').set(authed(token)).send({ name: 'slow' })
    ).body as { pk: number };
    const project = await createProject(testApp, token, team.pk);
    pk = (await createDataset(testApp, token, project.pk)).pk;
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should apply the keep-alive and headers timeouts and leave Node no total timeout', () => {
    expect(server.keepAliveTimeout).toBe(61_000);
    expect(server.headersTimeout).toBe(62_000);
    expect(server.requestTimeout).toBe(0);
  });

  it('should take an upload that keeps sending for longer than the request timeout', async () => {
    // 6 x 500 ms: three times the request timeout, never idle for the upload idle timeout.
    const parts = drip(6, 1000, 500);
    const response = await slowRequest(server, uploadHead('slow.bin', 6000), parts);
    expect(response.status).toBe(200);
    expect(await storedNames()).toContain('slow.bin');
    expect(await stagingFiles()).toEqual([]);
  });

  it('should cut an upload that stalls for longer than the idle timeout, storing nothing', async () => {
    const parts = [Buffer.alloc(1000, 0x61), pause(5000), Buffer.alloc(1000, 0x62)];
    const response = await slowRequest(server, uploadHead('stalled.bin', 2000), parts);
    expect(response.cutShort).toBe(true);
    expect(response.status).toBe(408);
    expect(JSON.parse(response.text)).toEqual({ detail: 'The request took too long to arrive.' });
    // The handler learns of the cut after the client did: its clean-up may lag a little.
    await eventually(async () => (await stagingFiles()).length === 0);
    expect(await storedNames()).not.toContain('stalled.bin');
  });

  it('should cut a request other than an upload that takes longer than the request timeout', async () => {
    const body = JSON.stringify({ name: 'never-arrives', project: 1, licence: 11 });
    const head = [
      'POST /v1/datasets/create HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${token}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
    ].join('\r\n');
    // Never idle for long, but 8 x 300 ms in all.
    const parts: (string | Pause)[] = [];
    for (const character of body.slice(0, 8)) {
      parts.push(character, pause(300));
    }
    parts.push(body.slice(8));
    const response = await slowRequest(server, head, parts);
    expect(response.cutShort).toBe(true);
    expect(response.status).toBe(408);
    expect(JSON.parse(response.text)).toEqual({ detail: 'The request took too long to arrive.' });
  });

  it('should not limit how long the answer to a request takes once it has arrived', async () => {
    const head = [
      `GET /v1/datasets/${pk} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${token}`,
    ].join('\r\n');
    // The connection stays open past the request timeout after a complete answer.
    const response = await slowRequest(server, head, [pause(1500)]);
    expect(response.status).toBe(200);
    expect(response.cutShort).toBe(false);
  });
});
