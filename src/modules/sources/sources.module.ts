import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { FileSourcesRepository } from './file-sources.repository.js';
import { SourceFetchMetrics } from './source-fetch.metrics.js';
import { SourceFetchQueue } from './source-fetch.queue.js';
import { SourceFetchWorker } from './source-fetch.worker.js';
import { SourcesService } from './sources.service.js';

/** URL-sourced files, fetched in the background by a job queue on PostgreSQL. */
@Module({
  imports: [DatasetFilesModule],
  providers: [
    FileSourcesRepository,
    SourceFetchQueue,
    SourceFetchWorker,
    SourceFetchMetrics,
    SourcesService,
  ],
  exports: [SourcesService],
})
export class SourcesModule {}
