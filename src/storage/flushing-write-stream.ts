import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

/** Bytes written between two background flushes. */
const FLUSH_EVERY_BYTES = 32 * 1024 * 1024;
const HIGH_WATER_MARK = 4 * 1024 * 1024;

/**
 * Writes a stream to an open file and makes it durable, like `createWriteStream({ flush: true })`,
 * but flushes as it goes: every 32 MiB an fdatasync starts in the background while writing goes
 * on. The kernel otherwise keeps an upload's pages dirty until the final fsync and only then
 * writes them all, so a 1 GiB upload spent ~3 s receiving and then ~3 s waiting for the disk;
 * flushing early overlaps the two. `final` waits for the last flush and fsyncs (data and size).
 * At most one flush is in flight; an error from one fails the stream.
 */
export class FlushingWriteStream extends Writable {
  private position = 0;
  private sinceFlush = 0;
  private flushing: Promise<void> | undefined;
  private flushError: Error | undefined;

  /** `syncAtEnd` false: the final fsync is left to the caller (the background flushes stay). */
  constructor(
    private readonly file: FileHandle,
    private readonly syncAtEnd = true,
  ) {
    super({ highWaterMark: HIGH_WATER_MARK });
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.write_(chunks.map((entry) => entry.chunk)).then(() => callback(), callback);
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.write_([chunk]).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    (async () => {
      await this.flushing;
      this.throwFlushError();
      if (this.syncAtEnd) {
        await this.file.sync();
      }
    })().then(() => callback(), callback);
  }

  private async write_(buffers: Buffer[]): Promise<void> {
    this.throwFlushError();
    let total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    let pending = buffers;
    while (total > 0) {
      // writev may write less than asked (rarely, for files): continue with the rest.
      const { bytesWritten } = await this.file.writev(pending, this.position);
      this.position += bytesWritten;
      this.sinceFlush += bytesWritten;
      total -= bytesWritten;
      pending = remainder(pending, bytesWritten);
    }
    if (this.sinceFlush >= FLUSH_EVERY_BYTES && this.flushing === undefined) {
      this.sinceFlush = 0;
      this.flushing = this.file.datasync().then(
        () => {
          this.flushing = undefined;
        },
        (error: unknown) => {
          this.flushing = undefined;
          this.flushError ??= error instanceof Error ? error : new Error(String(error));
        },
      );
    }
  }

  private throwFlushError(): void {
    if (this.flushError !== undefined) {
      throw this.flushError;
    }
  }
}

function remainder(buffers: Buffer[], written: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = written;
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  return rest;
}
