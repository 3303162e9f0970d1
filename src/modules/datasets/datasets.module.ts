import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { LicencesModule } from '../licences/licences.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { DatasetVersioningController } from './dataset-versioning.controller.js';
import { DatasetVersioningService } from './dataset-versioning.service.js';
import { DatasetsController } from './datasets.controller.js';
import { DatasetsRepository } from './datasets.repository.js';
import { DatasetsService } from './datasets.service.js';

@Module({
  imports: [DatasetFilesModule, ProjectsModule, LicencesModule, TeamsModule],
  controllers: [DatasetsController, DatasetVersioningController],
  providers: [DatasetsRepository, DatasetsService, DatasetVersioningService],
  exports: [DatasetsService, DatasetVersioningService],
})
export class DatasetsModule {}
