import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ChangeFeed } from './change-feed.service.js';
import { LocalWritesInterceptor } from './local-writes.interceptor.js';

/** One LISTEN connection per process, shared by every cache. */
@Global()
@Module({
  providers: [ChangeFeed, { provide: APP_INTERCEPTOR, useClass: LocalWritesInterceptor }],
  exports: [ChangeFeed],
})
export class ChangeFeedModule {}
