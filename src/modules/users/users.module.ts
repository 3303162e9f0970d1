import { Module } from '@nestjs/common';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { UsersRepository } from './users.repository.js';

@Module({
  providers: [UsersRepository, PasswordHasher, AdminBootstrapService],
  exports: [PasswordHasher, AdminBootstrapService],
})
export class UsersModule {}
