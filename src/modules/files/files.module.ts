import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ArchiveService } from './archive.service.js';
import { DownloadsController } from './downloads.controller.js';
import { FileTransferMetrics } from './file-transfer.metrics.js';
import { FilesController } from './files.controller.js';
import { UploadsService } from './uploads.service.js';

@Module({
  imports: [DatasetsModule, DatasetFilesModule, SourcesModule],
  controllers: [FilesController, DownloadsController],
  providers: [UploadsService, ArchiveService, FileTransferMetrics],
  exports: [UploadsService, ArchiveService, FileTransferMetrics],
})
export class FilesModule {}
