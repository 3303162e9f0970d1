import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withDatabase } from '../../src/database/migrator.js';
import { freePort } from '../utils/free-port.js';
import { testServerUrl } from '../utils/test-env.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-database.js';

interface Outcome {
  code: number | null;
  /** Non-empty lines of stdout and stderr together. */
  lines: string[];
}

/** Runs the built server until it exits (it is expected to fail at start-up). */
function runUntilExit(env: Record<string, string>): Promise<Outcome> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...base, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, lines: output.split('\n').filter((line) => line.trim() !== '') });
    }),
  );
}

/** The one line that says why the start failed: a plain line, or a JSON log line at error or above. */
function failureLines(outcome: Outcome): string[] {
  return outcome.lines.flatMap((line) => {
    if (!line.startsWith('{')) {
      return [line];
    }
    const entry = JSON.parse(line) as { level: number; msg: string };
    return entry.level >= 50 ? [entry.msg] : [];
  });
}

function expectOneActionableLine(outcome: Outcome, pattern: RegExp): void {
  expect(failureLines(outcome)).toEqual([expect.stringMatching(pattern)]);
  // No stack trace at the default level, in any line.
  expect(outcome.lines.join('\n')).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
}

describe('a start-up that cannot succeed', () => {
  let dataDir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-startup-'));
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should say PORT=abc is not a port number, and exit 78', async () => {
    const outcome = await runUntilExit({ DATA_DIR: dataDir, PORT: 'abc' });
    expect(outcome.code).toBe(78);
    expect(outcome.lines).toHaveLength(1);
    expectOneActionableLine(outcome, /^Invalid configuration.*PORT must be a TCP port number/);
  });

  it('should name DATABASE_URL when nothing listens on its port, and exit 1', async () => {
    const closed = await freePort();
    const outcome = await runUntilExit({
      DATA_DIR: dataDir,
      DATABASE_URL: `postgres://strata:pw-4f1c9@127.0.0.1:${closed}/strata`,
    });
    expect(outcome.code).toBe(1);
    expectOneActionableLine(
      outcome,
      new RegExp(
        `127\\.0\\.0\\.1:${closed}/strata \\(DATABASE_URL\\): connection refused\\. Start`,
      ),
    );
    expect(outcome.lines.join('\n')).not.toContain('pw-4f1c9');
  });

  it('should name DATABASE_URL when its host is unknown, and exit 1', async () => {
    const outcome = await runUntilExit({
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://strata@no-such-host.invalid:5432/strata',
    });
    expect(outcome.code).toBe(1);
    expectOneActionableLine(outcome, /no-such-host\.invalid.*\(DATABASE_URL\): unknown host/);
  });

  it('should suggest createdb when the database does not exist, and exit 78', async () => {
    const outcome = await runUntilExit({
      DATA_DIR: dataDir,
      DATABASE_URL: withDatabase(testServerUrl(), 'strata_no_such_database'),
    });
    expect(outcome.code).toBe(78);
    expectOneActionableLine(outcome, /"strata_no_such_database" does not exist.*createdb/);
  });

  it('should name PORT when the port is taken, and exit 78', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const outcome = await runUntilExit({
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        PORT: String(port),
        ADMIN_USERNAME: 'startup-admin',
        ADMIN_PASSWORD: 'startup-admin-password',
      });
      expect(outcome.code).toBe(78);
      expectOneActionableLine(outcome, new RegExp(`^PORT ${port} .* already in use.*set PORT`));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
