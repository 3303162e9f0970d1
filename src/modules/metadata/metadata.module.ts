import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { MetadataController } from './metadata.controller.js';
import { MetadataService } from './metadata.service.js';

@Module({
  imports: [DatasetsModule, DatasetFilesModule],
  controllers: [MetadataController],
  providers: [MetadataService],
})
export class MetadataModule {}
