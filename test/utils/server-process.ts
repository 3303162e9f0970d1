import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
}

export interface ServerProcessOptions {
  databaseUrl: string;
  dataDir: string;
  admin: { username: string; password: string };
  /** More environment (WORKERS, STAGING_CLEANUP_AGE_SECONDS, ...). */
  env?: Record<string, string>;
}

/**
 * The built server (`dist/src/main.js`) as `npm start` runs it, on a free port, for tests that
 * must kill or signal a real process. Resolves once `/health` answers 200; a server that exits
 * first, or is not healthy within 30 s, rejects (and is killed).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: options.admin.username,
      ADMIN_PASSWORD: options.admin.password,
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

/** One JSON call to a server process; the body is parsed (an empty body gives `{}`). */
export async function serverJson<T>(
  port: number,
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
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
