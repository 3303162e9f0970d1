import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../utils/eventually.js';
import { freePort } from '../utils/free-port.js';
import { childrenOf, commandLineOf, isAlive } from '../utils/processes.js';
import { startServerProcess } from '../utils/server-process.js';

const ADMIN = { username: 'life-admin', password: 'life-admin-password' };

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** `npm start` as a user (or a service manager) runs it: embedded database, fresh DATA_DIR. */
async function npmStart(dataDir: string): Promise<{ npm: ChildProcess; port: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  Object.assign(env, { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
  // Its own process group, as a terminal's foreground job has.
  const npm = spawn('npm', ['start'], { env, detached: true, stdio: 'ignore' });
  await eventually(async () => {
    if (npm.exitCode !== null) {
      throw new Error(`npm start exited with ${npm.exitCode}`);
    }
    return fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
  }, 60_000);
  return { npm, port };
}

/** The processes under `pid`, found by what they run. */
function strataAndPostgres(npmPid: number): { node: number; postgres: number } {
  const node = childrenOf(npmPid).find((pid) => commandLineOf(pid)?.includes('dist/src/main.js'));
  if (node === undefined) {
    throw new Error(`no Strata process under npm: ${JSON.stringify(childrenOf(npmPid))}`);
  }
  const postgres = childrenOf(node).find((pid) => commandLineOf(pid)?.includes('postgres -D'));
  if (postgres === undefined) {
    throw new Error('no embedded PostgreSQL under Strata');
  }
  return { node, postgres };
}

describe('the Strata process', () => {
  let dataDir: string;
  const started: ChildProcess[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-life-'));
  });

  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        // Whatever a failed test left: the whole group, database included, is ours.
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL'); // not a group leader
        }
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should stop, with its embedded PostgreSQL, when `npm start` gets SIGTERM', async () => {
    const { npm } = await npmStart(dataDir);
    started.push(npm);
    const { node, postgres } = strataAndPostgres(npm.pid!);

    npm.kill('SIGTERM'); // to npm alone, as a service manager that knows only its main pid
    const exited = await exitOf(npm);
    expect(exited.code === 0 || exited.signal === 'SIGTERM').toBe(true);
    await eventually(() => Promise.resolve(!isAlive(node) && !isAlive(postgres)), 30_000);
  }, 120_000);

  it('should stop cleanly on a Ctrl-C, which reaches npm and Strata together', async () => {
    const { npm } = await npmStart(dataDir);
    started.push(npm);
    const { node, postgres } = strataAndPostgres(npm.pid!);

    // The terminal signals the whole foreground group; npm forwards its own copy to Strata.
    process.kill(-npm.pid!, 'SIGINT');
    await exitOf(npm);
    await eventually(() => Promise.resolve(!isAlive(node) && !isAlive(postgres)), 30_000);
  }, 120_000);

  it('should exit non-zero when its embedded PostgreSQL dies', async () => {
    const { child } = await startServerProcess({ dataDir, admin: ADMIN });
    started.push(child);
    const postgres = childrenOf(child.pid!).find((pid) =>
      commandLineOf(pid)?.includes('postgres -D'),
    );
    expect(postgres).toBeDefined();

    process.kill(postgres!, 'SIGKILL');
    const exited = await exitOf(child);
    expect(exited.code).toBe(1);
  }, 120_000);
});
