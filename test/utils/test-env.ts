/** Set by the global setup for every test file: the server's URL and the template's name. */
export const TEST_SERVER_URL_VAR = 'STRATA_TEST_SERVER_URL';
export const TEST_TEMPLATE_VAR = 'STRATA_TEST_TEMPLATE';

export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_URL_VAR];
  if (!url) {
    throw new Error('The jest global setup did not run (STRATA_TEST_SERVER_URL is unset)');
  }
  return url;
}
