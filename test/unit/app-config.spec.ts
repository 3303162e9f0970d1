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
      maxUploadBytes: 10 * 1024 ** 3,
      zip: { maxEntries: 100_000, maxTotalBytes: 20 * 1024 ** 3, maxCompressionRatio: 200 },
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
      MAX_UPLOAD_BYTES: '1048576',
      ZIP_MAX_ENTRIES: '10',
      ZIP_MAX_TOTAL_BYTES: '2048',
      ZIP_MAX_COMPRESSION_RATIO: '50',
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
      maxUploadBytes: 1_048_576,
      zip: { maxEntries: 10, maxTotalBytes: 2048, maxCompressionRatio: 50 },
    });
  });

  it('should read WORKERS=auto as one worker per CPU, and refuse nonsense', () => {
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(os.availableParallelism());
    expect(loadConfig({ WORKERS: ' AUTO ' }).workers).toBe(os.availableParallelism());
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS must be an integer or 'auto'/);
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
  ])('should reject %j naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}\\b`));
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
