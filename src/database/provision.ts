import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgresLog } from './embedded-postgres.js';

export interface ProvisionedDatabase {
  readonly url: string;
  /** `true` when Strata started the database itself (and so must stop it). */
  readonly embedded: boolean;
  /** Calls `listener` if a database Strata started dies on its own; never for an external one. */
  onLost(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

/** The external PostgreSQL named by DATABASE_URL, or else the embedded one in DATA_DIR. */
export async function provisionDatabase(
  config: AppConfig,
  log: EmbeddedPostgresLog,
): Promise<ProvisionedDatabase> {
  if (config.databaseUrl !== undefined) {
    return {
      url: config.databaseUrl,
      embedded: false,
      onLost: () => undefined,
      stop: () => Promise.resolve(),
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    avoidPorts: [config.port],
    log,
  });
  return {
    url: embedded.url,
    embedded: true,
    onLost: (listener) => embedded.onUnexpectedExit(listener),
    stop: () => embedded.stop(),
  };
}
