import pino, { type Logger } from 'pino';
import type { LogLevel } from '../../config/app-config.js';

/**
 * The base pino logger: JSON lines on stdout, one per event. Request logs (pino-http) and
 * Nest's own logs (NestLogger) go through the same instance so every line has the same shape.
 */
export function createBaseLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'strata' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  });
}

/** The logger for command-line tools and bootstrap code that runs before Nest exists. */
export function createCliLogger(level: LogLevel): Logger {
  return createBaseLogger(level).child({ context: 'cli' });
}
