import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// Accept a caller's id only if it is short and printable: it is echoed and logged verbatim.
const ACCEPTABLE_ID = /^[\w.:@-]{1,128}$/;

// `req.id` is declared by pino-http, which logs every line of this request under it.
/** Tags every request and its response with an id (the caller's, or a fresh UUID). */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}
