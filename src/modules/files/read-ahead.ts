import { Readable } from 'node:stream';

/** What read-ahead needs of a file: its size on record. */
export interface SizedFile {
  readonly size: number;
}

export interface ReadAheadOptions {
  /** How many files ahead of the one being written small ones are read. */
  depth: number;
  /** Files of at most this many bytes are read ahead whole; larger ones open at their turn. */
  smallBytes: number;
}

/** One file of an archive and its bytes: `open()` answers them once its turn has come. */
export interface ReadAheadItem<F> {
  readonly file: F;
  readonly open: () => Promise<Readable>;
  /** A small file's bytes as read ahead (up to one more than on record); else undefined. */
  readonly bytes: Promise<Buffer> | undefined;
}

/** How read-ahead gets at a file's bytes. */
export interface ReadAheadSource<F> {
  /** The file's bytes as a stream, for large files, at their turn. */
  open(file: F): Promise<Readable>;
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
export function* readAhead<F extends SizedFile>(
  files: readonly F[],
  source: ReadAheadSource<F>,
  { depth, smallBytes }: ReadAheadOptions,
): Generator<ReadAheadItem<F>> {
  const ahead = new Map<number, Promise<Buffer>>();
  let next = 0;
  for (let index = 0; index < files.length; index += 1) {
    for (; next < files.length && next <= index + depth; next += 1) {
      const upcoming = files[next];
      if (upcoming.size <= smallBytes) {
        // One byte more than on record: a longer blob then shows as one, and its entry fails.
        const read = source.readStart(upcoming, upcoming.size + 1);
        // Its consumer sees a failure when the file's turn comes; until then it is handled here.
        read.catch(() => undefined);
        ahead.set(next, read);
      }
    }
    const file = files[index];
    const read = ahead.get(index);
    ahead.delete(index);
    yield { file, bytes: read, open: () => (read ? read.then(bytesStream) : source.open(file)) };
  }
}

function bytesStream(bytes: Buffer): Readable {
  return Readable.from(bytes.length > 0 ? [bytes] : [], { objectMode: false });
}
