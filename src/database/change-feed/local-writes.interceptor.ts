import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { ChangeFeed } from './change-feed.service.js';
import { recordWrites } from './request-writes.js';

/**
 * When a request that may have committed a write finishes (answer or error: an error can come
 * after a commit), this process's caches drop what they hold before the answer is sent: the
 * change notification of that write arrives a moment later, and a client reading its own write
 * straight after must never see the cache from before it. Reads, and requests whose writes all
 * failed or rolled back, leave the caches alone.
 */
@Injectable()
export class LocalWritesInterceptor implements NestInterceptor {
  constructor(private readonly feed: ChangeFeed) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // The handler runs in the context next.handle() is called in, so its queries log here.
    const { result, log } = recordWrites(() => next.handle());
    const finished = (): void => {
      if (log.mayHaveCommitted) {
        this.feed.localWriteFinished();
      }
    };
    return result.pipe(tap({ next: finished, error: finished }));
  }
}
