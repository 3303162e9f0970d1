import type { User } from './user.entity.js';

/** A user's record as the faces show it; the password hash never leaves the module. */
export interface UserView {
  readonly id: number;
  readonly username: string;
  readonly lastLogin: Date | null;
  readonly isSuperuser: boolean;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly isStaff: boolean;
  readonly isActive: boolean;
  readonly dateJoined: Date;
}

export function userView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    lastLogin: user.lastLogin,
    isSuperuser: user.isSuperuser,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    isStaff: user.isStaff,
    isActive: user.isActive,
    dateJoined: user.dateJoined,
  };
}
