// Jest runs global setup outside its module system (no TypeScript, no moduleNameMapper), so
// this file is plain JavaScript over the compiled code; `npm test` builds first when needed.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.js';
import { createDatabase, runMigrations, withDatabase } from '../../dist/src/database/migrator.js';

// Keep in step with test/utils/test-env.ts.
const TEST_SERVER_URL_VAR = 'STRATA_TEST_SERVER_URL';
const TEST_TEMPLATE_VAR = 'STRATA_TEST_TEMPLATE';

/**
 * Provides a PostgreSQL server and a migrated template database for the whole run. Each test
 * file clones the template (CREATE DATABASE ... TEMPLATE), which takes milliseconds. With
 * DATABASE_URL unset we start the embedded PostgreSQL ourselves, so `npm test` needs nothing
 * installed.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  globalThis.strataTestPostgres = {};
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-test-pg-'));
    const embedded = await startEmbeddedPostgres({
      dataDir,
      database: 'postgres',
      durable: false,
      // The server's own FATAL lines (connections ended by DROP DATABASE ... FORCE) are expected.
      log: { info: () => undefined, warn: () => undefined, debug: () => undefined },
    });
    globalThis.strataTestPostgres = { embedded, dataDir };
    serverUrl = embedded.url;
  }
  const template = `strata_test_template_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, template);
  await runMigrations(withDatabase(serverUrl, template));
  process.env[TEST_SERVER_URL_VAR] = serverUrl;
  process.env[TEST_TEMPLATE_VAR] = template;
}
