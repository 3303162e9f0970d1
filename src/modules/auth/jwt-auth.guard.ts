import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { isSiteAdmin, type AuthUser } from '../../common/auth/auth-user.js';
import { ADMIN_ONLY, ALLOW_ANONYMOUS, IS_PUBLIC } from '../../common/auth/public.decorator.js';
import {
  AuthenticationFailedError,
  BadRequestError,
  NotAuthenticatedError,
  PermissionDeniedError,
} from '../../common/errors/domain-error.js';
import { isApiTokenSecret } from '../api-tokens/api-token-secret.js';
import { AuthService, invalidAccessToken } from './auth.service.js';
import { VerifiedTokens } from './verified-tokens.js';

type AuthRequest = Request & { user?: AuthUser };

/**
 * The global guard: deny by default. Every route needs an authenticated caller unless it says
 * `@Public()` (no authentication at all) or `@AllowAnonymous()` (the service decides).
 * `@AdminOnly()` routes also need a site admin. A bad token is 401 even where anonymous
 * callers are welcome (as simplejwt does), but a caller who is authenticated and still not
 * allowed gets 403, never 401: the official clients answer 401 by refreshing, forever.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly verified: VerifiedTokens,
    private readonly auth: AuthService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const flag = (key: string): boolean =>
      this.reflector.getAllAndOverride<boolean | undefined>(key, [
        context.getHandler(),
        context.getClass(),
      ]) === true;
    if (flag(IS_PUBLIC)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthRequest>();
    request.user = undefined;
    // simplejwt ignores an Authorization header of another scheme: the caller is anonymous.
    const authorization = request.headers.authorization ?? '';
    if (/^Bearer(\s|$)/.test(authorization)) {
      // passport-jwt would take the first token of `Bearer <token> <anything>`; simplejwt refuses.
      const parts = authorization.trim().split(/\s+/);
      if (parts.length !== 2) {
        throw new AuthenticationFailedError(
          'Authorization header must contain two space-delimited values',
          { code: 'bad_authorization_header' },
        );
      }
      // API tokens carry their own prefix (never a JWT's first character); JWTs go on as
      // before. A token passport-jwt verified before is not verified again (VerifiedTokens);
      // the user behind either kind is checked every time.
      if (isApiTokenSecret(parts[1])) {
        request.user = await this.auth.userForApiToken(parts[1]);
      } else {
        const claims = this.verified.claimsOf(parts[1]);
        if (claims !== undefined) {
          request.user = await this.auth.userForAccessClaims(claims);
        } else {
          await super.canActivate(context);
        }
      }
    }
    rejectNodeId(request);
    const user = request.user;
    if (!user) {
      if (flag(ALLOW_ANONYMOUS) && !flag(ADMIN_ONLY)) {
        return true;
      }
      throw new NotAuthenticatedError();
    }
    // A site admin's token without the admin scope has no site admin powers.
    if (flag(ADMIN_ONLY) && !isSiteAdmin(user)) {
      throw new PermissionDeniedError();
    }
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: unknown): TUser {
    if (error instanceof Error) {
      throw error;
    }
    if (!user) {
      throw invalidAccessToken('invalid');
    }
    return user as TUser;
  }
}

/** Strata has no worker nodes (spec Part A 9), so any `Node-Id` names no node. */
function rejectNodeId(request: Request): void {
  const nodeId = request.headers['node-id'];
  if (nodeId === undefined) {
    return;
  }
  const value = Array.isArray(nodeId) ? nodeId.join(',') : nodeId;
  const reason = /^\d+$/.test(value.trim())
    ? 'No node with this primary-key'
    : 'Unable to parse into an integer primary-key';
  throw new BadRequestError(`Bad Node-Id header '${value}': ${reason}`);
}
