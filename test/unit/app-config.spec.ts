import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('should apply the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      jwtSecret: undefined,
      admin: undefined,
      logLevel: 'info',
      accessTokenLifetime: 300,
      refreshTokenLifetime: 28_800,
      stagingCleanupAgeMs: 3_600_000,
      blobCollectIntervalMs: 3_600_000,
      workers: 1,
      workersAuto: false,
      database: { poolSize: 20, statementTimeoutMs: 60_000, idleInTransactionTimeoutMs: 60_000 },
      maxUploadBytes: 50 * 1024 ** 3,
      zip: { maxEntries: 100_000, maxTotalBytes: 20 * 1024 ** 3, maxCompressionRatio: 200 },
      http: {
        requestTimeoutMs: 300_000,
        uploadIdleTimeoutMs: 60_000,
        keepAliveTimeoutMs: 75_000,
        headersTimeoutMs: 80_000,
      },
      rateLimit: { perMinute: 1000, authPerMinute: 20 },
      sources: {
        maxBytes: 5 * 1024 ** 3,
        fetchTimeoutMs: 600_000,
        idleTimeoutMs: 30_000,
        concurrency: 2,
        allowedHosts: [],
        allowPrivate: false,
      },
    });
  });

  it('should read every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/strata',
      DATABASE_URL: 'postgres://u:p@db:5432/strata',
      JWT_SECRET: 'x'.repeat(40),
      ADMIN_USERNAME: 'root@site',
      ADMIN_PASSWORD: 'correct horse',
      LOG_LEVEL: 'DEBUG',
      ACCESS_TOKEN_LIFETIME: '60',
      REFRESH_TOKEN_LIFETIME: '3600',
      STAGING_CLEANUP_AGE_SECONDS: '0',
      BLOB_COLLECT_INTERVAL: '0',
      WORKERS: '3',
      DB_POOL_SIZE: '5',
      DB_STATEMENT_TIMEOUT: '30',
      DB_IDLE_IN_TX_TIMEOUT: '0',
      MAX_UPLOAD_BYTES: '1048576',
      ZIP_MAX_ENTRIES: '10',
      ZIP_MAX_TOTAL_BYTES: '2048',
      ZIP_MAX_COMPRESSION_RATIO: '50',
      HTTP_REQUEST_TIMEOUT: '0',
      HTTP_UPLOAD_IDLE_TIMEOUT: '30',
      HTTP_KEEP_ALIVE_TIMEOUT: '120',
      HTTP_HEADERS_TIMEOUT: '121',
      RATE_LIMIT: '0',
      RATE_LIMIT_AUTH: '5',
      SOURCES_MAX_BYTES: '4096',
      SOURCES_FETCH_TIMEOUT: '60',
      SOURCES_IDLE_TIMEOUT: '5',
      SOURCES_CONCURRENCY: '0',
      SOURCES_ALLOWED_HOSTS: ' Intranet.example , files.local',
      SOURCES_ALLOW_PRIVATE: 'true',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/strata',
      databaseUrl: 'postgres://u:p@db:5432/strata',
      jwtSecret: 'x'.repeat(40),
      admin: { username: 'root@site', password: 'correct horse' },
      logLevel: 'debug',
      accessTokenLifetime: 60,
      refreshTokenLifetime: 3600,
      stagingCleanupAgeMs: 0,
      blobCollectIntervalMs: 0,
      workers: 3,
      workersAuto: false,
      database: { poolSize: 5, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 0 },
      maxUploadBytes: 1_048_576,
      zip: { maxEntries: 10, maxTotalBytes: 2048, maxCompressionRatio: 50 },
      http: {
        requestTimeoutMs: 0,
        uploadIdleTimeoutMs: 30_000,
        keepAliveTimeoutMs: 120_000,
        headersTimeoutMs: 121_000,
      },
      rateLimit: { perMinute: 0, authPerMinute: 5 },
      sources: {
        maxBytes: 4096,
        fetchTimeoutMs: 60_000,
        idleTimeoutMs: 5_000,
        concurrency: 0,
        allowedHosts: ['intranet.example', 'files.local'],
        allowPrivate: true,
      },
    });
  });

  it('should read WORKERS=auto as one worker per CPU, and refuse nonsense', () => {
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(os.availableParallelism());
    expect(loadConfig({ WORKERS: ' AUTO ' }).workers).toBe(os.availableParallelism());
    expect(loadConfig({ WORKERS: 'auto' }).workersAuto).toBe(true);
    expect(loadConfig({ WORKERS: '2' }).workersAuto).toBe(false);
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS must be an integer or 'auto'/);
  });

  it('should keep the headers timeout above the keep-alive timeout unless told', () => {
    expect(loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT: '120' }).http.headersTimeoutMs).toBe(125_000);
    expect(loadConfig({ HTTP_HEADERS_TIMEOUT: '' }).http.headersTimeoutMs).toBe(80_000);
  });

  it('should read PUBLIC_URL without its trailing slash, and leave it unset by default', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://data.example.org/strata/' }).publicUrl).toBe(
      'https://data.example.org/strata',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8080' }).publicUrl).toBe(
      'http://127.0.0.1:8080',
    );
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: '' }).publicUrl).toBeUndefined();
  });

  it('should read METRICS_TOKEN, and leave it unset (no /metrics) by default', () => {
    expect(loadConfig({ METRICS_TOKEN: 'a-token-of-24-characters' }).metricsToken).toBe(
      'a-token-of-24-characters',
    );
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });

  it('should treat empty values as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', JWT_SECRET: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '3.5' }, 'PORT'],
    [{ HOST: '' }, 'HOST'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_POOL_SIZE: 'ten' }, 'DB_POOL_SIZE'],
    [{ DB_STATEMENT_TIMEOUT: '-1' }, 'DB_STATEMENT_TIMEOUT'],
    [{ DB_IDLE_IN_TX_TIMEOUT: '1.5' }, 'DB_IDLE_IN_TX_TIMEOUT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_USERNAME: 'bad name!', ADMIN_PASSWORD: 'long enough' }, 'ADMIN_USERNAME'],
    [{ ADMIN_USERNAME: 'ok', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ACCESS_TOKEN_LIFETIME: '0' }, 'ACCESS_TOKEN_LIFETIME'],
    [{ REFRESH_TOKEN_LIFETIME: 'soon' }, 'REFRESH_TOKEN_LIFETIME'],
    [{ MAX_UPLOAD_BYTES: '0' }, 'MAX_UPLOAD_BYTES'],
    [{ ZIP_MAX_ENTRIES: 'many' }, 'ZIP_MAX_ENTRIES'],
    [{ ACCESS_TOKEN_LIFETIME: '600', REFRESH_TOKEN_LIFETIME: '60' }, 'REFRESH_TOKEN_LIFETIME'],
    [{ HTTP_REQUEST_TIMEOUT: '-1' }, 'HTTP_REQUEST_TIMEOUT'],
    [{ HTTP_UPLOAD_IDLE_TIMEOUT: 'soon' }, 'HTTP_UPLOAD_IDLE_TIMEOUT'],
    [{ HTTP_KEEP_ALIVE_TIMEOUT: '0' }, 'HTTP_KEEP_ALIVE_TIMEOUT'],
    [{ HTTP_KEEP_ALIVE_TIMEOUT: '90', HTTP_HEADERS_TIMEOUT: '60' }, 'HTTP_HEADERS_TIMEOUT'],
    [{ RATE_LIMIT: '-1' }, 'RATE_LIMIT'],
    [{ RATE_LIMIT_AUTH: 'lots' }, 'RATE_LIMIT_AUTH'],
    [{ SOURCES_MAX_BYTES: '0' }, 'SOURCES_MAX_BYTES'],
    [{ SOURCES_FETCH_TIMEOUT: '0' }, 'SOURCES_FETCH_TIMEOUT'],
    [{ SOURCES_IDLE_TIMEOUT: 'soon' }, 'SOURCES_IDLE_TIMEOUT'],
    [{ SOURCES_CONCURRENCY: '-1' }, 'SOURCES_CONCURRENCY'],
    [{ SOURCES_ALLOWED_HOSTS: 'http://x.example/' }, 'SOURCES_ALLOWED_HOSTS'],
    [{ SOURCES_ALLOW_PRIVATE: 'yes' }, 'SOURCES_ALLOW_PRIVATE'],
    [{ PUBLIC_URL: 'ftp://data.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://data.example.org/?x=1' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'data.example.org' }, 'PUBLIC_URL'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ METRICS_TOKEN: 'sixteen chars or more' }, 'METRICS_TOKEN'],
  ])('should reject %j naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}\\b`));
  });

  it.each(['PORT', 'ACCESS_TOKEN_LIFETIME', 'MAX_UPLOAD_BYTES', 'ZIP_MAX_ENTRIES'])(
    'should tell %s=abc that it is not a number, not that it is out of range',
    (variable) => {
      const [problem] = problemsOf({ [variable]: 'abc' });
      expect(problem).toMatch(/integer|number/);
      expect(problem).not.toMatch(/greater|less/);
    },
  );

  it('should report a bad variable in one line that says what it must be', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      /^Invalid configuration, fix the environment: PORT must be a TCP port number, 0 to 65535$/,
    );
  });

  it('should require ADMIN_USERNAME and ADMIN_PASSWORD together', () => {
    expect(problemsOf({ ADMIN_USERNAME: 'boss' })).toEqual([
      'ADMIN_USERNAME and ADMIN_PASSWORD must be set together',
    ]);
  });

  it('should report every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('LOG_LEVEL');
  });
});
