import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { OPENAPI_TAGS } from '../../src/common/http/openapi-tags.js';
import { createUser, type TestUser } from '../utils/auth.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Issue #12 item 4: a person's first visit to Swagger UI, in a real browser (Debian's chromium
 * through playwright-core): obtain a token with "Try it out", authorise, make a team, a project
 * and a dataset, upload a file through the file picker, list, download and compare the bytes.
 * Not part of `npm test` (chromium is not on every machine): `npm run test:browser`.
 * Each step leaves a screenshot in artifacts/screenshots/.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('artifacts/screenshots');

let testApp: TestApp;
let base: string;
let user: TestUser;
let profile: string;
let context: BrowserContext;
let page: Page;
let shots = 0;

beforeAll(async () => {
  testApp = await createTestApp();
  const server = testApp.app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Only site admins make teams (as in UFDL).
  user = await createUser(testApp, { username: 'swagger-ui-admin', isStaff: true });
  await rm(SCREENSHOTS, { recursive: true, force: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  profile = await mkdtemp(path.join(os.tmpdir(), 'strata-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
  await testApp?.close();
});

async function screenshot(step: string): Promise<void> {
  shots += 1;
  const name = `${String(shots).padStart(2, '0')}-${step}.png`;
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: false });
}

/** The operation's block in Swagger UI, expanded (the first, if it is under several tags). */
async function openOperation(method: string, route: string): Promise<Locator> {
  const block = page
    .locator(`.opblock.opblock-${method}`)
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${route}"]`) })
    .first();
  await block.scrollIntoViewIfNeeded();
  if (!(await block.evaluate((element) => element.classList.contains('is-open')))) {
    await block.locator('.opblock-summary').first().click();
  }
  await block.locator('.try-out__btn').click();
  return block;
}

async function fillParameter(block: Locator, name: string, value: string): Promise<void> {
  await block.locator(`tr[data-param-name="${name}"] input`).first().fill(value);
}

async function fillJsonBody(block: Locator, body: unknown): Promise<void> {
  await block.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
}

interface Answer {
  status: number;
  authorization: string | undefined;
  /** The answer as Swagger UI shows it under "Response body". */
  shown: string;
}

/** Clicks Execute, waits for the answer and for Swagger UI to show it. */
async function execute(block: Locator, method: string, pathname: string): Promise<Answer> {
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === method.toUpperCase() &&
      new URL(response.url()).pathname === pathname,
  );
  await block.locator('button.execute').click();
  const response = await answered;
  const live = block.locator('.live-responses-table').first();
  await live.locator('.response-col_status').first().waitFor();
  await live.evaluate((table) => table.scrollIntoView({ block: 'start' }));
  const shown = live.locator('.response-col_description .highlight-code pre').first();
  return {
    status: response.status(),
    authorization: (await response.request().allHeaders()).authorization,
    shown: (await shown.count()) > 0 ? ((await shown.textContent()) ?? '') : '',
  };
}

/** The JSON answer a person reads in Swagger UI, after checking its status. */
function json<T>(answer: Answer, status: number): T {
  expect(`${answer.status} ${answer.shown}`).toMatch(new RegExp(`^${status} `));
  return JSON.parse(answer.shown) as T;
}

async function authorize(token: string): Promise<void> {
  await page.locator('.auth-wrapper button.authorize').click();
  const modal = page.locator('.modal-ux');
  await modal.locator('input[aria-label="auth-bearer-value"]').fill(token);
  await modal.locator('button.modal-btn.auth.authorize').click();
  await screenshot('authorized');
  await modal.locator('button.btn-done').click();
}

it('should let a person do the first steps in Swagger UI', async () => {
  // / leads to the docs.
  await page.goto(`${base}/`);
  expect(new URL(page.url()).pathname).toBe('/docs');
  await page.locator('.opblock-tag-section').first().waitFor();
  await screenshot('docs');

  // Exactly Strata's sections, in the order a person uses them (auth first).
  const shown = await page
    .locator('.opblock-tag-section h3[data-tag]')
    .evaluateAll((headings) => headings.map((heading) => heading.getAttribute('data-tag') ?? ''));
  expect(shown).toEqual(OPENAPI_TAGS.map((tag) => tag.name));

  // Obtain a token with "Try it out".
  const obtain = await openOperation('post', '/v1/auth/obtain');
  await fillJsonBody(obtain, { username: user.username, password: user.password });
  const tokens = json<{ access: string }>(await execute(obtain, 'post', '/v1/auth/obtain'), 200);
  expect(tokens.access).toEqual(expect.any(String));
  await screenshot('token-obtained');

  await authorize(tokens.access);

  // The authorisation survives a reload (persistAuthorization).
  await page.reload();
  await page.locator('.opblock-tag-section').first().waitFor();
  expect(await page.locator('.auth-wrapper button.authorize.locked').count()).toBe(1);

  const createTeam = await openOperation('post', '/v1/teams/create');
  await fillJsonBody(createTeam, { name: 'swagger-team' });
  const teamAnswer = await execute(createTeam, 'post', '/v1/teams/create');
  expect(teamAnswer.authorization).toBe(`Bearer ${tokens.access}`);
  const team = json<{ pk: number }>(teamAnswer, 201);
  await screenshot('team-created');

  const createProject = await openOperation('post', '/v1/projects/create');
  await fillJsonBody(createProject, { name: 'swagger-project', team: team.pk });
  const project = json<{ pk: number }>(
    await execute(createProject, 'post', '/v1/projects/create'),
    201,
  );
  await screenshot('project-created');

  const createDataset = await openOperation('post', '/v1/datasets/create');
  await fillJsonBody(createDataset, {
    name: 'swagger-dataset',
    project: project.pk,
    licence: 1,
    tags: 'first-steps',
    description: 'Made in Swagger UI',
    is_public: false,
  });
  const dataset = json<{ pk: number; name: string }>(
    await execute(createDataset, 'post', '/v1/datasets/create'),
    201,
  );
  await screenshot('dataset-created');

  // Upload through the file picker: bytes of every value, so nothing is re-encoded on the way.
  const bytes = Buffer.concat([
    Buffer.from('Strata through Swagger UI\n'),
    Buffer.from(Array.from({ length: 256 }, (_, index) => index)),
    randomBytes(4096),
  ]);
  const local = path.join(profile, 'picked.bin');
  await writeFile(local, bytes);
  const upload = await openOperation('post', '/v1/datasets/{pk}/files/{filename}');
  await fillParameter(upload, 'pk', String(dataset.pk));
  await fillParameter(upload, 'filename', 'picked.bin');
  await fillParameter(upload, 'Content-Disposition', 'attachment; filename=picked.bin');
  const picker = upload.locator('input[type="file"]');
  await picker.setInputFiles(local);
  await picker.evaluate((input) => input.scrollIntoView({ block: 'center' }));
  await screenshot('file-picked');
  const uploaded = await execute(upload, 'post', `/v1/datasets/${dataset.pk}/files/picked.bin`);
  // The browser does not hand a picked file's body to the test: the handle is its SHA-256.
  expect(json<{ filename: string; handle: string }>(uploaded, 200)).toEqual({
    filename: 'picked.bin',
    handle: createHash('sha256').update(bytes).digest('hex'),
  });
  await screenshot('file-uploaded');

  // List with a FilterSpec typed into the body.
  const list = await openOperation('post', '/v1/datasets/list');
  await fillJsonBody(list, {
    expressions: [{ type: 'exact', field: 'name', value: dataset.name }],
  });
  const listed = json<{ pk: number; files: Record<string, string> }[]>(
    await execute(list, 'post', '/v1/datasets/list'),
    200,
  );
  expect(listed.map((entry) => entry.pk)).toEqual([dataset.pk]);
  await screenshot('datasets-listed');

  // Download the file and compare its bytes. The browser's devtools keep no copy of a body the
  // page reads as a Blob, so the test passes the answer on to the page and keeps the bytes.
  const route = `${base}/v1/datasets/${dataset.pk}/files/picked.bin`;
  let received: Buffer | undefined;
  await page.route(route, async (intercepted) => {
    const answer = await intercepted.fetch();
    received = await answer.body();
    await intercepted.fulfill({ response: answer });
  });
  const download = await openOperation('get', '/v1/datasets/{pk}/files/{filename}');
  await fillParameter(download, 'pk', String(dataset.pk));
  await fillParameter(download, 'filename', 'picked.bin');
  const downloaded = await execute(download, 'get', `/v1/datasets/${dataset.pk}/files/picked.bin`);
  await page.unroute(route);
  expect(downloaded.status).toBe(200);
  expect(received).toEqual(bytes);
  // Swagger UI shows the bytes as text: the person sees the file's first line.
  await download
    .locator('.live-responses-table .highlight-code pre', { hasText: 'Strata through Swagger UI' })
    .first()
    .waitFor();
  await screenshot('file-downloaded');
});
