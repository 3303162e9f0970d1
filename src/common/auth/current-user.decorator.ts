import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from './auth-user.js';

/** The authenticated caller, or `undefined` on routes that allow anonymous callers. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<Request & { user?: Caller }>().user ?? undefined,
);
