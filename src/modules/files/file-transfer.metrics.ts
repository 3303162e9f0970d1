import { Buffer } from 'node:buffer';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

/** What a download sends: one stored file's bytes (or a range), or an archive of a dataset. */
export type DownloadKind = 'file' | 'archive';

/**
 * File bytes in and out, on both faces: the bodies of uploads as they arrive (before any
 * unpacking: a zip counts as the zip), and the bodies of downloads as they are written. Counted
 * per chunk with an addition, so a transfer cut short counts what passed.
 */
@Injectable()
export class FileTransferMetrics {
  private readonly uploaded: Counter;
  private readonly downloaded: Counter<'kind'>;

  constructor(metrics: MetricsService) {
    this.uploaded = metrics.counter({
      name: 'strata_upload_bytes_total',
      help: 'Bytes of upload bodies received (a zip or multipart body as sent)',
    });
    this.downloaded = metrics.counter({
      name: 'strata_download_bytes_total',
      help: 'Bytes of download bodies sent, by kind (file: one stored file; archive: a zip or tar.gz)',
      labelNames: ['kind'],
    });
  }

  countUploaded(bytes: number): void {
    this.uploaded.inc(bytes);
  }

  /**
   * Counts what is written to `destination` (a response) from now on, added to the counter
   * when it finishes or closes. Its own write/end are wrapped (as compression middleware does)
   * rather than another stream put in the way: no extra copy or turn of the event loop.
   */
  countDownload(destination: Writable, kind: DownloadKind): void {
    let bytes = 0;
    const write = destination.write.bind(destination) as (...args: unknown[]) => boolean;
    const end = destination.end.bind(destination) as (...args: unknown[]) => Writable;
    destination.write = ((...args: unknown[]): boolean => {
      bytes += byteLength(args[0], args[1]);
      return write(...args);
    }) as Writable['write'];
    destination.end = ((...args: unknown[]): Writable => {
      if (typeof args[0] !== 'function') {
        bytes += byteLength(args[0], args[1]);
      }
      return end(...args);
    }) as Writable['end'];
    let counted = false;
    const count = () => {
      if (!counted) {
        counted = true;
        this.downloaded.inc({ kind }, bytes);
      }
    };
    destination.once('finish', count);
    destination.once('close', count);
  }
}

function byteLength(chunk: unknown, encoding: unknown): number {
  if (chunk === undefined || chunk === null) {
    return 0;
  }
  if (typeof chunk === 'string') {
    return Buffer.byteLength(
      chunk,
      typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
    );
  }
  return (chunk as Uint8Array).byteLength ?? 0;
}
