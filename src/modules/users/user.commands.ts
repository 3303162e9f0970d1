/** What creating a user takes, whichever face asked. */
export interface CreateUserCommand {
  readonly username: string;
  /** In clear: the service hashes it. */
  readonly password: string;
  /** Default: empty. */
  readonly firstName?: string;
  /** Default: empty. */
  readonly lastName?: string;
  /** Default: empty. */
  readonly email?: string;
  /** Default: false. */
  readonly isStaff?: boolean;
  /** Default: true. */
  readonly isActive?: boolean;
}

/** A change to a user: fields left undefined stay as they are; a password given is re-hashed. */
export type UpdateUserCommand = Partial<CreateUserCommand>;
