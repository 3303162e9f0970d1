import type { Readable, Writable } from 'node:stream';
import { isNativeError } from 'node:util/types';
import { crc32 as updateCrc32 } from 'node:zlib';
import { quoteName } from './zip-errors.js';

export interface ZipEntrySource {
  /** The entry's path inside the archive, as stored (UTF-8; the writer sets general-purpose bit 11). */
  readonly name: string;
  /** Exact byte count of the entry. */
  readonly size: number;
  /** Unsigned CRC-32 of the bytes when known; undefined -> computed while streaming (zlib.crc32) and written in a data descriptor (flag bit 3). */
  readonly crc32?: number;
  /**
   * Opened only when this entry is about to be written (so one blob is open at a time), and only
   * when some of its bytes fall in the window; `range` (inclusive, within the entry) is then the
   * part wanted, undefined for all of it.
   */
  open(range?: ByteSpan): Promise<Readable>;
  /**
   * The entry's bytes when they are (or will be) in memory already: used instead of `open()`,
   * without a stream or its turns of the event loop. Anything but exactly `size` bytes fails
   * the entry, as a source of another length would.
   */
  readonly bytes?: Promise<Buffer>;
}

/** Byte offsets, both inclusive. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

export interface ZipWriteOptions {
  /** Modification time of every entry (DOS date/time from the local-time fields). */
  date: Date;
  /** Tests only: write ZIP64 records even where the sizes do not need them. */
  forceZip64?: boolean;
  /**
   * Only the archive's bytes in this span (offsets in the whole archive) go to the destination;
   * they are the same bytes as in a whole archive. Entries wholly outside it are not opened, and
   * writing stops at its end. Every entry must then have a known CRC-32: a checksum computed
   * while streaming would need bytes outside the window.
   */
  window?: ByteSpan;
}

/** What the length of a zip of known-CRC entries depends on (see {@link zipLength}). */
export interface ZipSummary {
  readonly count: number;
  /** Sum of the entries' UTF-8 name lengths and of their sizes. */
  readonly nameBytes: number;
  readonly dataBytes: number;
  /** Entries whose size needs ZIP64 (>= 0xffffffff). */
  readonly zip64Sizes: number;
  /** Entries whose local header starts at or beyond offset 0xffffffff. */
  readonly zip64Offsets: number;
  /** Entries with either of the two (each such has a ZIP64 extra in the directory). */
  readonly zip64Entries: number;
}

/** Thrown (rejected) when an entry's source fails or yields other than exactly `size` bytes. */
export class ZipEntryError extends Error {
  constructor(
    readonly entryName: string,
    options: { cause: unknown },
  ) {
    super(
      `Zip entry ${quoteName(entryName)} could not be written: ${messageOf(options.cause)}`,
      options,
    );
    this.name = 'ZipEntryError';
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_EXTRA_ID = 0x0001;

export const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const ZIP64_END_BYTES = 56;
const ZIP64_LOCATOR_BYTES = 20;
const END_BYTES = 22;
/** A central record's ZIP64 extra: its header, then the sizes and the offset where they overflow. */
const CENTRAL_ZIP64_EXTRA_HEADER_BYTES = 4;
const CENTRAL_ZIP64_SIZES_BYTES = 16;
const CENTRAL_ZIP64_OFFSET_BYTES = 8;

const MAX_UINT16 = 0xffff;
/** Sizes and offsets from this up need ZIP64 fields. */
export const MAX_UINT32 = 0xffffffff;
const UINT32_RANGE = 0x1_0000_0000;

const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const VERSION_MADE_BY = (3 << 8) | VERSION_ZIP64; // UNIX, so unzip applies the mode below
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0; // regular file, rw-r--r--

/** The ZIP64 extra field of a local header (sizes only). */
export const LOCAL_ZIP64_EXTRA_BYTES = 20;

/** Central directory records are gathered into buffers of at most this size (few large writes). */
const DIRECTORY_CHUNK_BYTES = 1024 * 1024;
const FIRST_DIRECTORY_CHUNK_BYTES = 16 * 1024;

/**
 * Writes a complete zip of `entries` into `destination` with back-pressure; does not end() or
 * destroy() `destination` on failure (the caller does), but does end() it on success and
 * resolves once it has finished. Rejects if the destination errors or closes early (client hung
 * up) or a source fails; the source stream being read is destroyed on any failure.
 *
 * Entries are STORED. When an entry's CRC-32 is known, its local header is complete and the
 * source's chunks go to the destination untouched: the bytes are counted, never checksummed
 * (that CRC is trusted as it was recorded).
 */
export async function writeZip(
  entries: Iterable<ZipEntrySource> | AsyncIterable<ZipEntrySource>,
  destination: Writable,
  options: ZipWriteOptions,
): Promise<void> {
  const forceZip64 = options.forceZip64 ?? false;
  const { time, date } = dosDateTime(options.date);
  const sink = new Sink(destination, options.window);
  const directory = new CentralDirectory();
  try {
    for await (const entry of entries) {
      const { name, size, crc32: knownCrc } = entry;
      const nameBytes = checkEntry(name, size, knownCrc);
      const streamed = knownCrc === undefined;
      if (streamed && options.window !== undefined) {
        throw new Error(`Zip entry ${quoteName(name)} has no CRC-32: a window cannot be written`);
      }
      if (sink.past) {
        // Everything wanted is written: what follows would go nowhere.
        break;
      }
      // Bounds what one archive buffers in the destination: without this, thousands of empty
      // entries would queue their headers without ever waiting.
      await sink.drained();
      const offset = sink.position;
      const zip64Sizes = forceZip64 || size >= MAX_UINT32;
      const zip64Offset = forceZip64 || offset >= MAX_UINT32;
      const version = zip64Sizes || zip64Offset ? VERSION_ZIP64 : VERSION_DEFAULT;
      const flags = FLAG_UTF8_NAME | (streamed ? FLAG_DATA_DESCRIPTOR : 0);
      const header = localHeader(name, nameBytes, {
        version,
        flags,
        time,
        date,
        size,
        knownCrc,
        zip64Sizes,
      });
      // Without a window every entry is opened, an empty one too: a missing blob always fails.
      const wanted = sink.wanted(offset + header.length, size);
      let crc = 0;
      if (wanted === undefined) {
        sink.write(header);
        sink.skip(size);
      } else if (entry.bytes !== undefined) {
        const bytes = await entryBytes(entry, sink);
        sink.write(header);
        if (wanted === 'all') {
          sink.write(bytes);
        } else {
          sink.skip(wanted.start);
          sink.write(bytes.subarray(wanted.start, wanted.end + 1));
          sink.skip(size - 1 - wanted.end);
        }
        if (streamed) {
          crc = updateCrc32(bytes);
        }
      } else {
        const source = await openSource(entry, sink, wanted);
        sink.write(header);
        const { start: from, end: to } = wanted === 'all' ? { start: 0, end: size - 1 } : wanted;
        sink.skip(from);
        crc = await copyEntry(source, sink, name, to - from + 1, streamed);
        sink.skip(size - 1 - to);
      }
      if (streamed) {
        sink.write(dataDescriptor(crc, size, zip64Sizes));
      }
      directory.add(name, nameBytes, {
        version,
        flags,
        time,
        date,
        crc: knownCrc ?? crc,
        size,
        offset,
        zip64Sizes,
        zip64Offset,
      });
    }
    if (!sink.past) {
      directory.end(sink.position, forceZip64);
      for (const chunk of directory.chunks()) {
        await sink.drained();
        sink.write(chunk);
      }
    }
    await sink.end();
  } finally {
    sink.detach();
  }
}

/**
 * The exact length of the zip {@link writeZip} makes of entries whose CRC-32s are all known
 * (an entry without one also gets a data descriptor), from their names' and sizes' totals.
 */
export function zipLength(summary: ZipSummary): number {
  const { count, nameBytes, dataBytes, zip64Sizes, zip64Offsets, zip64Entries } = summary;
  const local =
    count * LOCAL_HEADER_BYTES + nameBytes + zip64Sizes * LOCAL_ZIP64_EXTRA_BYTES + dataBytes;
  const directory =
    count * CENTRAL_HEADER_BYTES +
    nameBytes +
    zip64Entries * CENTRAL_ZIP64_EXTRA_HEADER_BYTES +
    zip64Sizes * CENTRAL_ZIP64_SIZES_BYTES +
    zip64Offsets * CENTRAL_ZIP64_OFFSET_BYTES;
  const { zip64 } = endRecords(count, directory, local, false);
  return local + directory + (zip64 ? ZIP64_END_BYTES + ZIP64_LOCATOR_BYTES : 0) + END_BYTES;
}

/** Which fields of the end records overflow their 16- or 32-bit slots. */
function endRecords(count: number, size: number, offset: number, force: boolean) {
  const manyEntries = force || count >= MAX_UINT16;
  const bigSize = force || size >= MAX_UINT32;
  const farOffset = force || offset >= MAX_UINT32;
  return { manyEntries, bigSize, farOffset, zip64: manyEntries || bigSize || farOffset };
}

/** Programming errors, caught before a byte of the entry is written. */
function checkEntry(name: string, size: number, crc: number | undefined): number {
  const nameBytes = Buffer.byteLength(name, 'utf8');
  if (nameBytes === 0 || nameBytes > MAX_UINT16) {
    throw new Error(`A zip entry name must be 1 to 65535 UTF-8 bytes, not ${nameBytes}`);
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new Error(`Zip entry ${quoteName(name)} has an invalid size: ${size}`);
  }
  if (crc !== undefined && !(Number.isInteger(crc) && crc >= 0 && crc <= MAX_UINT32)) {
    throw new Error(`Zip entry ${quoteName(name)} has an invalid CRC-32: ${crc}`);
  }
  return nameBytes;
}

async function openSource(
  entry: ZipEntrySource,
  sink: Sink,
  range: ByteSpan | 'all',
): Promise<Readable> {
  let source: Readable;
  try {
    source = await entry.open(range === 'all' ? undefined : range);
  } catch (error) {
    throw new ZipEntryError(entry.name, { cause: error });
  }
  // The client may have hung up while the blob was being opened.
  if (sink.failure !== undefined) {
    source.destroy();
    throw sink.failure;
  }
  return source;
}

/** An entry's bytes held in memory, checked against its size. */
async function entryBytes(entry: ZipEntrySource, sink: Sink): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await (entry.bytes as Promise<Buffer>);
  } catch (error) {
    throw new ZipEntryError(entry.name, { cause: error });
  }
  // The client may have hung up while the bytes were being read.
  if (sink.failure !== undefined) {
    throw sink.failure;
  }
  if (bytes.length !== entry.size) {
    const problem =
      bytes.length > entry.size
        ? `the source has more than the ${entry.size} bytes declared`
        : `the source has ${bytes.length} bytes, not the ${entry.size} declared`;
    throw new ZipEntryError(entry.name, { cause: new Error(problem) });
  }
  return bytes;
}

/**
 * Copies the source's chunks to the destination as they come, pausing the source while the
 * destination is full. Resolves with the CRC-32 of the bytes when `computeCrc`, else 0.
 * Event listeners rather than `for await`: no promise per chunk, and the destination's failure
 * can interrupt a source that is stalled.
 */
function copyEntry(
  source: Readable,
  sink: Sink,
  name: string,
  size: number,
  computeCrc: boolean,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let crc = 0;
    let paused = false;
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) {
        return;
      }
      settled = true;
      sink.watch(undefined);
      if (error === undefined) {
        resolve(crc);
      } else {
        source.destroy();
        reject(error);
      }
    };
    const entryError = (problem: string | Error): ZipEntryError =>
      new ZipEntryError(name, {
        cause: typeof problem === 'string' ? new Error(problem) : problem,
      });

    source.on('data', (chunk: Buffer) => {
      if (settled) {
        return;
      }
      // A string chunk's length is in characters, not bytes: the sizes would lie.
      if (!ArrayBuffer.isView(chunk)) {
        settle(entryError('the source yielded a chunk that is not bytes'));
        return;
      }
      received += chunk.length;
      if (received > size) {
        settle(entryError(`the source has more than the ${size} bytes declared`));
        return;
      }
      if (computeCrc) {
        crc = updateCrc32(chunk, crc);
      }
      if (!sink.write(chunk)) {
        if (sink.failure !== undefined) {
          settle(sink.failure);
          return;
        }
        paused = true;
        source.pause();
      }
    });
    source.on('end', () =>
      settle(
        received === size
          ? undefined
          : entryError(`the source has ${received} bytes, not the ${size} declared`),
      ),
    );
    source.on('error', (error: Error) => settle(entryError(error)));
    source.on('close', () => {
      // Destroyed without an error: neither 'end' nor 'error' will come. Checked first, as
      // every source closes after its end and an Error (with its stack) is not free.
      if (!settled) {
        settle(entryError('the source closed before its end'));
      }
    });
    sink.watch((error) => {
      if (error !== undefined) {
        settle(error);
      } else if (paused) {
        paused = false;
        source.resume();
      }
    });
    if (sink.failure !== undefined) {
      settle(sink.failure);
      return;
    }
    if (source.destroyed || source.readableEnded) {
      settle(entryError(source.errored ?? 'the source was already consumed or destroyed'));
      return;
    }
    // A source handed over paused would not start on its own when the 'data' listener comes.
    source.resume();
  });
}

type Watcher = (error?: Error) => void;

/**
 * The destination, watched for the whole archive: its 'error' and 'close' can happen between
 * two awaits, when nobody in particular is waiting, and must still stop the archive (and not
 * become an unhandled 'error' event).
 */
class Sink {
  /** Bytes of the archive so far, written or skipped: the offset of the next byte. */
  position = 0;
  failure: Error | undefined;
  private needDrain = false;
  private finished = false;
  private corked = false;
  private watcher: Watcher | undefined;

  constructor(
    private readonly destination: Writable,
    private readonly window?: ByteSpan,
  ) {
    destination
      .on('drain', this.onDrain)
      .on('error', this.onError)
      .on('close', this.onClose)
      .on('finish', this.onFinish);
    if (destination.destroyed || destination.writableEnded) {
      this.failure = closedEarly();
    }
  }

  /** Whether the window's last byte is behind: nothing more will be written. */
  get past(): boolean {
    return this.window !== undefined && this.position > this.window.end;
  }

  /**
   * Which of `size` bytes starting at archive offset `at` fall in the window: 'all' without a
   * window, the span within them, or undefined for none.
   */
  wanted(at: number, size: number): ByteSpan | 'all' | undefined {
    if (this.window === undefined) {
      return 'all';
    }
    const start = Math.max(this.window.start, at);
    const end = Math.min(this.window.end, at + size - 1);
    return start > end ? undefined : { start: start - at, end: end - at };
  }

  /** Moves past bytes of the archive that are outside the window. */
  skip(bytes: number): void {
    this.position += bytes;
  }

  /** Writes a chunk, returning false when the caller should wait for drained() (or failed). */
  write(whole: Uint8Array): boolean {
    const at = this.position;
    this.position += whole.length;
    let chunk = whole;
    if (this.window !== undefined) {
      const from = Math.max(this.window.start - at, 0);
      const to = Math.min(this.window.end + 1 - at, whole.length);
      if (from >= to) {
        return this.failure === undefined;
      }
      chunk = from === 0 && to === whole.length ? whole : whole.subarray(from, to);
    }
    // Everything written in one turn of the event loop goes out in one writev: an archive of
    // small files otherwise makes a syscall for every header and every file (100,000 files of
    // 15 bytes: 3.5 s of 14 s in writev). Uncorked before any wait for 'drain' can matter, as
    // setImmediate runs once the pending callbacks have.
    if (!this.corked) {
      this.corked = true;
      this.destination.cork();
      setImmediate(this.uncork);
    }
    if (this.destination.write(chunk)) {
      return true;
    }
    // A destroyed destination says false too, and its 'close' may already have been emitted.
    if (this.destination.destroyed || this.destination.errored) {
      this.fail(this.destination.errored ?? closedEarly());
    } else {
      this.needDrain = true;
    }
    return false;
  }

  /** Called with no argument on every 'drain', with the error when the destination fails. */
  watch(watcher: Watcher | undefined): void {
    this.watcher = watcher;
  }

  drained(): Promise<void> {
    if (this.failure !== undefined) {
      return Promise.reject(this.failure);
    }
    if (!this.needDrain) {
      return Promise.resolve();
    }
    return this.until(() => !this.needDrain);
  }

  async end(): Promise<void> {
    if (this.failure !== undefined) {
      throw this.failure;
    }
    this.destination.end();
    // Waiting for 'finish' lets a failure to flush the last bytes reject the archive.
    if (!this.finished) {
      await this.until(() => this.finished);
    }
  }

  detach(): void {
    // What was written before a failure goes out too; the caller decides what follows it.
    if (this.corked) {
      this.uncork();
    }
    this.watcher = undefined;
    this.destination
      .off('drain', this.onDrain)
      .off('error', this.onError)
      .off('close', this.onClose)
      .off('finish', this.onFinish);
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      this.watch((error) => {
        if (error !== undefined) {
          this.watcher = undefined;
          reject(error);
        } else if (done()) {
          this.watcher = undefined;
          resolve();
        }
      });
    });
  }

  private fail(error: Error): void {
    if (this.failure === undefined) {
      this.failure = error;
      this.watcher?.(error);
    }
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.destination.uncork();
  };

  private readonly onDrain = (): void => {
    this.needDrain = false;
    this.watcher?.();
  };

  private readonly onFinish = (): void => {
    this.finished = true;
    this.watcher?.();
  };

  private readonly onError = (error: Error): void => this.fail(error);

  private readonly onClose = (): void => {
    if (!this.finished) {
      this.fail(this.destination.errored ?? closedEarly());
    }
  };
}

function closedEarly(): Error {
  return new Error('The destination closed before the zip archive was complete');
}

interface LocalFields {
  version: number;
  flags: number;
  time: number;
  date: number;
  size: number;
  knownCrc: number | undefined;
  zip64Sizes: boolean;
}

/**
 * With bit 3 the CRC and sizes wait for the data descriptor and are 0 here (APPNOTE 4.4.4);
 * a ZIP64 entry still carries its extra field, so a streaming reader knows the descriptor
 * holds 8-byte sizes (4.3.9.2).
 */
function localHeader(name: string, nameBytes: number, fields: LocalFields): Buffer {
  const { size, knownCrc, zip64Sizes } = fields;
  const extraBytes = zip64Sizes ? LOCAL_ZIP64_EXTRA_BYTES : 0;
  const header = Buffer.allocUnsafe(LOCAL_HEADER_BYTES + nameBytes + extraBytes);
  const recorded = knownCrc === undefined ? 0 : size;
  const slot = zip64Sizes ? MAX_UINT32 : recorded;
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(fields.version, 4);
  header.writeUInt16LE(fields.flags, 6);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt16LE(fields.time, 10);
  header.writeUInt16LE(fields.date, 12);
  header.writeUInt32LE(knownCrc ?? 0, 14);
  header.writeUInt32LE(slot, 18);
  header.writeUInt32LE(slot, 22);
  header.writeUInt16LE(nameBytes, 26);
  header.writeUInt16LE(extraBytes, 28);
  header.write(name, LOCAL_HEADER_BYTES, nameBytes, 'utf8');
  if (zip64Sizes) {
    const at = LOCAL_HEADER_BYTES + nameBytes;
    header.writeUInt16LE(ZIP64_EXTRA_ID, at);
    header.writeUInt16LE(16, at + 2);
    writeUInt64(header, recorded, at + 4);
    writeUInt64(header, recorded, at + 12);
  }
  return header;
}

function dataDescriptor(crc: number, size: number, zip64: boolean): Buffer {
  const descriptor = Buffer.allocUnsafe(zip64 ? 24 : 16);
  descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
  descriptor.writeUInt32LE(crc, 4);
  if (zip64) {
    writeUInt64(descriptor, size, 8);
    writeUInt64(descriptor, size, 16);
  } else {
    descriptor.writeUInt32LE(size, 8);
    descriptor.writeUInt32LE(size, 12);
  }
  return descriptor;
}

interface CentralFields {
  version: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  offset: number;
  zip64Sizes: boolean;
  zip64Offset: boolean;
}

/**
 * The central directory, serialised as each entry is done: only its own bytes stay in memory,
 * in a few large buffers that are written as they are.
 */
class CentralDirectory {
  private readonly full: Buffer[] = [];
  private current = Buffer.allocUnsafe(FIRST_DIRECTORY_CHUNK_BYTES);
  private used = 0;
  private count = 0;
  private bytes = 0;

  add(name: string, nameBytes: number, fields: CentralFields): void {
    const { size, offset, zip64Sizes, zip64Offset } = fields;
    // Only the fields whose 32-bit slot overflowed go in the extra, in this order (APPNOTE 4.5.3).
    const extraBytes =
      zip64Sizes || zip64Offset
        ? CENTRAL_ZIP64_EXTRA_HEADER_BYTES +
          (zip64Sizes ? CENTRAL_ZIP64_SIZES_BYTES : 0) +
          (zip64Offset ? CENTRAL_ZIP64_OFFSET_BYTES : 0)
        : 0;
    const recordBytes = CENTRAL_HEADER_BYTES + nameBytes + extraBytes;
    const [record, at] = this.reserve(recordBytes);
    const sizeSlot = zip64Sizes ? MAX_UINT32 : size;
    record.writeUInt32LE(CENTRAL_HEADER, at);
    record.writeUInt16LE(VERSION_MADE_BY, at + 4);
    record.writeUInt16LE(fields.version, at + 6);
    record.writeUInt16LE(fields.flags, at + 8);
    record.writeUInt16LE(0, at + 10); // stored
    record.writeUInt16LE(fields.time, at + 12);
    record.writeUInt16LE(fields.date, at + 14);
    record.writeUInt32LE(fields.crc, at + 16);
    record.writeUInt32LE(sizeSlot, at + 20);
    record.writeUInt32LE(sizeSlot, at + 24);
    record.writeUInt16LE(nameBytes, at + 28);
    record.writeUInt16LE(extraBytes, at + 30);
    record.writeUInt16LE(0, at + 32); // comment length
    record.writeUInt16LE(0, at + 34); // disk number start
    record.writeUInt16LE(0, at + 36); // internal attributes
    record.writeUInt32LE(EXTERNAL_ATTRIBUTES, at + 38);
    record.writeUInt32LE(zip64Offset ? MAX_UINT32 : offset, at + 42);
    let extraAt = at + CENTRAL_HEADER_BYTES;
    record.write(name, extraAt, nameBytes, 'utf8');
    extraAt += nameBytes;
    if (extraBytes > 0) {
      record.writeUInt16LE(ZIP64_EXTRA_ID, extraAt);
      record.writeUInt16LE(extraBytes - 4, extraAt + 2);
      extraAt += 4;
      if (zip64Sizes) {
        writeUInt64(record, size, extraAt);
        writeUInt64(record, size, extraAt + 8);
        extraAt += 16;
      }
      if (zip64Offset) {
        writeUInt64(record, offset, extraAt);
      }
    }
    this.count += 1;
  }

  /** Appends the end records; `offset` is where the central directory starts in the archive. */
  end(offset: number, forceZip64: boolean): void {
    const size = this.bytes;
    const { manyEntries, bigSize, farOffset, zip64 } = endRecords(
      this.count,
      size,
      offset,
      forceZip64,
    );
    if (zip64) {
      const [record, at] = this.reserve(ZIP64_END_BYTES + ZIP64_LOCATOR_BYTES);
      record.writeUInt32LE(ZIP64_END, at);
      writeUInt64(record, ZIP64_END_BYTES - 12, at + 4); // size of the rest of the record
      record.writeUInt16LE(VERSION_MADE_BY, at + 12);
      record.writeUInt16LE(VERSION_ZIP64, at + 14);
      record.writeUInt32LE(0, at + 16); // this disk
      record.writeUInt32LE(0, at + 20); // disk of the central directory
      writeUInt64(record, this.count, at + 24);
      writeUInt64(record, this.count, at + 32);
      writeUInt64(record, size, at + 40);
      writeUInt64(record, offset, at + 48);
      const locator = at + ZIP64_END_BYTES;
      record.writeUInt32LE(ZIP64_LOCATOR, locator);
      record.writeUInt32LE(0, locator + 4); // disk of the ZIP64 end record
      writeUInt64(record, offset + size, locator + 8);
      record.writeUInt32LE(1, locator + 16); // total disks
    }
    const [record, at] = this.reserve(END_BYTES);
    const count = manyEntries ? MAX_UINT16 : this.count;
    record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, at);
    record.writeUInt16LE(0, at + 4); // this disk
    record.writeUInt16LE(0, at + 6); // disk of the central directory
    record.writeUInt16LE(count, at + 8);
    record.writeUInt16LE(count, at + 10);
    record.writeUInt32LE(bigSize ? MAX_UINT32 : size, at + 12);
    record.writeUInt32LE(farOffset ? MAX_UINT32 : offset, at + 16);
    record.writeUInt16LE(0, at + 20); // comment length
  }

  chunks(): Buffer[] {
    return this.used === 0 ? this.full : [...this.full, this.current.subarray(0, this.used)];
  }

  private reserve(bytes: number): [Buffer, number] {
    if (this.used + bytes > this.current.length) {
      if (this.used > 0) {
        this.full.push(this.current.subarray(0, this.used));
      }
      const next = Math.min(this.current.length * 2, DIRECTORY_CHUNK_BYTES);
      this.current = Buffer.allocUnsafe(Math.max(next, bytes));
      this.used = 0;
    }
    const at = this.used;
    this.used += bytes;
    this.bytes += bytes;
    return [this.current, at];
  }
}

/** Sizes and offsets stay below 2^53, so two 32-bit halves are exact (and skip BigInt). */
function writeUInt64(buffer: Buffer, value: number, at: number): void {
  buffer.writeUInt32LE(value >>> 0, at);
  buffer.writeUInt32LE(Math.floor(value / UINT32_RANGE), at + 4);
}

/** DOS time has 2-second steps and covers 1980 to 2107 only: dates outside are clamped. */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = when.getFullYear();
  if (year < 1980) {
    return { time: 0, date: (1 << 5) | 1 };
  }
  if (year > 2107) {
    return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  }
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

function messageOf(cause: unknown): string {
  // isNativeError too: errors from Node's own modules may come from another realm (jest's vm).
  return cause instanceof Error || isNativeError(cause) ? cause.message : String(cause);
}
