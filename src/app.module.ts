import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BASE_LOGGER } from './common/logging/request-logging.js';
import { ChangeFeedModule } from './database/change-feed/change-feed.module.js';
import type { Logger } from 'pino';
import type { ResolvedConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DatasetsModule } from './modules/datasets/datasets.module.js';
import { DataworldModule } from './modules/dataworld/dataworld.module.js';
import { FilesModule } from './modules/files/files.module.js';
import { MetadataModule } from './modules/metadata/metadata.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { DocsModule } from './modules/docs/docs.module.js';
import { DomainsModule } from './modules/domains/domains.module.js';
import { ProjectsModule } from './modules/projects/projects.module.js';
import { SourcesModule } from './modules/sources/sources.module.js';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module.js';
import { TeamsModule } from './modules/teams/teams.module.js';
import { HistoryModule } from './modules/history/history.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { LicencesModule } from './modules/licences/licences.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { StorageModule } from './storage/storage.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ResolvedConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(
          dataSourceOptions(config.databaseUrl, config.database.poolSize, config.database),
        ),
        ChangeFeedModule,
        MetricsModule,
        StorageModule,
        HealthModule,
        UsersModule,
        AuthModule,
        ApiTokensModule,
        // After AuthModule: the rate limit guard counts authenticated users by id.
        RateLimitsModule.forRoot(config.rateLimit),
        TeamsModule,
        ProjectsModule,
        DatasetsModule,
        HistoryModule,
        FilesModule,
        MetadataModule,
        LicencesModule,
        DomainsModule,
        SourcesModule,
        DataworldModule,
        DocsModule,
      ],
      providers: [{ provide: BASE_LOGGER, useValue: logger }],
    };
  }
}
