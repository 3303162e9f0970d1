import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { App } from 'supertest/types.js';
import { AppModule } from '../../src/app.module.js';
import { loadConfig, type ResolvedConfig } from '../../src/config/app-config.js';
import { configureApp } from '../../src/configure-app.js';
import { createBaseLogger } from '../../src/common/logging/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_ADMIN = { username: 'admin', password: 'admin-password-for-tests' };

export interface TestApp {
  readonly app: INestApplication<App>;
  readonly config: ResolvedConfig;
  readonly database: TestDatabase;
  /** Closes the app, drops its database and removes its data dir. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment overrides, validated by the real loadConfig. */
  env?: Record<string, string>;
  /** Reuse an existing database instead of cloning a fresh one (it is not dropped on close). */
  database?: TestDatabase;
}

/**
 * The real AppModule through the real configureApp(), on a database of its own: what a test
 * sees is what production serves.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-test-data-'));
  const config: ResolvedConfig = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      // Tests log in and call far more often than any client should; rate-limits.spec sets its own.
      RATE_LIMIT: '0',
      RATE_LIMIT_AUTH: '0',
      ...options.env,
    }),
    databaseUrl: database.url,
    jwtSecret: 'test-jwt-secret-that-is-long-enough-0123456789',
  };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, createBaseLogger(config.logLevel))],
  }).compile();
  const app = moduleRef.createNestApplication<INestApplication<App>>({ bufferLogs: true });
  configureApp(app);
  await app.init();
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      if (ownsDatabase) {
        await database.drop();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
