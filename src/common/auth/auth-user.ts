/** The authenticated caller, as every service sees it. `undefined` stands for anonymous. */
export interface AuthUser {
  readonly id: number;
  readonly username: string;
  /** Django's `is_staff`: the flag UFDL's IsAdminUser checks; site admins pass every check. */
  readonly isStaff: boolean;
  readonly isSuperuser: boolean;
}

export type Caller = AuthUser | undefined;

export function isSiteAdmin(caller: Caller): boolean {
  return caller?.isStaff === true;
}
