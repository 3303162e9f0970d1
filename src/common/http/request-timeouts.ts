import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { NextFunction } from 'express';
import type { AppConfig } from '../../config/app-config.js';

type Timeouts = AppConfig['http'];

const TOO_SLOW = JSON.stringify({ detail: 'The request took too long to arrive.' });

/**
 * Node's `requestTimeout` counts from a request's first byte and cannot spare one route: any
 * total limit cuts the largest uploads from slower clients. It is switched off here, and every
 * request gets its own limit from {@link requestTimeouts} instead.
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
  server: Server,
  timeouts: Timeouts,
  isUpload: (request: IncomingMessage) => boolean,
): (request: IncomingMessage, response: ServerResponse, next: NextFunction) => void {
  const arriving = timeouts.requestTimeoutMs > 0 ? watchArrivals(server, timeouts) : undefined;
  return (request, response, next) => {
    if (isUpload(request)) {
      if (timeouts.uploadIdleTimeoutMs > 0) {
        watchUploadIdleness(request, response, timeouts.uploadIdleTimeoutMs);
      }
    } else {
      arriving?.set(request, { response, since: Date.now() });
    }
    next();
  };
}

/**
 * Requests still arriving, swept a few times per timeout rather than given a timer and a
 * listener each: nearly every request has arrived by the first sweep and is simply forgotten.
 */
function watchArrivals(
  server: Server,
  timeouts: Timeouts,
): Map<IncomingMessage, { response: ServerResponse; since: number }> {
  const arriving = new Map<IncomingMessage, { response: ServerResponse; since: number }>();
  const sweepMs = Math.min(1000, Math.max(50, Math.floor(timeouts.requestTimeoutMs / 4)));
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [request, { response, since }] of arriving) {
      if (request.complete || request.destroyed || response.writableFinished) {
        arriving.delete(request);
      } else if (now - since >= timeouts.requestTimeoutMs) {
        arriving.delete(request);
        cut(request, response);
      }
    }
  }, sweepMs);
  sweeper.unref();
  server.once('close', () => clearInterval(sweeper));
  return arriving;
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
