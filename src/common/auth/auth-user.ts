/**
 * What an API token lets its bearer do, at most: each scope includes the ones before it. A scope
 * caps the user's own rights (team levels, site admin status); it never adds to them.
 */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The authenticated caller, as every service sees it. `undefined` stands for anonymous. */
export interface AuthUser {
  readonly id: number;
  readonly username: string;
  /** Django's `is_staff`: the flag UFDL's IsAdminUser checks; site admins pass every check. */
  readonly isStaff: boolean;
  readonly isSuperuser: boolean;
  /**
   * Set when the caller authenticated with an API token: the most that token allows. Absent for
   * a password login (JWT), which acts with all of the user's rights.
   */
  readonly scope?: TokenScope;
}

export type Caller = AuthUser | undefined;

/** Whether the caller's credentials reach `needed` (a password login reaches every scope). */
export function scopeAllows(caller: AuthUser, needed: TokenScope): boolean {
  return (
    caller.scope === undefined || TOKEN_SCOPES.indexOf(caller.scope) >= TOKEN_SCOPES.indexOf(needed)
  );
}

/** Site admin powers: a staff user, through a password login or a token with `admin` scope. */
export function isSiteAdmin(caller: Caller): boolean {
  return caller?.isStaff === true && scopeAllows(caller, 'admin');
}
