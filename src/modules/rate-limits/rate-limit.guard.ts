import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ThrottledError } from '../../common/errors/domain-error.js';
import { NOT_RATE_LIMITED, PASSWORD_RATE_LIMITED } from '../../common/http/rate-limit.decorator.js';
import { RateLimitsService, type RateLimitState } from './rate-limits.service.js';

/**
 * Global, after the auth guard (RateLimitsModule is imported after AuthModule): an
 * authenticated caller is counted by user id across all routes, anyone else by address.
 * `POST /v1/auth/obtain` also counts against the password limit, by address. Answers carry the
 * IETF draft's `RateLimit-Limit`, `-Remaining` and `-Reset` of the limit closest to refusing;
 * a refusal is DRF's 429 with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(NOT_RATE_LIMITED, targets) === true) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthUser }>();
    const address = `ip:${clientAddress(request)}`;
    const states: RateLimitState[] = [];
    const overall = await this.rateLimits.hitOverall(
      request.user ? `user:${request.user.id}` : address,
    );
    if (overall) {
      states.push(overall);
    }
    if (this.reflector.get<boolean>(PASSWORD_RATE_LIMITED, context.getHandler()) === true) {
      const password = await this.rateLimits.hitPassword(address);
      if (password) {
        states.push(password);
      }
    }
    if (states.length === 0) {
      return true;
    }
    const tightest = states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    const response = http.getResponse<Response>();
    response.setHeader('RateLimit-Limit', tightest.limit);
    response.setHeader('RateLimit-Remaining', tightest.remaining);
    response.setHeader('RateLimit-Reset', tightest.resetSeconds);
    const refused = states.filter((state) => state.refused);
    if (refused.length > 0) {
      const wait = Math.max(...refused.map((state) => state.resetSeconds));
      response.setHeader('Retry-After', wait);
      throw new ThrottledError(wait);
    }
    return true;
  }
}

/** The peer's address, IPv4-mapped IPv6 written as IPv4. */
function clientAddress(request: Request): string {
  const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
