import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config.js';
import { AuthService } from './auth.service.js';

/** passport-jwt checks signature (HS256 only: no `alg: none`) and expiry; we check the rest. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it
      // as a public key on every request, which cost a fifth of a dataset GET under load.
      // (passport-jwt's types predate KeyObject; it hands the key to jsonwebtoken as is.)
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(payload: unknown): Promise<AuthUser> {
    return this.auth.userForAccessClaims(payload);
  }
}
