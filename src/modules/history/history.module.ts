import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { HistoryController } from './history.controller.js';
import { HistoryService } from './history.service.js';

@Module({
  imports: [DatasetsModule, DatasetFilesModule],
  controllers: [HistoryController],
  providers: [HistoryService],
  exports: [HistoryService],
})
export class HistoryModule {}
