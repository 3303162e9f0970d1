import path from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { BlobStore } from './blob-store.js';
import { LocalDiskBlobStore } from './local-disk-blob-store.js';

/** Provides the {@link BlobStore} to every module; only this module knows which driver it is. */
@Global()
@Module({
  providers: [
    {
      provide: BlobStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): BlobStore =>
        new LocalDiskBlobStore(path.join(config.dataDir, 'blobs')),
    },
  ],
  exports: [BlobStore],
})
export class StorageModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(StorageModule.name);

  constructor(
    private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Leftovers younger than the configured age are left alone: several instances may share
    // one disk, and a younger file may be an upload another instance is still writing.
    const removed = await this.blobs.cleanupStaging(this.config.stagingCleanupAgeMs);
    if (removed > 0) {
      this.logger.log(`Removed ${removed} staging leftover(s) of interrupted uploads`);
    } else {
      this.logger.debug('No staging leftovers to remove');
    }
  }
}
