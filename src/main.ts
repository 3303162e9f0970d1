import 'reflect-metadata';
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig } from './config/app-config.js';
import { startServer } from './bootstrap.js';
import { startCluster } from './cluster.js';
import { createBaseLogger } from './common/logging/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createBaseLogger(config.logLevel);
  // A cluster's workers arrive here too, with DATABASE_URL set: each serves as one instance.
  // With WORKERS=auto the cluster decides how many workers the database has connections for.
  const clustered = (config.workers > 1 || config.workersAuto) && cluster.isPrimary;
  const server = clustered ? await startCluster(config, logger) : await startServer(config, logger);
  const workers = 'workers' in server ? server.workers : 1;
  if (cluster.isPrimary) {
    logger.info(
      `Strata listening on ${server.url} (API docs at ${server.url}/docs; started in ` +
        `${Math.round(performance.now())} ms; database ${server.database.embedded ? 'embedded' : 'external'}; ` +
        `${clustered ? `${workers} workers` : 'one process'})`,
    );
  }
  const shutdown = (signal: NodeJS.Signals): void => {
    logger.info(`${signal} received: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
