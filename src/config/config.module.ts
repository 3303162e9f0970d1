import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from './app-config.js';

/** Provides the validated config under {@link APP_CONFIG} to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
