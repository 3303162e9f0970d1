import { Injectable } from '@nestjs/common';
import { scopeAllows, type AuthUser, type TokenScope } from '../../common/auth/auth-user.js';
import {
  NotFoundError,
  PermissionDeniedError,
  RequestValidationError,
} from '../../common/errors/domain-error.js';
import { ChangeFeed } from '../../database/change-feed/change-feed.service.js';
import { InvalidatedCache } from '../../database/change-feed/invalidated-cache.js';
import type { ApiToken } from './api-token.entity.js';
import { effectiveScope, normaliseScopes } from './api-token-scopes.js';
import { newSecret, secretHash } from './api-token-secret.js';
import { ApiTokensRepository, type TokenAuthRow } from './api-tokens.repository.js';

/** Token rows kept between requests: a few minutes at most, 10,000 tokens at most. */
const AUTH_CACHE_TTL_MS = 300_000;
const AUTH_CACHE_MAX_ENTRIES = 10_000;
const LAST_USED_INTERVAL_MS = 60_000;

export interface CreateApiTokenCommand {
  name: string;
  /** Scope names as sent, aliases included (validated by the DTO). */
  scopes: readonly string[];
  /** ISO 8601, validated as such by the DTO. */
  expiresAt?: string;
}

/** A token as its owner sees it. */
export interface ApiTokenView {
  id: number;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** What a valid token authenticates: its user (still to be checked) and its scope. */
export interface VerifiedApiToken {
  userId: number;
  scope: TokenScope;
}

@Injectable()
export class ApiTokensService {
  private readonly byHash: InvalidatedCache<string, TokenAuthRow | undefined>;

  constructor(
    private readonly tokens: ApiTokensRepository,
    feed: ChangeFeed,
  ) {
    this.byHash = new InvalidatedCache(feed, {
      ttlMs: AUTH_CACHE_TTL_MS,
      maxEntries: AUTH_CACHE_MAX_ENTRIES,
    });
    // The cache is keyed by hash, the notification names the row: a scan, but a rare one (the
    // trigger fires on creation and revocation, not on last-use updates).
    feed.onChange('api_tokens', (id) =>
      this.byHash.invalidateWhere((row) => row?.id === Number(id)),
    );
  }

  /**
   * The user and scope behind a secret, or undefined when it names no token, or a revoked or
   * expired one. Revocation reaches every instance by the change feed; expiry is judged per
   * request. Unknown secrets are not cached, so guessing cannot fill the cache.
   */
  async verify(secret: string): Promise<VerifiedApiToken | undefined> {
    const hash = secretHash(secret);
    if (hash === undefined) {
      return undefined;
    }
    const row = await this.byHash.get(
      hash,
      () => this.tokens.findForAuth(hash),
      (found) => found !== undefined,
    );
    if (
      !row ||
      row.revokedAt !== null ||
      (row.expiresAt && row.expiresAt.getTime() <= Date.now())
    ) {
      return undefined;
    }
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_INTERVAL_MS) {
      row.lastUsedAt = new Date();
      await this.tokens.touchLastUsed(row.id);
    }
    return { userId: row.userId, scope: effectiveScope(row.scopes) };
  }

  /** A new token of the caller's; the secret is in the answer and nowhere else, ever. */
  async create(
    caller: AuthUser,
    command: CreateApiTokenCommand,
  ): Promise<{ token: ApiTokenView; secret: string }> {
    assertMayManageTokens(caller);
    const expiresAt = command.expiresAt === undefined ? null : new Date(command.expiresAt);
    if (expiresAt !== null && !(expiresAt.getTime() > Date.now())) {
      throw new RequestValidationError({ expires_at: ['The expiry must be in the future.'] });
    }
    const secret = newSecret();
    const saved = await this.tokens.insert({
      userId: caller.id,
      name: command.name,
      secretHash: secretHash(secret)!,
      scopes: normaliseScopes(command.scopes),
      expiresAt,
    });
    return { token: toView(saved), secret };
  }

  /** The caller's own tokens that are not revoked; expired ones too, to be seen and revoked. */
  async list(caller: AuthUser): Promise<ApiTokenView[]> {
    return (await this.tokens.findActiveOf(caller.id)).map(toView);
  }

  /** Another user's token, or one revoked already, is "not found": its id reveals nothing. */
  async revoke(caller: AuthUser, id: number): Promise<void> {
    assertMayManageTokens(caller);
    if (!(await this.tokens.revoke(id, caller.id))) {
      throw new NotFoundError();
    }
  }
}

/**
 * Making and revoking tokens is account administration: a password login, or a token with the
 * `admin` scope. A leaked read or write token cannot mint itself successors or revoke the
 * owner's other tokens.
 */
function assertMayManageTokens(caller: AuthUser): void {
  if (!scopeAllows(caller, 'admin')) {
    throw new PermissionDeniedError(
      'Creating or revoking API tokens needs a password login or a token with the admin scope.',
    );
  }
}

function toView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
  };
}
