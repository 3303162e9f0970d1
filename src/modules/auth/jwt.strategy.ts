import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config.js';
import { AuthService } from './auth.service.js';
import { VerifiedTokens } from './verified-tokens.js';

const BEARER = ExtractJwt.fromAuthHeaderAsBearerToken();

/** passport-jwt checks signature (HS256 only: no `alg: none`) and expiry; we check the rest. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly auth: AuthService,
    private readonly verified: VerifiedTokens,
  ) {
    super({
      jwtFromRequest: BEARER,
      passReqToCallback: true,
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it
      // as a public key on every request, which cost a fifth of a dataset GET under load.
      // (passport-jwt's types predate KeyObject; it hands the key to jsonwebtoken as is.)
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(request: Request, payload: unknown): Promise<AuthUser> {
    const user = await this.auth.userForAccessClaims(payload);
    // A token that names an active user is kept, so its signature is not checked again.
    const token = BEARER(request);
    if (token) {
      this.verified.remember(token, payload);
    }
    return user;
  }
}
