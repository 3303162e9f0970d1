import { Module } from '@nestjs/common';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensRepository } from './api-tokens.repository.js';
import { ApiTokensService } from './api-tokens.service.js';

@Module({
  controllers: [ApiTokensController],
  providers: [ApiTokensRepository, ApiTokensService],
  exports: [ApiTokensService],
})
export class ApiTokensModule {}
