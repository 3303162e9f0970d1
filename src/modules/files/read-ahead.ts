import { Readable } from 'node:stream';
import type { ByteSpan } from './zip/zip-writer.js';

/** What read-ahead needs of a file: its size on record. */
export interface SizedFile {
  readonly size: number;
}

export interface ReadAheadOptions<F> {
  /** Files of at most this many bytes are read ahead whole; larger ones open at their turn. */
  smallBytes: number;
  /** A batch (one read of its small files) ends at this many files... */
  batchFiles: number;
  /** ...or once its small files hold this many bytes. */
  batchBytes: number;
  /** How many batches, the one being written included, are read ahead at most. */
  batches: number;
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
  /**
   * Up to `length` bytes from each file's start, in memory (fewer if it is shorter), in order:
   * per file its bytes or its failure. Rejecting fails every file of the batch.
   */
  readStarts(
    files: readonly { file: F; length: number }[],
  ): Promise<PromiseSettledResult<Buffer>[]>;
}

/** A run of consecutive files whose small ones are read in one go. */
interface Batch<F> {
  readonly files: F[];
  /** Per file, its place among those read, or -1 when it is not read ahead. */
  readonly slots: number[];
  read: Promise<PromiseSettledResult<Buffer>[]> | undefined;
}

/**
 * The files in order, the small ones read into memory in batches, up to `batches` batches
 * ahead of the file being written. An archive of many small files otherwise waits, for every
 * one of them, on an open, a read and a close in turn on the thread pool: 100,000 files of 15
 * bytes took 34 s, the process idle most of that time; one read per file, 16 at a time, still
 * left 56 % of the busy time in those calls. Memory stays bounded (`batches` x (`batchBytes` +
 * `smallBytes`)), and no file descriptor is held for a file that is not being read.
 *
 * A failure to read a file ahead surfaces when its turn comes (its `open()` rejects), exactly
 * as if it had been opened then. A consumer that stops early leaves what was read ahead to the
 * garbage collector: only small files are read ahead, and their descriptors close once read.
 */
export async function* readAhead<F extends SizedFile>(
  files: Iterable<F> | AsyncIterable<F>,
  source: ReadAheadSource<F>,
  { smallBytes, batchFiles, batchBytes, batches, wanted }: ReadAheadOptions<F>,
): AsyncGenerator<ReadAheadItem<F>> {
  const iterator =
    Symbol.asyncIterator in files ? files[Symbol.asyncIterator]() : files[Symbol.iterator]();
  const queue: Batch<F>[] = [];
  let exhausted = false;

  /** Lists the next batch's files and starts reading its small ones. */
  const nextBatch = async (): Promise<Batch<F> | undefined> => {
    const batch: Batch<F> = { files: [], slots: [], read: undefined };
    const reads: { file: F; length: number }[] = [];
    let bytes = 0;
    while (batch.files.length < batchFiles && bytes < batchBytes) {
      const next = await iterator.next();
      if (next.done === true) {
        exhausted = true;
        break;
      }
      const file = next.value;
      batch.files.push(file);
      if (file.size <= smallBytes && (wanted?.(file) ?? true)) {
        batch.slots.push(reads.length);
        // One byte more than on record: a longer blob then shows as one, and its entry fails.
        reads.push({ file, length: file.size + 1 });
        bytes += file.size + 1;
      } else {
        batch.slots.push(-1);
      }
    }
    if (batch.files.length === 0) {
      return undefined;
    }
    if (reads.length > 0) {
      batch.read = source.readStarts(reads);
      // Its consumers see a failure when their turn comes; until then it is handled here.
      batch.read.catch(() => undefined);
    }
    return batch;
  };

  try {
    for (;;) {
      while (!exhausted && queue.length < batches) {
        const batch = await nextBatch();
        if (batch !== undefined) {
          queue.push(batch);
        }
      }
      const batch = queue.shift();
      if (batch === undefined) {
        return;
      }
      for (let index = 0; index < batch.files.length; index += 1) {
        const file = batch.files[index];
        const slot = batch.slots[index];
        let read: Promise<Buffer> | undefined;
        if (slot !== -1 && batch.read !== undefined) {
          read = batch.read.then((results) => settledValue(results[slot]));
          read.catch(() => undefined);
        }
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
    }
  } finally {
    // A consumer that stops early closes the listing too (a database query, say).
    if (!exhausted) {
      await iterator.return?.();
    }
  }
}

function settledValue(result: PromiseSettledResult<Buffer>): Buffer {
  if (result.status === 'rejected') {
    throw result.reason;
  }
  return result.value;
}

function bytesStream(bytes: Buffer): Readable {
  return Readable.from(bytes.length > 0 ? [bytes] : [], { objectMode: false });
}
