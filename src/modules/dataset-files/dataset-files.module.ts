import { Module } from '@nestjs/common';
import { DatasetFilesRepository } from './dataset-files.repository.js';
import { DatasetFilesService } from './dataset-files.service.js';

@Module({
  providers: [DatasetFilesRepository, DatasetFilesService],
  exports: [DatasetFilesService],
})
export class DatasetFilesModule {}
