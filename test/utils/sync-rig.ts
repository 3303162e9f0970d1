import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess, stopServerProcess } from './server-process.js';
import { startSourceServer, type SourceServer } from './source-server.js';
import { createTestApp, type TestApp } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const ADMIN = { username: 'sync-admin', password: 'sync-admin-password' };

/**
 * A test's app and real server processes on one database and data dir, for syncs interrupted
 * by a kill: the app (no fetch workers) sets things up and reads, a process fetches.
 */
export interface SyncRig {
  readonly testApp: TestApp;
  readonly source: SourceServer;
  /**
   * Serves `body` at `route`, hanging mid-body (its first 5 bytes sent) until `unstall` is
   * called: the fetch of a process killed meanwhile never ends on its own.
   */
  stallingRoute(route: string, body: string): { unstall(): void };
  /** Starts a server process with one fetch worker; its base URL. */
  start(): Promise<string>;
  /** Kills the running process with this signal and waits for it to exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

/** `env` applies to the app and the processes (a short SOURCES_FETCH_TIMEOUT, say). */
export async function startSyncRig(env: Record<string, string>): Promise<SyncRig> {
  const database: TestDatabase = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-sync-'));
  const testApp = await createTestApp({ database, env: { ...env, SOURCES_CONCURRENCY: '0' } });
  const source = await startSourceServer();
  let server: ChildProcess | undefined;
  return {
    testApp,
    source,
    stallingRoute: (route, body) => {
      let stall = true;
      source.route(route, (_request, response) => {
        if (stall) {
          response.writeHead(200, { 'content-length': String(body.length) });
          response.write(body.slice(0, 5));
        } else {
          response.end(body);
        }
      });
      return { unstall: () => (stall = false) };
    },
    start: async () => {
      const started = await startServerProcess({
        databaseUrl: database.url,
        dataDir,
        admin: ADMIN,
        env: { ...env, SOURCES_CONCURRENCY: '1' },
      });
      server = started.child;
      return `http://127.0.0.1:${started.port}`;
    },
    stop: (signal) => stopServerProcess(server, signal),
    close: async () => {
      await stopServerProcess(server, 'SIGKILL');
      await source.close();
      await testApp.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
