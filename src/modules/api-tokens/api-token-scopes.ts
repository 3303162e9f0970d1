import { TOKEN_SCOPES, type TokenScope } from '../../common/auth/auth-user.js';

/** data.world's OAuth scope names, accepted on input for the same scopes. */
const ALIASES: Record<string, TokenScope> = {
  user_api_read: 'read',
  user_api_write: 'write',
  user_api_admin: 'admin',
};

/** Every name a client may ask for. */
export const SCOPE_NAMES: readonly string[] = [...TOKEN_SCOPES, ...Object.keys(ALIASES)];

/** The scopes asked for, aliases resolved, each once, in TOKEN_SCOPES order. */
export function normaliseScopes(names: readonly string[]): TokenScope[] {
  const wanted = new Set(names.map((name) => ALIASES[name] ?? (name as TokenScope)));
  return TOKEN_SCOPES.filter((scope) => wanted.has(scope));
}

/**
 * The scope a token acts with: the highest it holds. Scopes are levels (write includes read,
 * admin includes both), as team levels are.
 */
export function effectiveScope(scopes: readonly TokenScope[]): TokenScope {
  for (const scope of [...TOKEN_SCOPES].reverse()) {
    if (scopes.includes(scope)) {
      return scope;
    }
  }
  // The table's check constraint keeps every token's list non-empty; refuse the impossible.
  return 'read';
}
