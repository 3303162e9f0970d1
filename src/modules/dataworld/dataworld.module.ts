import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { FilesModule } from '../files/files.module.js';
import { LicencesModule } from '../licences/licences.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { V0DatasetWritesController } from './v0-dataset-writes.controller.js';
import { V0DatasetWritesService } from './v0-dataset-writes.service.js';
import { V0DownloadsController } from './v0-downloads.controller.js';
import { V0FilesController } from './v0-files.controller.js';
import { V0DownloadsService } from './v0/v0-downloads.service.js';

/**
 * The `/v0` face: data.world's dataset API over the same domain services as `/v1`. It parses
 * data.world's requests into the services' commands and presents their views in data.world's
 * shapes; no rule lives here that `/v1` also needs.
 */
@Module({
  imports: [DatasetsModule, FilesModule, LicencesModule, SourcesModule, TeamsModule],
  controllers: [
    V0DatasetWritesController,
    V0DownloadsController,
    V0FilesController,
  ],
  providers: [
    V0DatasetWritesService,
    V0DownloadsService,
  ],
})
export class DataworldModule {}
