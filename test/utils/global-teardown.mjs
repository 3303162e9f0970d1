import { rm } from 'node:fs/promises';
import { dropDatabase } from '../../dist/src/database/migrator.js';

export default async function globalTeardown() {
  const serverUrl = process.env.STRATA_TEST_SERVER_URL;
  const template = process.env.STRATA_TEST_TEMPLATE;
  if (serverUrl && template) {
    await dropDatabase(serverUrl, template);
  }
  const state = globalThis.strataTestPostgres;
  if (state?.embedded) {
    await state.embedded.stop();
  }
  if (state?.dataDir) {
    await rm(state.dataDir, { recursive: true, force: true });
  }
}
