import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config.js';
import { PasswordHasher } from './password-hasher.service.js';
import { UsersRepository } from './users.repository.js';

export const DEFAULT_ADMIN_USERNAME = 'admin';

/**
 * Makes sure the site can be administered from the first start: the configured admin
 * (ADMIN_USERNAME/ADMIN_PASSWORD) exists with that password, or, with none configured and no
 * admin present, an `admin` with a random password printed once.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  async ensureAdmin(): Promise<void> {
    const configured = this.config.admin;
    if (configured) {
      await this.ensureConfiguredAdmin(configured.username, configured.password);
      return;
    }
    if (await this.users.hasActiveAdmin()) {
      return;
    }
    const password = randomBytes(18).toString('base64url');
    const inserted =
      (await this.users.insertIfAbsent({
        username: DEFAULT_ADMIN_USERNAME,
        passwordHash: await this.hasher.hash(password),
        isStaff: true,
        isSuperuser: true,
        isActive: true,
      })) !== undefined;
    if (inserted) {
      // Printed once, on purpose: there is no other way to learn it. Set ADMIN_PASSWORD to choose.
      this.logger.warn(
        `Created site admin '${DEFAULT_ADMIN_USERNAME}' with password '${password}' ` +
          '(shown only now; set ADMIN_USERNAME/ADMIN_PASSWORD to choose your own)',
      );
    } else {
      this.logger.warn(
        `No active site admin exists and the username '${DEFAULT_ADMIN_USERNAME}' is taken by ` +
          'a non-admin; set ADMIN_USERNAME/ADMIN_PASSWORD to bootstrap one',
      );
    }
  }

  private async ensureConfiguredAdmin(username: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const inserted =
      (await this.users.insertIfAbsent({
        username,
        passwordHash,
        isStaff: true,
        isSuperuser: true,
        isActive: true,
      })) !== undefined;
    if (inserted) {
      this.logger.log(`Created site admin '${username}' from ADMIN_USERNAME`);
      return;
    }
    const existing = await this.users.findByUsername(username);
    if (!existing) {
      return;
    }
    // The environment is the source of truth for this account: re-promote and re-key it.
    const samePassword = await this.hasher.verify(existing.passwordHash, password);
    if (samePassword && existing.isStaff && existing.isSuperuser && existing.isActive) {
      return;
    }
    await this.users.update(existing.id, {
      isStaff: true,
      isSuperuser: true,
      isActive: true,
      ...(samePassword ? {} : { passwordHash }),
    });
    this.logger.log(`Updated site admin '${username}' from ADMIN_USERNAME/ADMIN_PASSWORD`);
  }
}
