import type { UserView } from '../user-view.js';

/** UFDL's user JSON; key order is part of the wire contract (DRF serializer field order). */
export interface UserJson {
  username: string;
  pk: number;
  last_login: string | null;
  is_superuser: boolean;
  first_name: string;
  last_name: string;
  email: string;
  is_staff: boolean;
  is_active: boolean;
  date_joined: string;
}

export function userJson(user: UserView): UserJson {
  return {
    username: user.username,
    pk: user.id,
    last_login: user.lastLogin ? user.lastLogin.toISOString() : null,
    is_superuser: user.isSuperuser,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    is_staff: user.isStaff,
    is_active: user.isActive,
    date_joined: user.dateJoined.toISOString(),
  };
}
