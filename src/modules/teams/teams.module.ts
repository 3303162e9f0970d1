import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { TeamAccessService } from './team-access.service.js';
import { TeamsController } from './teams.controller.js';
import { TeamsRepository } from './teams.repository.js';
import { TeamsService } from './teams.service.js';

@Module({
  imports: [UsersModule],
  controllers: [TeamsController],
  providers: [TeamsRepository, TeamsService, TeamAccessService],
  exports: [TeamsService, TeamAccessService],
})
export class TeamsModule {}
