import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabase } from '../../src/database/migrator.js';
import { TEST_TEMPLATE_VAR, testServerUrl } from './test-env.js';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database: a clone of the migrated template, or empty with `{ migrated: false }`. */
export async function createTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `strata_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? undefined : process.env[TEST_TEMPLATE_VAR];
  await createDatabase(serverUrl, name, template);
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => dropDatabase(serverUrl, name),
  };
}
