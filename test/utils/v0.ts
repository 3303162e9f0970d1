import request from 'supertest';
import { createDataset } from './datasets.js';
import { authed, createProject, createTeam, unique, type Cast } from './fixtures.js';
import { sql } from './sql.js';
import type { TestApp } from './test-app.js';

/** A dataset as both faces name it: its /v1 pk, and its /v0 `owner/id` (team and lineage slugs). */
export interface V0Dataset {
  readonly team: { pk: number; name: string };
  readonly project: { pk: number; name: string };
  readonly pk: number;
  readonly owner: string;
  readonly id: string;
  /** `/v0/datasets/{owner}/{id}`, ready to request. */
  readonly path: string;
}

export async function teamSlug(testApp: TestApp, teamPk: number): Promise<string> {
  const rows = await sql<{ slug: string }>(
    testApp.database,
    'SELECT slug FROM teams WHERE id = $1',
    [teamPk],
  );
  return rows[0].slug;
}

export async function datasetSlug(testApp: TestApp, pk: number): Promise<string> {
  const rows = await sql<{ slug: string }>(
    testApp.database,
    'SELECT slug FROM datasets WHERE id = $1',
    [pk],
  );
  return rows[0].slug;
}

/**
 * A team in which the cast holds its levels, a project, and a dataset made through /v1 (by the
 * site admin), with the slugs /v0 addresses it by.
 */
export async function v0Dataset(
  testApp: TestApp,
  cast: Cast,
  fields: { name?: string; is_public?: boolean; tags?: string; description?: string } = {},
): Promise<V0Dataset> {
  const team = await createTeam(testApp, cast);
  const project = await createProject(testApp, cast.admin, team.pk);
  const dataset = await createDataset(testApp, cast.admin, project.pk, {
    name: fields.name ?? unique('Data Set'),
    ...fields,
  });
  const owner = await teamSlug(testApp, team.pk);
  const id = await datasetSlug(testApp, dataset.pk);
  return { team, project, pk: dataset.pk, owner, id, path: `/v0/datasets/${owner}/${id}` };
}

/** A supertest agent on the app, for /v0 calls. */
export function v0Http(testApp: TestApp) {
  return request(testApp.app.getHttpServer());
}

export { authed };

/** Keeps a response's body as bytes, whatever its content type. */
export function asBytes(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
