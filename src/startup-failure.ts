import type { AppConfig } from './config/app-config.js';

/** sysexits.h: a configuration error, which a restart alone will not cure. */
export const EXIT_CONFIG = 78;

export interface StartupFailure {
  /** One line for a person: what failed, the setting involved, and what to do. */
  readonly message: string;
  readonly exitCode: number;
}

interface ErrorFields {
  code?: string;
  message?: string;
  errors?: unknown[];
}

/** The error codes in `error` and, for a connection tried on several addresses, its parts. */
function codesOf(error: unknown): string[] {
  const fields = (error ?? {}) as ErrorFields;
  const nested = Array.isArray(fields.errors) ? fields.errors.flatMap(codesOf) : [];
  return typeof fields.code === 'string' ? [fields.code, ...nested] : nested;
}

/** `host:port/database` of DATABASE_URL, without its credentials. */
function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Turns what stopped the start-up into a line a person can act on. Problems with the external
 * database and the HTTP port are named with their setting; anything else keeps its message.
 */
export function describeStartupFailure(error: unknown, config: AppConfig): StartupFailure {
  const codes = codesOf(error);
  const has = (code: string): boolean => codes.includes(code);
  const message = error instanceof Error ? error.message : String(error);
  if (has('EADDRINUSE')) {
    return {
      message:
        `PORT ${config.port} on ${config.host} is already in use by another program: stop it, ` +
        'or set PORT to a free port',
      exitCode: EXIT_CONFIG,
    };
  }
  if (has('EACCES') && /listen/.test(message)) {
    return {
      message:
        `Not allowed to listen on PORT ${config.port}: ports below 1024 need privileges; ` +
        'set PORT to 1024 or above',
      exitCode: EXIT_CONFIG,
    };
  }
  if (config.databaseUrl !== undefined) {
    const where = describeDatabaseUrl(config.databaseUrl);
    const database = where.slice(where.indexOf('/') + 1);
    if (has('ECONNREFUSED')) {
      return {
        message:
          `Cannot connect to PostgreSQL at ${where} (DATABASE_URL): connection refused. Start ` +
          'PostgreSQL there, or fix the host and port in DATABASE_URL',
        exitCode: 1,
      };
    }
    if (has('ENOTFOUND') || has('EAI_AGAIN')) {
      return {
        message:
          `Cannot connect to PostgreSQL at ${where} (DATABASE_URL): unknown host. Fix the host ` +
          'in DATABASE_URL',
        exitCode: 1,
      };
    }
    if (has('ETIMEDOUT') || has('EHOSTUNREACH') || has('ENETUNREACH')) {
      return {
        message:
          `Cannot connect to PostgreSQL at ${where} (DATABASE_URL): host unreachable. Check ` +
          'the network, or fix the host in DATABASE_URL',
        exitCode: 1,
      };
    }
    if (has('3D000')) {
      return {
        message:
          `The database "${database}" does not exist on ${where} (DATABASE_URL): create it ` +
          `(createdb ${database}), or fix the database name in DATABASE_URL`,
        exitCode: EXIT_CONFIG,
      };
    }
    if (has('28P01') || has('28000')) {
      return {
        message:
          `PostgreSQL at ${where} refused the user or password in DATABASE_URL: ${message}. ` +
          'Fix the credentials in DATABASE_URL',
        exitCode: EXIT_CONFIG,
      };
    }
  }
  return { message: `Strata could not start: ${message.split('\n').join(' ')}`, exitCode: 1 };
}
