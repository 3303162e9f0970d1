import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { FilesController } from './files.controller.js';
import { UploadsService } from './uploads.service.js';

@Module({
  imports: [DatasetsModule, DatasetFilesModule],
  controllers: [FilesController],
  providers: [UploadsService],
})
export class FilesModule {}
