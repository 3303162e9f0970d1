import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
}

export interface ServerProcessOptions {
  /** Unset: the embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  admin: { username: string; password: string };
  /** Directory holding `dist/` to run from (default: this checkout). */
  cwd?: string;
  /** More environment (WORKERS, STAGING_CLEANUP_AGE_SECONDS, ...). */
  env?: Record<string, string>;
  /**
   * A command that runs the server as its last arguments (it must exec them, so the child's pid
   * stays the server's): e.g. `unshare` with a private mount, for a deliberately small disk.
   */
  wrapper?: string[];
}

/**
 * The built server (`dist/src/main.js`) as `npm start` runs it, on a free port, for tests that
 * must kill or signal a real process. Resolves once `/health` answers 200; a server that exits
 * first, or is not healthy within 30 s, rejects (and is killed).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, 'dist/src/main.js'];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: {
      ...env,
      ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
      DATA_DIR: options.dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: options.admin.username,
      ADMIN_PASSWORD: options.admin.password,
      RATE_LIMIT: '0',
      RATE_LIMIT_AUTH: '0',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; tries < 300; tries += 1) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited before it was healthy (${child.exitCode ?? child.signalCode})`,
      );
    }
    const healthy = await fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) {
      return { child, port };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('The server did not become healthy within 30 s');
}

/** Signals a server process and waits for it to exit (nothing when it has exited already). */
export async function stopServerProcess(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals,
): Promise<void> {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
