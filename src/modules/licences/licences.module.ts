import { Module } from '@nestjs/common';
import { LicencesController } from './licences.controller.js';
import { LicencesRepository } from './licences.repository.js';
import { LicencesService } from './licences.service.js';

@Module({
  controllers: [LicencesController],
  providers: [LicencesRepository, LicencesService],
  exports: [LicencesService],
})
export class LicencesModule {}
