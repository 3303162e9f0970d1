import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AuthenticationFailedError } from '../../common/errors/domain-error.js';
import { ApiTokensService } from '../api-tokens/api-tokens.service.js';
import { UsersService } from '../users/users.service.js';
import { asTokenClaims, TokenService, type TokenProblem } from './token.service.js';

const TOKEN_NOT_VALID = 'token_not_valid';

/** The three simplejwt endpoints, and turning an access token into the caller. */
@Injectable()
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async obtain(username: string, password: string): Promise<{ refresh: string; access: string }> {
    const user = await this.users.authenticate(username, password);
    if (!user) {
      throw new AuthenticationFailedError('No active account found with the given credentials');
    }
    // Key order as simplejwt answers: refresh first.
    return {
      refresh: await this.tokens.issue('refresh', user.id),
      access: await this.tokens.issue('access', user.id),
    };
  }

  /** A new access token; the refresh token stays valid (no rotation: clients refresh in parallel). */
  async refresh(refreshToken: string): Promise<{ access: string }> {
    const checked = await this.tokens.check(refreshToken, 'refresh');
    if ('problem' in checked) {
      throw plainTokenError(checked.problem);
    }
    const found = await this.users.findForToken(checked.claims.upk);
    if (!found?.isActive) {
      throw plainTokenError('invalid');
    }
    return { access: await this.tokens.issue('access', found.user.id) };
  }

  async verify(token: string): Promise<Record<string, never>> {
    const checked = await this.tokens.check(token);
    if ('problem' in checked) {
      throw plainTokenError(checked.problem);
    }
    return {};
  }

  /**
   * The caller behind the claims of an access token whose signature and expiry passport-jwt has
   * already checked; 401 in simplejwt's shape when the token is of the wrong type or its user
   * can no longer act.
   */
  async userForAccessClaims(payload: unknown): Promise<AuthUser> {
    const claims = asTokenClaims(payload);
    if (!claims || claims.jtt !== 'access') {
      throw invalidAccessToken(claims ? 'wrong-type' : 'invalid');
    }
    return this.activeUser(claims.upk);
  }

  /**
   * The caller behind an API token (`strata_pat_...`), acting with the token's scope at most;
   * 401 in the same shape as a bad JWT when the token is unknown, revoked or expired.
   */
  async userForApiToken(secret: string): Promise<AuthUser> {
    const token = await this.apiTokens.verify(secret);
    if (!token) {
      throw invalidAccessToken('invalid');
    }
    return { ...(await this.activeUser(token.userId)), scope: token.scope };
  }

  private async activeUser(userId: number): Promise<AuthUser> {
    const found = await this.users.findForToken(userId);
    if (!found) {
      throw new AuthenticationFailedError('User not found', { code: 'user_not_found' });
    }
    if (!found.isActive) {
      throw new AuthenticationFailedError('User is inactive', { code: 'user_inactive' });
    }
    return found.user;
  }
}

/** simplejwt's answer to a bad `Authorization: Bearer` token. */
export function invalidAccessToken(problem: TokenProblem): AuthenticationFailedError {
  return new AuthenticationFailedError('Given token not valid for any token type', {
    code: TOKEN_NOT_VALID,
    messages: [
      {
        token_class: 'AccessToken',
        token_type: 'access',
        message: problem === 'wrong-type' ? 'Token has wrong type' : 'Token is invalid or expired',
      },
    ],
  });
}

function plainTokenError(problem: TokenProblem): AuthenticationFailedError {
  return new AuthenticationFailedError(
    problem === 'wrong-type' ? 'Token has wrong type' : 'Token is invalid or expired',
    { code: TOKEN_NOT_VALID },
  );
}
