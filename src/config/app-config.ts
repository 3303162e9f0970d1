import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Injection token for the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The one typed configuration object every part of Strata reads; built once at boot. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path; holds the embedded database, blobs and generated secrets. */
  readonly dataDir: string;
  /** Unset means: start the embedded PostgreSQL under `dataDir/postgres`. */
  readonly databaseUrl: string | undefined;
  /** Unset means: generate one and keep it in `dataDir` (see `resolveJwtSecret`). */
  readonly jwtSecret: string | undefined;
  readonly admin: { readonly username: string; readonly password: string } | undefined;
  readonly logLevel: LogLevel;
  /** Lifetimes of JWT access and refresh tokens, in seconds (UFDL: 5 minutes and 8 hours). */
  readonly accessTokenLifetime: number;
  readonly refreshTokenLifetime: number;
  /**
   * Staging leftovers (uploads cut off by a crash) older than this are removed at start-up, in
   * milliseconds. Younger ones may belong to another instance's upload on a shared disk.
   */
  readonly stagingCleanupAgeMs: number;
  /**
   * Milliseconds between blob collections (unreferenced bytes left by crashes and failed
   * writes); 0 collects only at start-up. One instance of a cluster collects at a time.
   */
  readonly blobCollectIntervalMs: number;
  /**
   * HTTP worker processes (node:cluster) sharing the port; 1 serves from the main process. Every
   * worker is an instance like any other: nothing is shared between them but the database.
   */
  readonly workers: number;
  /**
   * `WORKERS=auto`: `workers` is the CPU count, an upper bound; the cluster forks only as many
   * as the database's free connections allow (see fitWorkersToDatabase).
   */
  readonly workersAuto: boolean;
  /** The pool each process keeps towards PostgreSQL, and the session limits it sets. */
  readonly database: {
    readonly poolSize: number;
    /** 0: no limit. */
    readonly statementTimeoutMs: number;
    /** 0: no limit. */
    readonly idleInTransactionTimeoutMs: number;
  };
  /** Largest single file accepted by an upload, in bytes (413 above it). */
  readonly maxUploadBytes: number;
  /** Limits on a `files-multi` zip: entries, total uncompressed bytes, compression ratio. */
  readonly zip: {
    readonly maxEntries: number;
    readonly maxTotalBytes: number;
    readonly maxCompressionRatio: number;
  };
  /** HTTP server timeouts, in milliseconds; 0 disables the request and upload ones. */
  readonly http: {
    /** Longest a request other than an upload may take to arrive once its headers have. */
    readonly requestTimeoutMs: number;
    /** Longest an upload body may go without a byte arriving. */
    readonly uploadIdleTimeoutMs: number;
    readonly keepAliveTimeoutMs: number;
    readonly headersTimeoutMs: number;
  };
  /** Requests per minute and client; 0 disables the limit. */
  readonly rateLimit: {
    /** Any throttled route, per user (or per address for anonymous callers). */
    readonly perMinute: number;
    /** `POST /v1/auth/obtain`, per address: password guessing. */
    readonly authPerMinute: number;
  };
  /** Fetching of URL-sourced files (src/modules/sources). */
  readonly sources: SourcesConfig;
  /**
   * The base URL clients reach Strata at (scheme, host, optional path; no trailing slash), for
   * the absolute URLs answers carry. Unset: built from each request's scheme and Host.
   */
  readonly publicUrl: string | undefined;
  /**
   * The bearer token `/metrics` asks of Prometheus; unset: `/metrics` is not served (404), so
   * nothing about the process is exposed by accident.
   */
  readonly metricsToken: string | undefined;
}

export interface SourcesConfig {
  /** Largest body a source may deliver, in bytes; a larger one fails its fetch. */
  readonly maxBytes: number;
  /** Longest one fetch may take from connecting to the last byte stored, in milliseconds. */
  readonly fetchTimeoutMs: number;
  /** Longest a source may go without sending a byte, in milliseconds. */
  readonly idleTimeoutMs: number;
  /** Fetches this instance runs at once; 0: it fetches nothing (other instances do). */
  readonly concurrency: number;
  /**
   * Host names (lower case) whose addresses are not checked: an intranet server a deployment
   * means to fetch from. Every other host must resolve to public unicast addresses only.
   */
  readonly allowedHosts: readonly string[];
  /** Lifts the address rule for every host: for tests against local servers only. */
  readonly allowPrivate: boolean;
}

/** The config once the database is provisioned and the JWT secret is known. */
export interface ResolvedConfig extends AppConfig {
  readonly databaseUrl: string;
  readonly jwtSecret: string;
}

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/**
 * The environment as Strata reads it: names are the variables, so errors name them too.
 * `@IsInt` comes last on each field because class-validator checks a field's decorators from the
 * bottom up: 'abc' should hear that it is not a number, not that it is too big.
 */
class Environment {
  @Transform(toInt)
  @Min(0, { message: 'must be a TCP port number, 0 to 65535' })
  @Max(65535, { message: 'must be a TCP port number, 0 to 65535' })
  @IsInt({ message: 'must be a TCP port number, 0 to 65535' })
  PORT: number = 3000;

  @IsString()
  @IsNotEmpty()
  HOST: string = '127.0.0.1';

  @IsString()
  @IsNotEmpty()
  DATA_DIR: string = './data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\w.@+-]{1,150}$/, {
    message: 'must be 1-150 letters, digits or @.+-_ (the UFDL username rule)',
  })
  ADMIN_USERNAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters long' })
  @MaxLength(1024)
  ADMIN_PASSWORD?: string;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  ACCESS_TOKEN_LIFETIME: number = 300;

  @Transform(toInt)
  @Min(1)
  @Max(31_536_000)
  @IsInt({ message: 'must be an integer (seconds)' })
  REFRESH_TOKEN_LIFETIME: number = 28_800;

  @Transform(toInt)
  @Min(0)
  @Max(31_536_000)
  @IsInt({ message: 'must be an integer (seconds)' })
  STAGING_CLEANUP_AGE_SECONDS: number = 3600;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer (seconds)' })
  @Min(0)
  @Max(31_536_000)
  BLOB_COLLECT_INTERVAL: number = 3600;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim().toLowerCase() === 'auto'
      ? os.availableParallelism()
      : toInt({ value }),
  )
  @Min(1)
  @Max(256)
  @IsInt({ message: "must be an integer or 'auto'" })
  WORKERS: number = 1;

  @Transform(toInt)
  @Min(1)
  @Max(1000)
  @IsInt({ message: 'must be an integer' })
  DB_POOL_SIZE: number = 20;

  @Transform(toInt)
  @Min(0)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds; 0 for no limit)' })
  DB_STATEMENT_TIMEOUT: number = 60;

  @Transform(toInt)
  @Min(0)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds; 0 for no limit)' })
  DB_IDLE_IN_TX_TIMEOUT: number = 60;

  @Transform(toInt)
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsInt({ message: 'must be an integer (bytes)' })
  MAX_UPLOAD_BYTES: number = 50 * 1024 ** 3;

  @Transform(toInt)
  @Min(1)
  @Max(10_000_000)
  @IsInt({ message: 'must be an integer' })
  ZIP_MAX_ENTRIES: number = 100_000;

  @Transform(toInt)
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsInt({ message: 'must be an integer (bytes)' })
  ZIP_MAX_TOTAL_BYTES: number = 20 * 1024 ** 3;

  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt({ message: 'must be an integer' })
  ZIP_MAX_COMPRESSION_RATIO: number = 200;

  @Transform(toInt)
  @Min(0)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  HTTP_REQUEST_TIMEOUT: number = 300;

  @Transform(toInt)
  @Min(0)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  HTTP_UPLOAD_IDLE_TIMEOUT: number = 60;

  // Above the 60 s idle timeout common load balancers use, so that they, not we, close idle
  // connections: otherwise a request they send as we close gets a 502.
  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  HTTP_KEEP_ALIVE_TIMEOUT: number = 75;

  @Transform(({ value }) => toInt({ value: emptyToUndefined({ value }) }))
  @IsOptional()
  @Min(1)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  HTTP_HEADERS_TIMEOUT?: number;

  @Transform(toInt)
  @Min(0)
  @Max(1_000_000)
  @IsInt({ message: 'must be an integer (requests per minute)' })
  RATE_LIMIT: number = 1000;

  @Transform(toInt)
  @Min(0)
  @Max(1_000_000)
  @IsInt({ message: 'must be an integer (requests per minute)' })
  RATE_LIMIT_AUTH: number = 20;

  @Transform(toInt)
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  @IsInt({ message: 'must be an integer (bytes)' })
  SOURCES_MAX_BYTES: number = 5 * 1024 ** 3;

  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  SOURCES_FETCH_TIMEOUT: number = 600;

  @Transform(toInt)
  @Min(1)
  @Max(86_400)
  @IsInt({ message: 'must be an integer (seconds)' })
  SOURCES_IDLE_TIMEOUT: number = 30;

  @Transform(toInt)
  @Min(0)
  @Max(64)
  @IsInt({ message: 'must be an integer (0 to 64)' })
  SOURCES_CONCURRENCY: number = 2;

  @Matches(/^\s*([a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*)?\s*$/i, {
    message: 'must be a comma-separated list of host names',
  })
  SOURCES_ALLOWED_HOSTS: string = '';

  @IsIn(['true', 'false'], { message: "must be 'true' or 'false'" })
  SOURCES_ALLOW_PRIVATE: string = 'false';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'must be an http:// or https:// URL without query or fragment',
  })
  PUBLIC_URL?: string;

  // Sent on every scrape in a header: long enough not to be guessed, no spaces (one bearer token).
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,256}$/, {
    message: 'must be 16 to 256 printable ASCII characters without spaces',
  })
  METRICS_TOKEN?: string;
}

/** A configuration problem; the message (one line) names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration, fix the environment: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once and returns the typed config. Throws {@link ConfigError}
 * naming each bad variable; nothing else in Strata reads `process.env`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new Environment()).concat([
    'DATABASE_URL',
    'JWT_SECRET',
    'ADMIN_USERNAME',
    'ADMIN_PASSWORD',
    'HTTP_HEADERS_TIMEOUT',
    'PUBLIC_URL',
    'METRICS_TOKEN',
  ]);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined) {
      picked[key] = value;
    }
  }
  const parsed = plainToInstance(Environment, picked);
  const problems = validateSync(parsed, {
    forbidUnknownValues: true,
    stopAtFirstError: true,
  }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      // class-validator prefixes its default messages with the property name already.
      message.startsWith(error.property) ? message : `${error.property} ${message}`,
    ),
  );
  if ((parsed.ADMIN_USERNAME === undefined) !== (parsed.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  }
  if (problems.length === 0 && parsed.REFRESH_TOKEN_LIFETIME < parsed.ACCESS_TOKEN_LIFETIME) {
    problems.push('REFRESH_TOKEN_LIFETIME must not be shorter than ACCESS_TOKEN_LIFETIME');
  }
  // Behind a load balancer, a kept-alive connection must not be cut by the headers timer while
  // it still waits for its next request.
  const headersTimeout = parsed.HTTP_HEADERS_TIMEOUT ?? parsed.HTTP_KEEP_ALIVE_TIMEOUT + 5;
  if (problems.length === 0 && headersTimeout <= parsed.HTTP_KEEP_ALIVE_TIMEOUT) {
    problems.push('HTTP_HEADERS_TIMEOUT must be longer than HTTP_KEEP_ALIVE_TIMEOUT');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: path.resolve(parsed.DATA_DIR),
    databaseUrl: parsed.DATABASE_URL,
    jwtSecret: parsed.JWT_SECRET,
    admin:
      parsed.ADMIN_USERNAME !== undefined && parsed.ADMIN_PASSWORD !== undefined
        ? { username: parsed.ADMIN_USERNAME, password: parsed.ADMIN_PASSWORD }
        : undefined,
    logLevel: parsed.LOG_LEVEL,
    accessTokenLifetime: parsed.ACCESS_TOKEN_LIFETIME,
    refreshTokenLifetime: parsed.REFRESH_TOKEN_LIFETIME,
    stagingCleanupAgeMs: parsed.STAGING_CLEANUP_AGE_SECONDS * 1000,
    blobCollectIntervalMs: parsed.BLOB_COLLECT_INTERVAL * 1000,
    workers: parsed.WORKERS,
    workersAuto: env.WORKERS?.trim().toLowerCase() === 'auto',
    database: {
      poolSize: parsed.DB_POOL_SIZE,
      statementTimeoutMs: parsed.DB_STATEMENT_TIMEOUT * 1000,
      idleInTransactionTimeoutMs: parsed.DB_IDLE_IN_TX_TIMEOUT * 1000,
    },
    maxUploadBytes: parsed.MAX_UPLOAD_BYTES,
    zip: {
      maxEntries: parsed.ZIP_MAX_ENTRIES,
      maxTotalBytes: parsed.ZIP_MAX_TOTAL_BYTES,
      maxCompressionRatio: parsed.ZIP_MAX_COMPRESSION_RATIO,
    },
    http: {
      requestTimeoutMs: parsed.HTTP_REQUEST_TIMEOUT * 1000,
      uploadIdleTimeoutMs: parsed.HTTP_UPLOAD_IDLE_TIMEOUT * 1000,
      keepAliveTimeoutMs: parsed.HTTP_KEEP_ALIVE_TIMEOUT * 1000,
      headersTimeoutMs: headersTimeout * 1000,
    },
    rateLimit: { perMinute: parsed.RATE_LIMIT, authPerMinute: parsed.RATE_LIMIT_AUTH },
    sources: {
      maxBytes: parsed.SOURCES_MAX_BYTES,
      fetchTimeoutMs: parsed.SOURCES_FETCH_TIMEOUT * 1000,
      idleTimeoutMs: parsed.SOURCES_IDLE_TIMEOUT * 1000,
      concurrency: parsed.SOURCES_CONCURRENCY,
      allowedHosts: parsed.SOURCES_ALLOWED_HOSTS.split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ''),
      allowPrivate: parsed.SOURCES_ALLOW_PRIVATE === 'true',
    },
    publicUrl: parsed.PUBLIC_URL?.replace(/\/+$/, ''),
    metricsToken: parsed.METRICS_TOKEN,
  };
}
