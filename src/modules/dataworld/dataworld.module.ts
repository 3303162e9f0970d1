import { Module } from '@nestjs/common';
import { DatasetFilesModule } from '../dataset-files/dataset-files.module.js';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { FilesModule } from '../files/files.module.js';
import { LicencesModule } from '../licences/licences.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { UsersModule } from '../users/users.module.js';
import { V0DatasetWritesController } from './v0-dataset-writes.controller.js';
import { V0DatasetWritesService } from './v0-dataset-writes.service.js';
import { V0DatasetsController } from './v0-datasets.controller.js';
import { V0DownloadsController } from './v0-downloads.controller.js';
import { V0FilesController } from './v0-files.controller.js';
import { V0UserController } from './v0-user.controller.js';
import { DatasetSummariesService } from './v0/dataset-summaries.service.js';
import { V0DownloadsService } from './v0/v0-downloads.service.js';

/**
 * The `/v0` face: data.world's dataset API over the same domain services as `/v1`. It parses
 * data.world's requests into the services' commands and presents their views in data.world's
 * shapes; no rule lives here that `/v1` also needs.
 */
@Module({
  imports: [
    DatasetsModule,
    DatasetFilesModule,
    FilesModule,
    LicencesModule,
    SourcesModule,
    TeamsModule,
    UsersModule,
  ],
  controllers: [
    V0DatasetsController,
    V0DatasetWritesController,
    V0FilesController,
    V0DownloadsController,
    V0UserController,
  ],
  providers: [DatasetSummariesService, V0DatasetWritesService, V0DownloadsService],
})
export class DataworldModule {}
