import cluster, { type Address, type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { assertCanListen, resolveJwtSecret } from './bootstrap.js';
import type { AppConfig } from './config/app-config.js';
import {
  connectionBudget,
  connectionsPerProcess,
  fitWorkers,
} from './database/connection-budget.js';
import { runMigrations } from './database/migrator.js';
import { provisionDatabase, type ProvisionedDatabase } from './database/provision.js';
import { serveClusterMetrics } from './modules/metrics/cluster-metrics.js';

/** A worker that dies sooner than this after starting counts as failing to start. */
const STARTUP_GRACE_MS = 10_000;
const MAX_QUICK_DEATHS = 5;
const SHUTDOWN_TIMEOUT_MS = 15_000;

export interface RunningCluster {
  readonly url: string;
  readonly database: ProvisionedDatabase;
  /** Workers forked (with `WORKERS=auto`, as many as the database has connections for). */
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * `WORKERS` > 1: this process prepares what must happen once (the embedded database, the JWT
 * secret, migrations) and forks that many HTTP workers sharing the port. Each worker is an
 * ordinary instance: the API keeps no state between requests, and what a worker caches it drops
 * when PostgreSQL notifies a change, so N workers behave as N instances behind a balancer.
 * A worker that dies is replaced; one that keeps dying at start stops the whole server.
 */
export async function startCluster(config: AppConfig, logger: Logger): Promise<RunningCluster> {
  await assertCanListen(config.port, config.host);
  const database = await provisionDatabase(config, {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    debug: (message) => logger.debug(message),
  });
  let closing = false;
  try {
    const jwtSecret = await resolveJwtSecret(config, logger);
    const applied = await runMigrations(database.url);
    if (applied.length > 0) {
      logger.info(`Applied migrations: ${applied.join(', ')}`);
    }
    const workers = config.workersAuto
      ? await fitToDatabase(config, database.url, logger)
      : config.workers;
    // Workers read the same typed config from their environment, with these two settled.
    const env = { DATABASE_URL: database.url, JWT_SECRET: jwtSecret };
    serveClusterMetrics();
    let quickDeaths = 0;
    let failed: ((error: Error) => void) | undefined;
    const fork = (): Worker => {
      const worker = cluster.fork(env);
      const started = Date.now();
      worker.once('exit', (code, signal) => {
        if (closing) {
          return;
        }
        const quick = Date.now() - started < STARTUP_GRACE_MS;
        quickDeaths = quick ? quickDeaths + 1 : 0;
        logger.error(`Worker ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
        if (quickDeaths >= MAX_QUICK_DEATHS) {
          failed?.(new Error(`Workers keep exiting at start (${quickDeaths} in a row)`));
          return;
        }
        fork();
      });
      return worker;
    };
    const close = async (): Promise<void> => {
      closing = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      await database.stop();
    };
    // Counted on the cluster, not per worker: a worker that dies before it listens is replaced,
    // and its replacement counts instead.
    const listening = (count: number): Promise<Address> =>
      new Promise((resolve, reject) => {
        failed = reject;
        let seen = 0;
        const onListening = (_worker: Worker, address: Address): void => {
          seen += 1;
          if (seen >= count) {
            cluster.off('listening', onListening);
            resolve(address);
          }
        };
        cluster.on('listening', onListening);
      });
    // The first worker starts alone: it bootstraps the admin user, which should happen once.
    const first = listening(1);
    fork();
    const address = await first;
    const host = address.address.includes(':') ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    if (workers > 1) {
      const rest = listening(workers - 1);
      for (let i = 1; i < workers; i += 1) {
        fork();
      }
      await rest;
    }
    failed = (error) => {
      logger.fatal(error.message);
      void close().then(() => process.exit(1));
    };
    return { url, database, workers, close };
  } catch (error) {
    closing = true;
    for (const worker of Object.values(cluster.workers ?? {})) {
      worker?.process.kill('SIGKILL');
    }
    await database.stop();
    throw error;
  }
}

/** `WORKERS=auto`: one worker per CPU, as far as the database's free connections go. */
async function fitToDatabase(config: AppConfig, url: string, logger: Logger): Promise<number> {
  const budget = await connectionBudget(url);
  const workers = fitWorkers(config.workers, config.database.poolSize, budget);
  if (workers < config.workers) {
    logger.warn(
      `WORKERS=auto: ${workers} workers instead of ${config.workers} (one per CPU), as the ` +
        `database has ${budget.available} connections free (${budget.explanation}) and each ` +
        `worker opens up to ${connectionsPerProcess(config.database.poolSize)}`,
    );
  }
  return workers;
}
