import { Injectable } from '@nestjs/common';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { isSiteAdmin } from '../../common/auth/auth-user.js';
import {
  NotFoundError,
  PermissionDeniedError,
  RequestValidationError,
} from '../../common/errors/domain-error.js';
import { uniqueViolation } from '../../common/errors/pg-errors.js';
import { ChangeFeed } from '../../database/change-feed/change-feed.service.js';
import { InvalidatedCache } from '../../database/change-feed/invalidated-cache.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { PasswordHasher } from './password-hasher.service.js';
import type { CreateUserCommand, UpdateUserCommand } from './user.commands.js';
import type { User } from './user.entity.js';
import { userView, type UserView } from './user-view.js';
import { UsersRepository, type AuthRow } from './users.repository.js';

/** User ids are PostgreSQL `integer`s. */
const MAX_USER_ID = 2_147_483_647;

/** What may be filtered and ordered on; the password hash is deliberately absent. */
export const USER_FILTER: FilterResource = {
  name: 'user',
  table: 'users',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    username: { column: 'username', type: 'string' },
    first_name: { column: 'first_name', type: 'string' },
    last_name: { column: 'last_name', type: 'string' },
    email: { column: 'email', type: 'string' },
    is_staff: { column: 'is_staff', type: 'bool' },
    is_superuser: { column: 'is_superuser', type: 'bool' },
    is_active: { column: 'is_active', type: 'bool' },
    date_joined: { column: 'date_joined', type: 'datetime' },
    last_login: { column: 'last_login', type: 'datetime' },
  },
  active: '{alias}."is_active" = true',
};

/** A user as other modules need to know them (memberships, creators). */
export interface UserRef {
  readonly id: number;
  readonly username: string;
  readonly isActive: boolean;
}

/** What a user shows of themselves to other faces (data.world's `GET /v0/user`). */
export interface UserProfile {
  readonly username: string;
  /** First and last name, when either is set. */
  readonly displayName: string | undefined;
  readonly created: Date;
  /**
   * When the account last changed. Strata keeps no such time for users, so it is the date
   * joined: a value that never claims a change that did not happen.
   */
  readonly updated: Date;
}

/** Users behind tokens, kept between requests: a few minutes at most, 10,000 users at most. */
const AUTH_CACHE_TTL_MS = 300_000;
const AUTH_CACHE_MAX_ENTRIES = 10_000;

const DUPLICATE_USERNAME = { username: ['A user with that username already exists.'] };

@Injectable()
export class UsersService {
  // Verified against when the username is unknown, so both paths cost one argon2 verification.
  private dummyHash: Promise<string> | undefined;

  private readonly authCache: InvalidatedCache<number, AuthRow | undefined>;

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    feed: ChangeFeed,
  ) {
    this.authCache = new InvalidatedCache(feed, {
      ttlMs: AUTH_CACHE_TTL_MS,
      maxEntries: AUTH_CACHE_MAX_ENTRIES,
    });
    feed.onChange('users', (id) => this.authCache.invalidate(Number(id)));
  }

  /** The active user with these credentials, or undefined (wrong password, unknown, inactive). */
  async authenticate(username: string, password: string): Promise<AuthUser | undefined> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      this.dummyHash ??= this.hasher.hash('strata-timing-equaliser');
      await this.hasher.verify(await this.dummyHash, password);
      return undefined;
    }
    const matches = await this.hasher.verify(user.passwordHash, password);
    return matches && user.isActive ? toAuthUser(user) : undefined;
  }

  /**
   * The user behind a token's `upk` claim, with whether they may still act. Every authenticated
   * request asks, so the answer is cached until the row changes (the users trigger notifies
   * every instance, and a write request empties its own process's caches before it answers).
   */
  async findForToken(id: number): Promise<{ user: AuthUser; isActive: boolean } | undefined> {
    // A signed token may name any number; ids beyond the integer column name nobody.
    if (!Number.isSafeInteger(id) || id < 1 || id > MAX_USER_ID) {
      return undefined;
    }
    const user = await this.authCache.get(id, () => this.users.findForAuth(id));
    if (!user) {
      return undefined;
    }
    // UFDL records every authenticated request as a login; once a minute is as good and keeps
    // reads free of writes. (The touch notifies, so the cached row is reloaded after it.)
    if (user.isActive && !(user.lastLogin && Date.now() - user.lastLogin.getTime() < 60_000)) {
      user.lastLogin = new Date();
      await this.users.touchLastLogin(user.id);
    }
    return { user: toAuthUser(user), isActive: user.isActive };
  }

  async findRefByUsername(username: string): Promise<UserRef | undefined> {
    const user = await this.users.findByUsername(username);
    return user ? { id: user.id, username: user.username, isActive: user.isActive } : undefined;
  }

  async profile(id: number): Promise<UserProfile> {
    const user = await this.get(id);
    const displayName = `${user.firstName} ${user.lastName}`.trim();
    return {
      username: user.username,
      displayName: displayName || undefined,
      created: user.dateJoined,
      updated: user.dateJoined,
    };
  }

  async list(request: ListRequest): Promise<ListResult<UserView>> {
    return executeList(this.users.listQuery('u'), 'u', USER_FILTER, request, (users) =>
      users.map(userView),
    );
  }

  /** Any user by pk: site admins only. `pk` may be any number a client wrote. */
  async retrieve(caller: Caller, pk: number): Promise<UserView> {
    if (!isSiteAdmin(caller)) {
      throw new PermissionDeniedError();
    }
    if (!Number.isSafeInteger(pk) || pk > MAX_USER_ID) {
      throw new NotFoundError();
    }
    return userView(await this.get(pk));
  }

  /** A list holding the caller's own record by name (admins may ask for anyone). */
  async getByName(caller: Caller, name: string): Promise<UserView[]> {
    if (!isSiteAdmin(caller) && caller?.username !== name) {
      throw new PermissionDeniedError();
    }
    const user = await this.users.findByUsername(name);
    return user ? [userView(user)] : [];
  }

  async create(command: CreateUserCommand): Promise<UserView> {
    const id = await this.users.insertIfAbsent({
      username: command.username,
      passwordHash: await this.hasher.hash(command.password),
      firstName: command.firstName ?? '',
      lastName: command.lastName ?? '',
      email: command.email ?? '',
      isStaff: command.isStaff ?? false,
      isActive: command.isActive ?? true,
    });
    if (id === undefined) {
      throw new RequestValidationError(DUPLICATE_USERNAME);
    }
    return userView(await this.get(id));
  }

  async update(pk: number, command: UpdateUserCommand): Promise<UserView> {
    const user = await this.get(pk);
    if (command.username !== undefined && command.username !== user.username) {
      const taken = await this.users.findByUsername(command.username);
      if (taken) {
        throw new RequestValidationError(DUPLICATE_USERNAME);
      }
    }
    const changes: Partial<User> = {
      ...(command.username !== undefined && { username: command.username }),
      ...(command.firstName !== undefined && { firstName: command.firstName }),
      ...(command.lastName !== undefined && { lastName: command.lastName }),
      ...(command.email !== undefined && { email: command.email }),
      ...(command.isStaff !== undefined && { isStaff: command.isStaff }),
      ...(command.isActive !== undefined && { isActive: command.isActive }),
      ...(command.password !== undefined && {
        passwordHash: await this.hasher.hash(command.password),
      }),
    };
    if (Object.keys(changes).length > 0) {
      try {
        await this.users.update(pk, changes);
      } catch (error) {
        if (uniqueViolation(error) !== undefined) {
          throw new RequestValidationError(DUPLICATE_USERNAME);
        }
        throw error;
      }
    }
    return userView(await this.get(pk));
  }

  /** UFDL never deletes users (their rows own history): destroy deactivates. */
  async deactivate(pk: number): Promise<void> {
    await this.get(pk);
    await this.users.update(pk, { isActive: false });
  }

  private async get(pk: number): Promise<User> {
    const user = await this.users.findById(pk);
    if (!user) {
      throw new NotFoundError();
    }
    return user;
  }
}

function toAuthUser(user: Pick<User, 'id' | 'username' | 'isStaff' | 'isSuperuser'>): AuthUser {
  return {
    id: user.id,
    username: user.username,
    isStaff: user.isStaff,
    isSuperuser: user.isSuperuser,
  };
}
