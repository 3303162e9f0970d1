import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ChangeFeedModule } from './database/change-feed/change-feed.module.js';
import type { Logger } from 'pino';
import type { ResolvedConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DatasetsModule } from './modules/datasets/datasets.module.js';
import { FilesModule } from './modules/files/files.module.js';
import { MetadataModule } from './modules/metadata/metadata.module.js';
import { DomainsModule } from './modules/domains/domains.module.js';
import { ProjectsModule } from './modules/projects/projects.module.js';
import { TeamsModule } from './modules/teams/teams.module.js';
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
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            // The id was settled by requestIdMiddleware; log under the same one.
            genReqId: (request) => request.id,
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500
                ? 'error'
                : response.statusCode >= 400
                  ? 'warn'
                  : 'info',
            autoLogging: { ignore: (request) => request.url === '/health' },
            // A request's line says which request it was, not every header it carried: no
            // credentials to redact, and no serialising all headers of every request (pino-http
            // binds `req` to each request's logger eagerly, even when nothing is logged).
            serializers: {
              req: (request: {
                id: unknown;
                method: string;
                url: string;
                remoteAddress: string;
              }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
                remoteAddress: request.remoteAddress,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        ChangeFeedModule,
        StorageModule,
        HealthModule,
        UsersModule,
        AuthModule,
        TeamsModule,
        ProjectsModule,
        DatasetsModule,
        FilesModule,
        MetadataModule,
        LicencesModule,
        DomainsModule,
      ],
    };
  }
}
