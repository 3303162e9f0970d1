/**
 * Parses a request body into a service command, but lets the service's own refusals (404, 403,
 * a deleted dataset...) win over a malformed body, in the order the /v1 contract answers them:
 * only when the body fails to parse does `preconditions` (a service call throwing those
 * refusals) run, before the parse error is thrown. A well-formed body costs nothing extra.
 */
export async function parseAfterRefusals<T>(
  parse: () => T,
  preconditions: () => Promise<unknown>,
): Promise<T> {
  try {
    return parse();
  } catch (error) {
    await preconditions();
    throw error;
  }
}
