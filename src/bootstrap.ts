import cluster from 'node:cluster';
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig, ResolvedConfig } from './config/app-config.js';
import { readOrCreateSecret } from './config/runtime-secrets.js';
import { configureApp } from './configure-app.js';
import { runMigrations } from './database/migrator.js';
import { provisionDatabase, type ProvisionedDatabase } from './database/provision.js';

export interface RunningServer {
  readonly app: INestApplication;
  readonly database: ProvisionedDatabase;
  readonly url: string;
  /** Drains HTTP, closes the pool, then stops the embedded database if we started one. */
  close(): Promise<void>;
}

/** JWT_SECRET, or a secret generated on first start and kept in DATA_DIR. */
export async function resolveJwtSecret(config: AppConfig, logger: Logger): Promise<string> {
  if (config.jwtSecret !== undefined) {
    return config.jwtSecret;
  }
  const { value, created } = await readOrCreateSecret(config.dataDir, 'jwt.secret');
  logger.warn(
    `JWT_SECRET is not set; ${created ? 'generated one and stored it' : 'using the one stored'} ` +
      `in ${config.dataDir}/jwt.secret. Set JWT_SECRET when several instances share a database.`,
  );
  return value;
}

/**
 * Fails with the error listening would meet (EADDRINUSE, EACCES) before the database is started
 * and migrated for nothing, and before Nest logs that error on its own.
 */
export async function assertCanListen(port: number, host: string): Promise<void> {
  if (port === 0) {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Provisions the database, migrates it, and serves the API. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  if (cluster.isPrimary) {
    await assertCanListen(config.port, config.host);
  }
  const database = await provisionDatabase(config, {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    debug: (message) => logger.debug(message),
  });
  try {
    const resolved: ResolvedConfig = {
      ...config,
      databaseUrl: database.url,
      jwtSecret: await resolveJwtSecret(config, logger),
    };
    const applied = await runMigrations(database.url);
    if (applied.length > 0) {
      logger.info(`Applied migrations: ${applied.join(', ')}`);
    }
    const app = await NestFactory.create(AppModule.forRoot(resolved, logger), {
      bufferLogs: true,
      // Keep-alive sockets would otherwise hold shutdown open until they time out.
      forceCloseConnections: true,
    });
    configureApp(app);
    await app.listen(config.port, config.host);
    const url = await app.getUrl();
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      close: () => {
        closing ??= app.close().finally(() => database.stop());
        return closing;
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
