import 'reflect-metadata';
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig } from './config/app-config.js';
import { startServer } from './bootstrap.js';
import { startCluster } from './cluster.js';
import { createBaseLogger } from './common/logging/logger.js';
import { describeStartupFailure, EXIT_CONFIG } from './startup-failure.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  const logger = createBaseLogger(config.logLevel);
  // A cluster's workers arrive here too, with DATABASE_URL set: each serves as one instance.
  // With WORKERS=auto the cluster decides how many workers the database has connections for.
  const clustered = (config.workers > 1 || config.workersAuto) && cluster.isPrimary;
  let server;
  try {
    server = clustered ? await startCluster(config, logger) : await startServer(config, logger);
  } catch (error) {
    const failure = describeStartupFailure(error, config);
    logger.debug({ err: error }, 'Start-up failed');
    logger.fatal(failure.message);
    process.exit(failure.exitCode);
  }
  const workers = 'workers' in server ? server.workers : 1;
  if (cluster.isPrimary) {
    logger.info(
      `Strata listening on ${server.url} (API docs at ${server.url}/docs; started in ` +
        `${Math.round(performance.now())} ms; database ${server.database.embedded ? 'embedded' : 'external'}; ` +
        `${clustered ? `${workers} workers` : 'one process'})`,
    );
  }
  let stopping = false;
  const stop = (exitCode: number): void => {
    stopping = true;
    server.close().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, 'Error during shutdown');
        process.exit(1);
      },
    );
  };
  // Under `npm start` a Ctrl-C reaches Strata twice (from the terminal and forwarded by npm):
  // the second must not cut the drain short.
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    logger.info(`${signal} received: shutting down`);
    stop(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.database.onLost((reason) => {
    if (stopping) {
      return;
    }
    // Exit non-zero so a supervisor restarts Strata, and with it the database.
    logger.fatal(`The ${reason}; Strata cannot serve without it and stops`);
    // Requests still in flight can only fail now: do not let one hold the exit up.
    setTimeout(() => process.exit(1), 10_000).unref();
    stop(1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
