import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { BlobStore } from '../../storage/blob-store.js';
import { DatasetFilesRepository } from './dataset-files.repository.js';

/** Stored bytes younger than this with no database row may still be an upload committing. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

/**
 * Reclaims blobs no file references any more. Deleting bytes happens under the blob's row lock,
 * which every upload of the same bytes also takes, so a collection and an upload of identical
 * content can never interleave: either the upload sees no row and re-creates the bytes from its
 * own staged copy, or the collector sees the new reference and keeps them.
 */
@Injectable()
export class BlobCollectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BlobCollectorService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly files: DatasetFilesRepository,
    private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: a large store must not hold up start-up.
    this.collectInBackground();
    if (this.config.blobCollectIntervalMs > 0) {
      this.timer = setInterval(() => this.collectInBackground(), this.config.blobCollectIntervalMs);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * One sweep for the whole cluster: it runs only while this instance holds the collector's
   * advisory lock, and answers undefined without sweeping when another instance holds it.
   * Sweeping concurrently would be safe (every deletion is decided under the blob's row lock),
   * only wasteful: each instance would list the whole store.
   */
  async sweepOnceInCluster(): Promise<number | undefined> {
    return this.files.whileHoldingCollectorLock(() => this.sweep());
  }

  private collectInBackground(): void {
    if (this.running) {
      return; // The previous sweep is still going (a large store, a slow disk).
    }
    this.running = this.sweepOnceInCluster()
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Blob sweep failed; it runs again at the next interval'),
      )
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Deletes each blob if nothing references it; returns how many were deleted. */
  async reclaim(handles: Iterable<string>): Promise<number> {
    let deleted = 0;
    for (const handle of new Set(handles)) {
      const collected = await this.files.transaction(async (manager) => {
        if (!(await this.files.lockBlobForCollection(manager, handle))) {
          return false;
        }
        if (await this.files.isReferenced(manager, handle)) {
          return false;
        }
        await this.blobs.delete(handle);
        await this.files.deleteBlobRow(manager, handle);
        return true;
      });
      if (collected) {
        deleted += 1;
      }
    }
    return deleted;
  }

  /** Best effort, for callers that have already answered: failures only get logged. */
  reclaimLater(handles: Iterable<string>): void {
    const list = [...handles];
    if (list.length === 0) {
      return;
    }
    void this.reclaim(list).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Reclaiming blobs failed; the next sweep retries'),
    );
  }

  /**
   * Finds what crashes left behind: blob rows without references, and stored bytes without a
   * row (an upload killed between committing its bytes and its transaction) that are old
   * enough not to belong to an upload in progress.
   */
  async sweep(now = Date.now()): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await this.files.unreferencedBlobs(500);
      const reclaimed = await this.reclaim(batch);
      deleted += reclaimed;
      if (batch.length < 500 || reclaimed === 0) {
        break;
      }
    }
    let pending: string[] = [];
    const flush = async (): Promise<void> => {
      const known = await this.files.knownBlobs(pending);
      deleted += await this.reclaim(pending.filter((handle) => !known.has(handle)));
      pending = [];
    };
    for await (const blob of this.blobs.list()) {
      if (now - blob.modified.getTime() >= ORPHAN_MIN_AGE_MS) {
        pending.push(blob.handle);
        if (pending.length >= 500) {
          await flush();
        }
      }
    }
    await flush();
    if (deleted > 0) {
      this.logger.log(`Reclaimed ${deleted} unreferenced blob(s)`);
    }
    return deleted;
  }
}
