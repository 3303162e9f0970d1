import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { NextFunction } from 'express';
import type { AppConfig } from '../../config/app-config.js';

type Timeouts = AppConfig['http'];

const TOO_SLOW = JSON.stringify({ detail: 'The request took too long to arrive.' });

/**
 * Node's `requestTimeout` counts from a request's first byte and cannot spare one route, so a
 * 10 GiB upload would need 34 MB/s to beat its default. It is switched off here: every request
 * gets its own limit from {@link requestTimeouts} instead.
 */
export function applyServerTimeouts(server: Server, timeouts: Timeouts): void {
  server.requestTimeout = 0;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.headersTimeout = timeouts.headersTimeoutMs;
}

/**
 * Ends a request that arrives too slowly: 408 if nothing was answered yet, else the connection
 * is dropped. Either way the socket goes, so a handler reading the body sees it aborted (an
 * upload's staging file is removed).
 */
function cut(request: IncomingMessage, response: ServerResponse): void {
  // Once its answer is out, Node forgets a request and would leave its unfinished body waiting
  // for bytes forever: it is destroyed by hand.
  const drop = (): void => {
    request.destroy();
    request.socket.destroy();
  };
  if (response.headersSent || !request.socket.writable) {
    drop();
    return;
  }
  response.writeHead(408, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(TOO_SLOW),
    Connection: 'close',
  });
  response.end(TOO_SLOW, drop);
}

/**
 * Uploads (`isUpload`) may take as long as they keep sending: they are cut only after going
 * `uploadIdleTimeoutMs` without a byte. Any other request must have arrived whole within
 * `requestTimeoutMs` of its headers; how long the answer then takes is not limited.
 */
export function requestTimeouts(
  timeouts: Timeouts,
  isUpload: (request: IncomingMessage) => boolean,
): (request: IncomingMessage, response: ServerResponse, next: NextFunction) => void {
  return (request, response, next) => {
    if (isUpload(request)) {
      if (timeouts.uploadIdleTimeoutMs > 0) {
        watchUploadIdleness(request, response, timeouts.uploadIdleTimeoutMs);
      }
    } else if (timeouts.requestTimeoutMs > 0) {
      const timer = setTimeout(() => {
        if (!request.complete) {
          cut(request, response);
        }
      }, timeouts.requestTimeoutMs);
      timer.unref();
      response.once('close', () => clearTimeout(timer));
    }
    next();
  };
}

function watchUploadIdleness(
  request: IncomingMessage,
  response: ServerResponse,
  idleMs: number,
): void {
  const socket = request.socket;
  // The socket's own idle timer restarts with every byte, and leaves the body to the handler.
  // While this answer is pending, Node reports the timer's expiry to it (then to Node's own
  // keep-alive handling once the answer is out).
  socket.setTimeout(idleMs);
  response.on('timeout', () => {
    if (request.complete) {
      // The whole body is in: the answer may take its time (hashing, the database).
      socket.setTimeout(0);
    } else {
      cut(request, response);
    }
  });
}
