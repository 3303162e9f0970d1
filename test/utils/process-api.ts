/**
 * Plain fetch() calls to a Strata started as a process (test/utils/server-process.ts), for the
 * tests that kill, signal or starve a real server and so cannot use supertest.
 */

/** What these calls read of an answer: only the keys the tests look at. */
export interface ApiBody {
  pk: number;
  access: string;
  detail: string;
  files: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: ApiBody;
}

export async function apiJson(
  port: number,
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
): Promise<ApiAnswer> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answerOf(response);
}

/** Uploads `bytes` as `filename` to dataset `pk` (the /v1 raw-body upload). */
export async function apiUpload(
  port: number,
  token: string,
  pk: number,
  filename: string,
  bytes: Uint8Array,
): Promise<ApiAnswer> {
  const response = await fetch(
    `http://127.0.0.1:${port}/v1/datasets/${pk}/files/${encodeURIComponent(filename)}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/data',
        'Content-Disposition': `attachment; filename=${filename}`,
      },
      body: bytes,
    },
  );
  return answerOf(response);
}

/** The answer with its body parsed (an empty body is `{}`). */
async function answerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as ApiBody,
  };
}

/** Logs `admin` in and creates a team, a project and a dataset; returns the token and pks. */
export async function adminWithDataset(
  port: number,
  admin: { username: string; password: string },
  name = 'd',
): Promise<{ token: string; project: number; dataset: number }> {
  const token = (await apiJson(port, 'POST', '/v1/auth/obtain', admin)).body.access;
  const team = await apiJson(port, 'POST', '/v1/teams/create', { name: `${name}-team` }, token);
  const project = await apiJson(
    port,
    'POST',
    '/v1/projects/create',
    { name: `${name}-project`, team: team.body.pk },
    token,
  );
  const dataset = await apiJson(
    port,
    'POST',
    '/v1/datasets/create',
    { name, project: project.body.pk, licence: 11, tags: '' },
    token,
  );
  if (dataset.status !== 201) {
    throw new Error(`dataset create answered ${dataset.status}: ${JSON.stringify(dataset.body)}`);
  }
  return { token, project: project.body.pk, dataset: dataset.body.pk };
}
