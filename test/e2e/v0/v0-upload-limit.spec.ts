import type http from 'node:http';
import request from 'supertest';
import { authed, createCast, type Cast } from '../../utils/fixtures.js';
import { FORM_CONTENT_TYPE, multipartBody as multipart } from '../../utils/multipart.js';
import { listen, rawRequest } from '../../utils/raw-http.js';
import { createTestApp, type TestApp } from '../../utils/test-app.js';
import { v0Dataset, type V0Dataset } from '../../utils/v0.js';

/**
 * The upload size limit on /v0 (MAX_UPLOAD_BYTES, set small here): 413 in data.world's error
 * shape, nothing stored. Its own file: a second app in one file would take over the first's
 * JWT strategy (passport keeps strategies in one global registry).
 */

describe('upload size limit', () => {
  let small: TestApp;
  let smallCast: Cast;

  beforeAll(async () => {
    small = await createTestApp({ env: { MAX_UPLOAD_BYTES: '1000' } });
    await listen(small.app.getHttpServer() as http.Server);
    smallCast = await createCast(small);
  });

  afterAll(async () => {
    await small.close();
  });

  const smallFiles = async (dataset: V0Dataset) =>
    (
      await request(small.app.getHttpServer())
        .get(`/v1/datasets/${dataset.pk}`)
        .set(authed(smallCast.admin))
    ).body.files as Record<string, string>;

  it.each([
    ['with a Content-Length', false],
    ['chunked', true],
  ])('should answer 413 for a raw upload over the limit, %s', async (_how, chunked) => {
    const dataset = await v0Dataset(small, smallCast);
    const response = await rawRequest(small.app.getHttpServer() as http.Server, {
      method: 'PUT',
      path: `/v0/uploads/${dataset.owner}/${dataset.id}/files/big.bin`,
      headers: authed(smallCast.admin),
      body: Buffer.alloc(1001),
      chunked,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({
      code: 413,
      message: expect.stringContaining('1000'),
    });
    expect(await smallFiles(dataset)).toEqual({});
  });

  it('should answer 413 for a multipart part over the limit, storing no part', async () => {
    const dataset = await v0Dataset(small, smallCast);
    const response = await request(small.app.getHttpServer())
      .post(`/v0/uploads/${dataset.owner}/${dataset.id}/files`)
      .set(authed(smallCast.admin))
      .set('Content-Type', FORM_CONTENT_TYPE)
      .send(
        multipart([
          { filename: 'fits.bin', content: Buffer.alloc(1000) },
          { filename: 'big.bin', content: Buffer.alloc(1001) },
        ]),
      )
      .expect(413);
    expect(response.body).toEqual({ code: 413, message: expect.any(String) });
    expect(await smallFiles(dataset)).toEqual({});
  });

  it('should accept exactly the limit', async () => {
    const dataset = await v0Dataset(small, smallCast);
    const response = await rawRequest(small.app.getHttpServer() as http.Server, {
      method: 'PUT',
      path: `/v0/uploads/${dataset.owner}/${dataset.id}/files/edge.bin`,
      headers: authed(smallCast.admin),
      body: Buffer.alloc(1000),
      chunked: true,
    });
    expect(response.status).toBe(200);
    expect(Object.keys(await smallFiles(dataset))).toEqual(['edge.bin']);
  });
});
