import { Global, Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed.service.js';

/** One LISTEN connection per process, shared by every cache. */
@Global()
@Module({ providers: [ChangeFeed], exports: [ChangeFeed] })
export class ChangeFeedModule {}
