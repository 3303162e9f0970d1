import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { RangeNotSatisfiableError } from '../errors/domain-error.js';

/** A stored blob as a response needs it: its content hash (a strong ETag) and its length. */
export interface SendableFile {
  readonly handle: string;
  readonly size: number;
}

export interface SendFileOptions {
  /** The Content-Type to answer (each face labels bytes its own way). */
  readonly contentType: string;
  /** The file's bytes, or only `range` of them (inclusive). */
  open(range?: { start: number; end: number }): Promise<Readable>;
}

/**
 * Streams one stored file: ETag (the handle is a content hash), If-None-Match (304), a single
 * `Range` (206; malformed or multiple ranges get the whole file, an unsatisfiable one 416) and
 * HEAD. Every refusal is thrown before a byte of the body, so each face renders it.
 */
export async function sendStoredFile(
  file: SendableFile,
  request: Request,
  response: Response,
  options: SendFileOptions,
): Promise<void> {
  const etag = `"${file.handle}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Accept-Ranges', 'bytes');
  response.setHeader('Cache-Control', 'private, no-cache');
  if (request.fresh) {
    response.status(304).end();
    return;
  }
  const ranges = file.size > 0 && request.headers.range ? request.range(file.size) : undefined;
  if (ranges === -1) {
    throw new RangeNotSatisfiableError(file.size);
  }
  response.type(options.contentType);
  let range: { start: number; end: number } | undefined;
  if (Array.isArray(ranges) && ranges.length === 1 && ranges.type === 'bytes') {
    range = ranges[0];
    response.status(206);
    response.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
  }
  const length = range ? range.end - range.start + 1 : file.size;
  response.setHeader('Content-Length', String(length));
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(await options.open(range), response);
}
