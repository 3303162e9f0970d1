import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config.js';

export type TokenType = 'access' | 'refresh';

/** simplejwt's claims as the UFDL backend renames them: `jtt` (type) and `upk` (user pk). */
export interface TokenClaims {
  jtt: TokenType;
  exp: number;
  iat: number;
  jti: string;
  upk: number;
}

/** Why a token was refused, in simplejwt's words (the clients only look at the 401). */
export type TokenProblem = 'invalid' | 'wrong-type';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  issue(type: TokenType, userId: number): Promise<string> {
    return this.jwt.signAsync(
      { jtt: type, jti: randomBytes(16).toString('hex'), upk: userId },
      {
        expiresIn:
          type === 'access' ? this.config.accessTokenLifetime : this.config.refreshTokenLifetime,
      },
    );
  }

  /**
   * The claims of a valid, unexpired token of the expected type (any type when `expected` is
   * omitted), or the problem. Only HS256 with our key is accepted: `alg: none` and tokens signed
   * with anything else are invalid.
   */
  async check(
    token: string,
    expected?: TokenType,
  ): Promise<{ claims: TokenClaims } | { problem: TokenProblem }> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return { problem: 'invalid' };
    }
    if (!asTokenClaims(claims)) {
      return { problem: 'invalid' };
    }
    if (expected !== undefined && claims.jtt !== expected) {
      return { problem: 'wrong-type' };
    }
    return { claims };
  }
}

/** The claims, when the payload has the shape Strata signs (else undefined). */
export function asTokenClaims(value: unknown): TokenClaims | undefined {
  const claims = value as Partial<TokenClaims> | null;
  const valid =
    typeof claims === 'object' &&
    claims !== null &&
    (claims.jtt === 'access' || claims.jtt === 'refresh') &&
    Number.isSafeInteger(claims.upk) &&
    (claims.upk ?? 0) > 0;
  return valid ? (claims as TokenClaims) : undefined;
}
