import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { BadRequestError, DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { BlobStore, type StagedBlob } from '../../storage/blob-store.js';
import { DatasetFilesService } from '../dataset-files/dataset-files.service.js';
import { StagedFiles } from '../dataset-files/staged-files.js';
import { FileSourcesRepository, type ClaimedSource } from './file-sources.repository.js';
import { GuardedFetcher, SourceFetchError } from './guarded-fetcher.js';
import { SourceFetchMetrics } from './source-fetch.metrics.js';
import { SourceFetchQueue, type FetchJob } from './source-fetch.queue.js';

/** The job's source was dropped or re-pointed while it fetched: it records nothing. */
class StaleFetch extends Error {}

const GIVEN_UP_SUMMARY =
  'The fetch was interrupted too often (the server stopped while it ran); sync again to retry.';

/**
 * Runs fetch jobs: marks the source INPROGRESS, streams the URL's body into the blob store
 * (hashed as it goes, like an upload) and records it as the dataset's file of that name, in
 * place of the one before; then OK, or SYSTEMERROR with the reason a person can act on.
 */
@Injectable()
export class SourceFetchWorker implements OnApplicationBootstrap {
  private readonly fetcher: GuardedFetcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: SourceFetchQueue,
    private readonly sources: FileSourcesRepository,
    private readonly files: DatasetFilesService,
    private readonly blobs: BlobStore,
    private readonly metrics: SourceFetchMetrics,
  ) {
    const { maxBytes, fetchTimeoutMs, idleTimeoutMs, allowedHosts, allowPrivate } = config.sources;
    this.fetcher = new GuardedFetcher({
      maxBytes,
      totalTimeoutMs: fetchTimeoutMs,
      idleTimeoutMs,
      allowedHosts,
      allowPrivate,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.queue.start(
      (job, signal) => this.run(job, signal),
      async (job) => {
        this.metrics.failed('given_up');
        await this.sources.fail(job.sourceId, job.jobId, GIVEN_UP_SUMMARY);
      },
    );
  }

  async run(job: FetchJob, signal: AbortSignal): Promise<void> {
    const source = await this.sources.claim(job.sourceId, job.jobId);
    if (source === undefined) {
      return; // A newer job, or no source any more.
    }
    try {
      const fetched = await this.fetcher.open(source.url, signal);
      const blob = await this.blobs.stage(fetched.body, { maxBytes: this.config.sources.maxBytes });
      try {
        if (!(await this.sources.isCurrent(job.sourceId, job.jobId))) {
          return; // Saves the recording work; checked again, under lock, as it records.
        }
        await this.record(job, source, blob);
      } finally {
        await blob.discard();
      }
      await this.sources.succeed(job.sourceId, job.jobId);
    } catch (error) {
      if (signal.aborted && this.queue.isStopping) {
        throw error; // Not the source's fault: the job runs again after the restart.
      }
      if (error instanceof SourceFetchError || error instanceof DomainError) {
        this.metrics.failed('source');
        await this.sources.fail(job.sourceId, job.jobId, error.message);
        return;
      }
      this.metrics.failed('error');
      throw error; // Unexpected (the database?): the queue retries, then gives up.
    }
  }

  /**
   * The fetched bytes as the dataset's file of the source's name: a new file takes the
   * source's description and labels; a file there already gets the bytes in place, keeping its
   * own details and creation time.
   */
  private async record(job: FetchJob, source: ClaimedSource, blob: StagedBlob): Promise<void> {
    const { sourceId, jobId } = job;
    const existing = await this.files
      .getFile(source.datasetId, source.filename)
      .catch((error: unknown) => {
        if (error instanceof BadRequestError) {
          return undefined; // No such file yet (the first fetch).
        }
        throw error;
      });
    if (existing?.handle === blob.handle) {
      return; // The same bytes as last time: nothing changes, not even the times.
    }
    const staged = new StagedFiles(this.blobs);
    staged.add(source.filename, blob);
    try {
      await this.files.addStaged(source.datasetId, staged, {
        replace: true,
        // Read under the dataset's lock, which setFileDetails takes first too: a change to the
        // source's details is either seen here or finds the file when it runs. The source must
        // still be this job's: an upload or delete that dropped it meanwhile wins.
        details: async (manager) => {
          if (!(await this.sources.lockIfCurrent(manager, sourceId, jobId))) {
            throw new StaleFetch();
          }
          return this.sources.detailsOf(manager, sourceId);
        },
      });
    } catch (error) {
      if (!(error instanceof StaleFetch)) {
        throw error;
      }
    } finally {
      await staged.discardRemaining();
    }
  }
}
