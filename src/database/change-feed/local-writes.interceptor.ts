import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { ChangeFeed } from './change-feed.service.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** POST routes that only read (FilterSpec lists). */
const READ_ONLY_POST = /\/list\/?$/;

/**
 * When a request that may have written finishes (answer or error, either way after its
 * transaction ended), this process's caches drop what they hold before the answer is sent: the
 * change notification of that write arrives a moment later, and a client reading its own write
 * straight after must never see the cache from before it.
 */
@Injectable()
export class LocalWritesInterceptor implements NestInterceptor {
  constructor(private readonly feed: ChangeFeed) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (READ_METHODS.has(request.method) || READ_ONLY_POST.test(request.path)) {
      return next.handle();
    }
    const finished = (): void => this.feed.localWriteFinished();
    return next.handle().pipe(tap({ next: finished, error: finished }));
  }
}
