import { Module } from '@nestjs/common';
import { BlobCollectorService } from './blob-collector.service.js';
import { DatasetFilesRepository } from './dataset-files.repository.js';
import { DatasetFilesService } from './dataset-files.service.js';

@Module({
  providers: [DatasetFilesRepository, DatasetFilesService, BlobCollectorService],
  exports: [DatasetFilesService, BlobCollectorService],
})
export class DatasetFilesModule {}
