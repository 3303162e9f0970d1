/**
 * Polls `check` every 10 ms until it holds; returns how long that took, or throws after `ms`.
 * For what another instance learns by notification: soon, not at once.
 */
export async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) {
      throw new Error(`condition not met within ${ms} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}
