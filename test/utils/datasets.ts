import request from 'supertest';
import type { TestApp } from './test-app.js';
import { authed, unique } from './fixtures.js';

export const MIT = 11;

/** The keys of UFDL's dataset JSON, in their order (part of the /v1 contract). */
export const DATASET_KEYS = [
  'pk',
  'name',
  'version',
  'previous_version',
  'description',
  'project',
  'licence',
  'is_public',
  'domain',
  'tags',
  'creator',
  'creation_time',
  'deletion_time',
  'files',
];

export async function createDataset(
  testApp: TestApp,
  token: string,
  project: number,
  fields: { name?: string; is_public?: boolean; tags?: string; description?: string } = {},
) {
  const response = await request(testApp.app.getHttpServer())
    .post('/v1/datasets/create')
    .set(authed(token))
    .send({
      name: fields.name ?? unique('ds'),
      project,
      licence: MIT,
      description: fields.description ?? '',
      is_public: fields.is_public ?? false,
      tags: fields.tags ?? '',
    })
    .expect(201);
  return response.body as {
    pk: number;
    name: string;
    version: number;
    files: Record<string, string>;
  };
}

/** Uploads as the official clients do: raw bytes, application/data, Content-Disposition. */
export function upload(
  testApp: TestApp,
  token: string | undefined,
  pk: number,
  filename: string,
  body: Buffer | string,
) {
  return request(testApp.app.getHttpServer())
    .post(`/v1/datasets/${pk}/files/${filename}`)
    .set(authed(token))
    .set('Content-Type', 'application/data')
    .set('Content-Disposition', `attachment; filename=${filename.split('/').pop() ?? 'data'}`)
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body));
}

/** Sets a file's metadata through /v1 (UFDL's set_metadata), expecting success. */
export function setFileMetadata(
  testApp: TestApp,
  token: string,
  pk: number,
  filename: string,
  metadata: string,
) {
  return request(testApp.app.getHttpServer())
    .post(`/v1/datasets/${pk}/metadata/${filename}`)
    .set(authed(token))
    .send({ metadata })
    .expect(200);
}
