import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { isNativeError } from 'node:util/types';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { DomainError } from '../../../common/errors/domain-error.js';
import { assertSafeZipEntryName } from './zip-entry-name.js';
import {
  InvalidZipError,
  quoteName,
  ZipBombError,
  ZipEntryNameError,
  ZipLimitError,
} from './zip-errors.js';

export interface ZipLimits {
  /** More entries than this: ZipLimitError (413). */
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes, in bytes: ZipLimitError (413). */
  maxTotalUncompressed: number;
  /** One entry's uncompressed size, in bytes (the single-file upload limit): ZipLimitError (413). */
  maxEntryUncompressed: number;
  /** Uncompressed/compressed size of one entry above `compressionRatioFloor`: ZipBombError (400). */
  maxCompressionRatio: number;
  /**
   * Entries up to this many uncompressed bytes skip the ratio check: small files of repeated
   * bytes compress far beyond any sane ratio and harm nobody. Default 1 MiB.
   */
  compressionRatioFloor?: number;
}

export const DEFAULT_COMPRESSION_RATIO_FLOOR = 1024 * 1024;

export interface ZipEntryInfo {
  /**
   * The raw entry name, decoded as UTF-8 (or CP437 when the UTF-8 flag is unset, as yauzl does)
   * and checked by `assertSafeZipEntryName`, otherwise untouched. Directories end with `/`.
   */
  name: string;
  isDirectory: boolean;
  uncompressedSize: number;
  compressedSize: number;
}

const STORED = 0;
const DEFLATED = 8;
const UTF8_NAME_FLAG = 0x800;
const LOCAL_HEADER_MIN_BYTES = 30;
const CENTRAL_HEADER_MIN_BYTES = 46;

/**
 * Reads the central directory only and returns every entry, in archive order, after the same
 * checks `readZipEntries` makes before it calls back: entry count, names, compression method and
 * encryption, declared sizes against the limits, compression ratio, overlapping entries.
 */
export async function listZipEntries(zipPath: string, limits: ZipLimits): Promise<ZipEntryInfo[]> {
  const zip = await openZip(zipPath);
  try {
    const infos: ZipEntryInfo[] = [];
    const spans: DataSpan[] = [];
    for await (const { entry, info } of centralDirectory(zip, limits)) {
      infos.push(info);
      spans.push({
        start: entry.relativeOffsetOfLocalHeader,
        // The local header's name and extra field lengths are unknown here; its fixed part is a
        // lower bound, so this end never claims an overlap that is not there.
        end: entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_MIN_BYTES + entry.compressedSize,
        name: info.name,
      });
    }
    assertNoOverlap(spans);
    return infos;
  } finally {
    zip.close();
  }
}

/**
 * Validates the whole central directory first (as `listZipEntries`), so an archive whose
 * problem shows there calls `onEntry` for no entry at all. Then calls `onEntry` for each entry
 * in archive order, one at a time, with a stream of its bytes.
 *
 * `onEntry` must consume or destroy the stream before it resolves. A stream it leaves unread (a
 * directory, say) is read to the end here so the entry is still checked; a stream error it
 * swallowed is thrown here all the same.
 *
 * The bytes are checked as they flow: more than the entry declared is a ZipBombError (the
 * surplus is never passed on), fewer, or a CRC-32 mismatch, is an InvalidZipError at the end of
 * the stream. As every declared size was checked against the limits, the bytes delivered stay
 * within the limits too. Errors thrown by `onEntry` stop the walk and propagate unchanged.
 *
 * @returns the number of entries processed (directories included)
 */
export async function readZipEntries(
  zipPath: string,
  limits: ZipLimits,
  onEntry: (entry: ZipEntryInfo, content: Readable) => Promise<void>,
): Promise<number> {
  const validated = await listZipEntries(zipPath, limits);
  const zip = await openZip(zipPath);
  let processed = 0;
  try {
    for await (const { entry, info } of centralDirectory(zip, limits)) {
      // The temp file should not change between the passes; if it did, the first proves nothing.
      if (!sameEntry(validated[processed], info)) {
        throw new InvalidZipError('the archive changed while it was being read');
      }
      const { source, content } = await openEntryContent(zip, entry, info);
      try {
        await onEntry(info, content);
        await settle(content);
      } finally {
        await release(source, content);
      }
      processed += 1;
    }
  } finally {
    zip.close();
  }
  return processed;
}

async function openZip(zipPath: string): Promise<ZipFile> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, {
      // We close it ourselves: the second pass opens entry streams after each entry is read.
      autoClose: false,
      lazyEntries: true,
      // Names are decoded and checked here (assertSafeZipEntryName) so that an unsafe name is a
      // ZipEntryNameError rather than one of yauzl's untyped errors.
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw asZipError(error);
  }
  // Read errors reach us through eachEntry(); without a listener, a late error from closing the
  // file would be an 'error' event nobody handles, which takes the process down.
  zip.on('error', () => undefined);
  return zip;
}

interface CentralEntry {
  entry: Entry;
  info: ZipEntryInfo;
}

async function* centralDirectory(zip: ZipFile, limits: ZipLimits): AsyncGenerator<CentralEntry> {
  if (zip.entryCount * CENTRAL_HEADER_MIN_BYTES > zip.fileSize) {
    throw new InvalidZipError(
      `the archive claims ${zip.entryCount} entries, more than its ${zip.fileSize} bytes can hold`,
    );
  }
  if (zip.entryCount > limits.maxEntries) {
    throw new ZipLimitError(
      'entries',
      `The zip archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed.`,
    );
  }
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const info = checkEntry(entry, limits, zip.fileSize);
      total += info.uncompressedSize;
      if (total > limits.maxTotalUncompressed) {
        throw new ZipLimitError(
          'totalSize',
          `The zip archive holds more than ${limits.maxTotalUncompressed} bytes uncompressed ` +
            `(the limit), reached at entry ${quoteName(info.name)}.`,
        );
      }
      yield { entry, info };
    }
  } catch (error) {
    throw asZipError(error);
  }
}

function checkEntry(entry: Entry, limits: ZipLimits, fileSize: number): ZipEntryInfo {
  const name = entryName(entry);
  assertSafeZipEntryName(name);
  const quoted = quoteName(name);
  if (entry.isEncrypted()) {
    throw new InvalidZipError(`entry ${quoted} is encrypted, which is not supported`);
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new InvalidZipError(
      `entry ${quoted} uses compression method ${entry.compressionMethod}; ` +
        'only stored (0) and deflate (8) are supported',
    );
  }
  const { uncompressedSize, compressedSize } = entry;
  const isDirectory = name.endsWith('/');
  if (isDirectory && uncompressedSize !== 0) {
    throw new InvalidZipError(`directory entry ${quoted} has content`);
  }
  if (entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_MIN_BYTES + compressedSize > fileSize) {
    throw new InvalidZipError(`entry ${quoted} lies beyond the end of the archive (truncated?)`);
  }
  const floor = limits.compressionRatioFloor ?? DEFAULT_COMPRESSION_RATIO_FLOOR;
  const ratio = uncompressedSize / Math.max(compressedSize, 1);
  if (uncompressedSize > floor && ratio > limits.maxCompressionRatio) {
    throw new ZipBombError(
      name,
      `would inflate ${compressedSize} bytes to ${uncompressedSize} bytes ` +
        `(ratio ${Math.round(ratio)}:1, the limit is ${limits.maxCompressionRatio}:1).`,
    );
  }
  if (uncompressedSize > limits.maxEntryUncompressed) {
    throw new ZipLimitError(
      'entrySize',
      `Zip entry ${quoted} is ${uncompressedSize} bytes uncompressed; ` +
        `the limit for one file is ${limits.maxEntryUncompressed} bytes.`,
    );
  }
  return { name, isDirectory, uncompressedSize, compressedSize };
}

/** yauzl's own decoding (UTF-8 flag, CP437, Info-ZIP Unicode Path field), backslashes kept. */
function entryName(entry: Entry): string {
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    true,
  );
  // A name flagged UTF-8 that is not would reach the caller with U+FFFD in place of its bytes.
  if (
    (entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0 &&
    name.includes('\uFFFD') &&
    !isUtf8(entry.fileNameRaw)
  ) {
    throw new ZipEntryNameError(name, 'flagged UTF-8 but is not valid UTF-8');
  }
  return name;
}

interface DataSpan {
  start: number;
  end: number;
  name: string;
}

/**
 * Entries sharing compressed data are how a small archive can declare terabytes while every
 * entry keeps a modest ratio (the "overlapping files" zip bomb). No zip writer does it.
 */
function assertNoOverlap(spans: DataSpan[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i].start < sorted[i - 1].end) {
      throw new ZipBombError(
        sorted[i].name,
        `overlaps the data of entry ${quoteName(sorted[i - 1].name)}.`,
      );
    }
  }
}

function sameEntry(a: ZipEntryInfo | undefined, b: ZipEntryInfo): boolean {
  return (
    a !== undefined &&
    a.name === b.name &&
    a.uncompressedSize === b.uncompressedSize &&
    a.compressedSize === b.compressedSize
  );
}

async function openEntryContent(
  zip: ZipFile,
  entry: Entry,
  info: ZipEntryInfo,
): Promise<{ source: Readable; content: Readable }> {
  let source: Readable;
  try {
    source = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw asZipError(error, info);
  }
  const content = Readable.from(checkedBytes(source, info, entry.crc32), { objectMode: false });
  // Errors stay readable on `content.errored` (see settle); a callback that forgot to listen for
  // them must not turn a corrupt upload into an uncaught exception.
  content.on('error', () => undefined);
  return { source, content };
}

/** Passes the entry's bytes on, counting them and computing their CRC-32 (yauzl checks neither). */
async function* checkedBytes(
  source: Readable,
  info: ZipEntryInfo,
  expectedCrc: number,
): AsyncGenerator<Buffer> {
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > info.uncompressedSize) {
        throw tooManyBytes(info);
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    throw asZipError(error, info);
  }
  if (size !== info.uncompressedSize) {
    throw new InvalidZipError(
      `entry ${quoteName(info.name)} has ${size} bytes, not the ${info.uncompressedSize} it declares`,
    );
  }
  if (crc !== expectedCrc) {
    throw new InvalidZipError(`entry ${quoteName(info.name)} fails its CRC-32 check`);
  }
}

/** Ends both streams of an entry and waits for that, so the next entry starts from a clean slate. */
async function release(source: Readable, content: Readable): Promise<void> {
  content.destroy();
  if (!content.closed) {
    await new Promise<void>((resolve) => content.once('close', () => resolve()));
  }
  // The content's generator destroys the source when it stops early, but one destroyed before
  // it began never touched the source, which would keep yauzl's hold on the file.
  if (!source.destroyed && !source.readableEnded) {
    source.destroy();
  }
}

/** Waits until the content stream is done with, reading it ourselves if the callback did not. */
async function settle(content: Readable): Promise<void> {
  if (!content.readableEnded && !content.destroyed) {
    content.resume();
    await finished(content).catch(() => undefined);
  }
  if (content.errored) {
    throw content.errored;
  }
}

function tooManyBytes(info: ZipEntryInfo): ZipBombError {
  return new ZipBombError(
    info.name,
    `inflates to more than the ${info.uncompressedSize} bytes it declares.`,
  );
}

/**
 * yauzl and zlib report a bad archive with plain errors; they become InvalidZipError (400).
 * File-system failures (they carry `syscall`: ENOENT, EIO, ...) are ours, not the client's, and
 * stay as they are.
 */
function asZipError(error: unknown, info?: ZipEntryInfo): Error {
  if (error instanceof DomainError) {
    return error;
  }
  // isNativeError too: errors from Node's own modules may come from another realm (jest's vm).
  if (!(error instanceof Error) && !isNativeError(error)) {
    return new InvalidZipError(String(error));
  }
  if ('syscall' in error) {
    return error;
  }
  if (info === undefined) {
    return new InvalidZipError(error.message);
  }
  // yauzl's validateEntrySizes stops the inflated stream one chunk before our own count would.
  if (error.message.startsWith('too many bytes in the stream')) {
    return tooManyBytes(info);
  }
  return new InvalidZipError(`entry ${quoteName(info.name)}: ${error.message}`);
}
