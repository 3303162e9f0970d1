import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module.js';
import { FilesModule } from '../files/files.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { V0FilesController } from './v0-files.controller.js';

/**
 * The `/v0` face: data.world's dataset API over the same domain services as `/v1`. It parses
 * data.world's requests into the services' commands and presents their views in data.world's
 * shapes; no rule lives here that `/v1` also needs.
 */
@Module({
  imports: [DatasetsModule, FilesModule, SourcesModule, TeamsModule],
  controllers: [V0FilesController],
  providers: [],
})
export class DataworldModule {}
