import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { readOrCreateSecret } from '../config/runtime-secrets.js';
import {
  DEFAULT_RELOCATION_BASE,
  locateCluster,
  prepareCluster,
  reachableBinaries,
  type Binaries,
  type Owner,
} from './embedded-postgres-layout.js';

const run = promisify(execFile);

const SUPERUSER = 'postgres';

export interface EmbeddedPostgresLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface EmbeddedPostgresOptions {
  /** Strata's DATA_DIR; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** Database to create and connect to (default `strata`). */
  database?: string;
  /** Fixed TCP port on 127.0.0.1; default: any free port, chosen at each start. */
  port?: number;
  /** Ports a chosen free port must not be (the API's own port, which may be free right now). */
  avoidPorts?: number[];
  /** `false` turns fsync off: for tests only, where a lost write costs nothing. */
  durable?: boolean;
  /** Where clusters go when root's postgres user cannot reach DATA_DIR (tests change it). */
  relocationBase?: string;
  log: EmbeddedPostgresLog;
}

export interface EmbeddedPostgres {
  /** Connection URL of the database (`database` option) on the running cluster. */
  readonly url: string;
  /** Connection URL of the maintenance database `postgres`, for CREATE/DROP DATABASE. */
  readonly adminUrl: string;
  readonly pid: number;
  /**
   * Calls `listener` if the server exits while nobody asked it to stop (killed, crashed, out
   * of memory): Strata cannot serve without it, and a supervisor should restart both.
   */
  onUnexpectedExit(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts (initialising on first use) a real PostgreSQL cluster from the binaries of the
 * `@embedded-postgres/<platform>-<arch>` package. We drive the binaries ourselves rather than
 * through the `embedded-postgres` wrapper because that wrapper installs its own SIGINT/SIGTERM
 * exit hook, which would stop the database while the app is still draining requests, and it
 * cannot recover a cluster whose previous owner was killed.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const { dataDir, log } = options;
  const database = options.database ?? 'strata';
  const owner = await resolveOwner();
  await mkdir(dataDir, { recursive: true });
  const location = await locateCluster(
    dataDir,
    owner,
    options.relocationBase ?? DEFAULT_RELOCATION_BASE,
  );
  const { clusterDir } = location;
  const binaries = await reachableBinaries(await loadBinaries(), owner, location.home);
  const password = (await readOrCreateSecret(dataDir, 'postgres.secret', 24)).value;
  await prepareCluster({ binaries, location, password, owner, log });
  await clearStalePostmaster(clusterDir, log);

  const port = options.port ?? (await findFreePort(options.avoidPorts ?? []));
  const durability =
    options.durable === false
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : [];
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: nothing to collide with a system PostgreSQL or need a writable /run.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...durability,
    ],
    {
      ...owner,
      // Somewhere the postgres user can reach: Strata's own directory may be closed to it.
      cwd: location.home,
      // Its own process group, so a Ctrl-C in the terminal reaches only Strata, which then
      // drains requests before stopping the database itself.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  const recentOutput: string[] = [];
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') {
        continue;
      }
      recentOutput.push(line);
      if (recentOutput.length > 20) {
        recentOutput.shift();
      }
      if (/\b(FATAL|PANIC|ERROR)\b/.test(line)) {
        log.warn(`postgres: ${line}`);
      } else {
        log.debug(`postgres: ${line}`);
      }
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopRequested = false;
  const unexpectedExitListeners: ((reason: string) => void)[] = [];
  child.once('exit', (code, signal) => {
    if (stopRequested) {
      return;
    }
    const reason = `embedded PostgreSQL (pid ${child.pid ?? '?'}) exited unexpectedly (${
      signal ?? `code ${code}`
    })`;
    for (const listener of unexpectedExitListeners) {
      listener(reason);
    }
  });
  // If Strata dies by an exception, take the database down with it (SIGKILL cannot be caught;
  // the next start recovers from that, see clearStalePostmaster).
  const killOnExit = (): void => {
    child.kill('SIGINT');
  };
  process.once('exit', killOnExit);

  const adminUrl = connectionUrl(password, port, 'postgres');
  try {
    await waitUntilReady(adminUrl, exited, () => recentOutput.join('\n'));
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    stopRequested = true;
    await stopChild(child, exited);
    process.removeListener('exit', killOnExit);
    throw error;
  }
  log.info(`Embedded PostgreSQL ready on 127.0.0.1:${port} (pid ${child.pid ?? '?'})`);

  let stopping: Promise<void> | undefined;
  return {
    url: connectionUrl(password, port, database),
    adminUrl,
    pid: child.pid ?? -1,
    onUnexpectedExit: (listener) => {
      unexpectedExitListeners.push(listener);
    },
    stop: () => {
      stopRequested = true;
      stopping ??= stopChild(child, exited).finally(() => {
        process.removeListener('exit', killOnExit);
      });
      return stopping;
    },
  };
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${name}); ` +
        'set DATABASE_URL to use an external PostgreSQL',
    );
  }
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user,
 * creating that user if the machine has none.
 */
async function resolveOwner(): Promise<Owner | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined;
  }
  const lookup = async (): Promise<Owner> => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', SUPERUSER]),
      run('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return lookup();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readProc(pid: number, file: string): Promise<string | undefined> {
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A Strata killed with SIGKILL leaves its postmaster running, orphaned, with the cluster
 * locked. Stop such an orphan (fast shutdown, so it recovers cleanly) before starting ours;
 * refuse when a live Strata still owns it; drop a lock file whose pid now names another program.
 */
async function clearStalePostmaster(clusterDir: string, log: EmbeddedPostgresLog): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  let contents: string;
  try {
    contents = await readFile(lockFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(contents.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    return; // PostgreSQL itself replaces a lock file whose process is gone.
  }
  const commandLine = await readProc(pid, 'cmdline');
  if (commandLine !== undefined && !commandLine.includes('postgres')) {
    log.warn(`Removing stale postmaster.pid (pid ${pid} is now another program)`);
    await unlink(lockFile);
    return;
  }
  const stat = await readProc(pid, 'stat');
  const parentPid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
  if (Number.isInteger(parentPid) && parentPid > 1 && parentPid !== process.pid) {
    const parentCommand = (await readProc(parentPid, 'cmdline')) ?? '';
    if (parentCommand.includes('node')) {
      throw new Error(
        `The embedded PostgreSQL in ${clusterDir} is in use by another running Strata ` +
          `(process ${parentPid}); stop it or use another DATA_DIR`,
      );
    }
  }
  log.warn(`Stopping orphaned embedded PostgreSQL (pid ${pid}) left by a previous run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function findFreePort(avoid: number[]): Promise<number> {
  for (;;) {
    const port = await askForFreePort();
    if (!avoid.includes(port)) {
      return port;
    }
  }
}

function askForFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  adminUrl: string,
  exited: Promise<void>,
  output: () => string,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited) {
      throw new Error(`Embedded PostgreSQL exited during start-up:\n${output()}`);
    }
    const client = new pg.Client({ connectionString: adminUrl });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Embedded PostgreSQL did not accept connections: ${String(error)}`, {
          cause: error,
        });
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates `database` unless it exists; tolerates a concurrent creator. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error) => {
        if ((error as { code?: string }).code !== '42P04') {
          throw error;
        }
      });
    }
  } finally {
    await client.end();
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
  await exited;
  clearTimeout(timer);
}
