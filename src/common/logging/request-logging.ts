import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/** Injection token for the base pino logger every log line goes through. */
export const BASE_LOGGER = Symbol('BASE_LOGGER');

/**
 * One JSON line per request (pino-http), mounted as plain Express middleware by configureApp.
 * No AsyncLocalStorage context per request (as logging middleware often sets up): that puts
 * async hooks on every promise the request makes, and with passport's and Nest's promises that
 * is a large share of a dataset GET's CPU. Lines logged while handling a
 * request say which request themselves (the error filter logs the request id).
 */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    // The id was settled by requestIdMiddleware; log under the same one.
    genReqId: (request) => (request as IncomingMessage & { id: string }).id,
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request) => request.url === '/health' },
    // A request's line says which request it was, not every header it carried: no credentials
    // to redact, and no serialising all headers of every request (pino-http binds `req` to each
    // request's logger eagerly, even when nothing is logged).
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
        remoteAddress: request.remoteAddress,
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
  });
}
