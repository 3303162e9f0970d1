import { Readable } from 'node:stream';
import type { ByteSpan } from './zip/zip-writer.js';

/** What read-ahead needs of a file: its size on record. */
export interface SizedFile {
  readonly size: number;
}

export interface ReadAheadOptions<F> {
  /** How many files ahead of the one being written small ones are read. */
  depth: number;
  /** Files of at most this many bytes are read ahead whole; larger ones open at their turn. */
  smallBytes: number;
  /** Whether a file's bytes will be read at all (default: all are): others are not read ahead. */
  wanted?: (file: F) => boolean;
}

/** One file of an archive and its bytes: `open()` answers them once its turn has come. */
export interface ReadAheadItem<F> {
  readonly file: F;
  /** The file's bytes, or those in `range` (inclusive offsets within the file). */
  readonly open: (range?: ByteSpan) => Promise<Readable>;
  /** A small file's bytes as read ahead (up to one more than on record); else undefined. */
  readonly bytes: Promise<Buffer> | undefined;
}

/** How read-ahead gets at a file's bytes. */
export interface ReadAheadSource<F> {
  /** The file's bytes (or those in `range`) as a stream, for large files, at their turn. */
  open(file: F, range?: ByteSpan): Promise<Readable>;
  /** Up to `length` bytes from the file's start, in memory (fewer if it is shorter). */
  readStart(file: F, length: number): Promise<Buffer>;
}

/**
 * The files in order, the small ones read into memory up to `depth` files ahead of the one
 * being written. An archive of many small files otherwise waits, for every one of them, on an
 * open, a read and a close in turn on the thread pool: 100,000 files of 15 bytes took 34 s,
 * the process idle most of that time. Memory stays bounded (`depth` x `smallBytes`), and no
 * file descriptor is held for a file that is not being read.
 *
 * A failure to read a file ahead surfaces when its turn comes (its `open()` rejects), exactly
 * as if it had been opened then. A consumer that stops early leaves what was read ahead to the
 * garbage collector: only small files are read ahead, and their descriptors close once read.
 */
export async function* readAhead<F extends SizedFile>(
  files: Iterable<F> | AsyncIterable<F>,
  source: ReadAheadSource<F>,
  { depth, smallBytes, wanted }: ReadAheadOptions<F>,
): AsyncGenerator<ReadAheadItem<F>> {
  const iterator =
    Symbol.asyncIterator in files ? files[Symbol.asyncIterator]() : files[Symbol.iterator]();
  const ahead: { file: F; read: Promise<Buffer> | undefined }[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && ahead.length <= depth) {
        const next = await iterator.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        const file = next.value;
        let read: Promise<Buffer> | undefined;
        if (file.size <= smallBytes && (wanted?.(file) ?? true)) {
          // One byte more than on record: a longer blob then shows as one, and its entry fails.
          read = source.readStart(file, file.size + 1);
          // Its consumer sees a failure when the file's turn comes; until then it is handled here.
          read.catch(() => undefined);
        }
        ahead.push({ file, read });
      }
      const item = ahead.shift();
      if (item === undefined) {
        return;
      }
      const { file, read } = item;
      yield {
        file,
        bytes: read,
        open: (range) =>
          read
            ? read.then((bytes) =>
                bytesStream(range ? bytes.subarray(range.start, range.end + 1) : bytes),
              )
            : source.open(file, range),
      };
    }
  } finally {
    // A consumer that stops early closes the listing too (a database query, say).
    if (!exhausted) {
      await iterator.return?.();
    }
  }
}

function bytesStream(bytes: Buffer): Readable {
  return Readable.from(bytes.length > 0 ? [bytes] : [], { objectMode: false });
}
