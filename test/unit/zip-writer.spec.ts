import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, LocalFileHeader, ZipFile } from 'yauzl';
import {
  writeZip,
  ZipEntryError,
  zipLength,
  type ByteSpan,
  type ZipEntrySource,
  type ZipSummary,
  type ZipWriteOptions,
} from '../../src/modules/files/zip/zip-writer.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const MAX_UINT32 = 0xffffffff;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION_MADE_BY_UNIX = (3 << 8) | 45;
const REGULAR_FILE_644 = 0o100644;

/** Seconds odd on purpose: DOS time keeps even seconds only. Local time, as the writer reads it. */
const DATE = new Date(2024, 4, 6, 7, 8, 11);
const DOS_DATE = new Date(2024, 4, 6, 7, 8, 10);
const OPTIONS: ZipWriteOptions = { date: DATE };

let dir: string;
let fileCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-zip-writer-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Sources and destinations

interface TestEntry {
  name: string;
  data: Buffer;
  /** Hand the writer the CRC up front (no data descriptor) or let it compute one. */
  knownCrc: boolean;
}

/** The data in chunks of odd sizes, so that chunk boundaries fall anywhere. */
function chunked(data: Buffer, size = 7 * KiB + 3): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += size) {
    chunks.push(data.subarray(at, at + size));
  }
  return chunks;
}

interface Opened {
  sources: Readable[];
}

function sourceOf(entry: TestEntry, opened?: Opened): ZipEntrySource {
  return {
    name: entry.name,
    size: entry.data.length,
    crc32: entry.knownCrc ? crc32(entry.data) : undefined,
    open: () => {
      const stream = Readable.from(chunked(entry.data));
      opened?.sources.push(stream);
      return Promise.resolve(stream);
    },
  };
}

/** An entry whose source is the given stream, opened once. */
function streamEntry(name: string, size: number, stream: Readable, crc?: number): ZipEntrySource {
  return { name, size, crc32: crc, open: () => Promise.resolve(stream) };
}

class MemorySink extends Writable {
  readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

async function zipOf(entries: ZipEntrySource[], options = OPTIONS): Promise<Buffer> {
  const sink = new MemorySink();
  await writeZip(entries, sink, options);
  expect(sink.writableFinished).toBe(true);
  return sink.bytes();
}

async function toFile(bytes: Buffer): Promise<string> {
  fileCount += 1;
  const file = path.join(dir, `archive-${fileCount}.zip`);
  await writeFile(file, bytes);
  return file;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function fail(message: string): never {
  throw new Error(message);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Compared as digests: jest's toEqual walks a Buffer byte by byte, a second per 300 KB. */
function digest(data: Buffer | undefined): string | undefined {
  return data && sha256(data);
}

// ---------------------------------------------------------------------------------------------
// Reading back: yauzl, Python, and the raw records

interface YauzlEntry {
  entry: Entry;
  /** Read for the entries wanted only, as is the data. */
  local?: LocalFileHeader;
  data?: Buffer;
}

/** Every entry; the local header and data of those `wanted` (default: all). */
async function readWithYauzl(
  zip: ZipFile,
  wanted: (entry: Entry) => boolean = () => true,
): Promise<YauzlEntry[]> {
  const read: YauzlEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (wanted(entry)) {
        const local = await zip.readLocalFileHeaderPromise(entry);
        const data = await readAll(await zip.openReadStreamPromise(entry));
        read.push({ entry, local, data });
      } else {
        read.push({ entry });
      }
    }
  } finally {
    zip.close();
  }
  return read;
}

function yauzlOptions(): yauzl.Options {
  return { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true };
}

/**
 * Python's zipfile reads the whole archive: testzip() checks every entry's CRC-32 against its
 * bytes. `summary` prints only the count and the first and last names (for huge archives).
 */
const PYTHON_READ = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    assert bad is None, bad
    infos = z.infolist()
    if sys.argv[2] == 'summary':
        print(json.dumps({'count': len(infos), 'first': infos[0].filename, 'last': infos[-1].filename}))
    else:
        print(json.dumps([{
            'name': i.filename, 'size': i.file_size, 'compressed': i.compress_size,
            'crc': i.CRC, 'flags': i.flag_bits, 'method': i.compress_type,
            'sha256': hashlib.sha256(z.read(i)).hexdigest(), 'date': list(i.date_time),
            'system': i.create_system, 'mode': i.external_attr >> 16, 'version': i.extract_version,
            'offset': i.header_offset,
        } for i in infos]))
`;

interface PythonEntry {
  name: string;
  size: number;
  compressed: number;
  crc: number;
  flags: number;
  method: number;
  sha256: string;
  date: number[];
  system: number;
  mode: number;
  version: number;
  offset: number;
}

function readWithPython(file: string): PythonEntry[] {
  const out = execFileSync('python3', ['-c', PYTHON_READ, file, 'full'], {
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
  });
  return JSON.parse(out) as PythonEntry[];
}

function summaryWithPython(file: string): { count: number; first: string; last: string } {
  const out = execFileSync('python3', ['-c', PYTHON_READ, file, 'summary'], { encoding: 'utf8' });
  return JSON.parse(out) as { count: number; first: string; last: string };
}

function readUInt64(buffer: Buffer, at: number): number {
  return buffer.readUInt32LE(at) + buffer.readUInt32LE(at + 4) * 0x1_0000_0000;
}

/** The values of a ZIP64 extended information field (id 1), or undefined when there is none. */
function zip64Values(extra: Buffer): number[] | undefined {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      const values: number[] = [];
      for (let value = at + 4; value < at + 4 + length; value += 8) {
        values.push(readUInt64(extra, value));
      }
      return values;
    }
    at += 4 + length;
  }
  return undefined;
}

interface CentralRecord {
  name: string;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  crc: number;
  compressedSlot: number;
  uncompressedSlot: number;
  offsetSlot: number;
  externalAttributes: number;
  zip64: number[] | undefined;
}

function parseCentralDirectory(bytes: Buffer, at: number, count: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(bytes.readUInt32LE(at)).toBe(CENTRAL_HEADER);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameAt = at + 46;
    records.push({
      name: bytes.toString('utf8', nameAt, nameAt + nameLength),
      versionMadeBy: bytes.readUInt16LE(at + 4),
      versionNeeded: bytes.readUInt16LE(at + 6),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSlot: bytes.readUInt32LE(at + 20),
      uncompressedSlot: bytes.readUInt32LE(at + 24),
      offsetSlot: bytes.readUInt32LE(at + 42),
      externalAttributes: bytes.readUInt32LE(at + 38),
      zip64: zip64Values(bytes.subarray(nameAt + nameLength, nameAt + nameLength + extraLength)),
    });
    at = nameAt + nameLength + extraLength + commentLength;
  }
  return records;
}

interface EndRecords {
  /** As the classic end record has them (0xFFFF / 0xFFFFFFFF where they overflow). */
  classic: { entries: number; size: number; offset: number };
  /** From the ZIP64 end record, when there is one. */
  zip64?: { entries: number; size: number; offset: number; recordOffset: number };
}

/** The end records from the last bytes of an archive; `tailStart` is where `tail` begins. */
function parseEnd(tail: Buffer, tailStart: number): EndRecords {
  const end = tail.length - 22;
  expect(tail.readUInt32LE(end)).toBe(END_OF_CENTRAL_DIRECTORY);
  expect(tail.readUInt16LE(end + 20)).toBe(0); // no comment
  expect(tail.readUInt16LE(end + 8)).toBe(tail.readUInt16LE(end + 10));
  const classic = {
    entries: tail.readUInt16LE(end + 10),
    size: tail.readUInt32LE(end + 12),
    offset: tail.readUInt32LE(end + 16),
  };
  const locator = end - 20;
  if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
    return { classic };
  }
  expect(tail.readUInt32LE(locator + 4)).toBe(0);
  expect(tail.readUInt32LE(locator + 16)).toBe(1);
  const recordOffset = readUInt64(tail, locator + 8);
  const record = recordOffset - tailStart;
  expect(record + 56).toBe(locator);
  expect(tail.readUInt32LE(record)).toBe(ZIP64_END);
  expect(readUInt64(tail, record + 4)).toBe(44);
  expect(tail.readUInt16LE(record + 12)).toBe(VERSION_MADE_BY_UNIX);
  expect(tail.readUInt16LE(record + 14)).toBe(45);
  expect(readUInt64(tail, record + 24)).toBe(readUInt64(tail, record + 32));
  const zip64 = {
    entries: readUInt64(tail, record + 32),
    size: readUInt64(tail, record + 40),
    offset: readUInt64(tail, record + 48),
    recordOffset,
  };
  expect(zip64.offset + zip64.size).toBe(recordOffset);
  return { classic, zip64 };
}

// ---------------------------------------------------------------------------------------------

describe('writeZip', () => {
  const roundTrip: TestEntry[] = [
    { name: 'readme.txt', data: Buffer.from('hello, zip\n'), knownCrc: true },
    { name: 'empty.bin', data: Buffer.alloc(0), knownCrc: true },
    { name: 'empty-streamed.bin', data: Buffer.alloc(0), knownCrc: false },
    { name: 'données/été/photo ü 日本 😀.jpg', data: randomBytes(100_003), knownCrc: false },
    { name: 'a/b/c/d/deep.bin', data: randomBytes(300_001), knownCrc: true },
    { name: 'last.txt', data: Buffer.from('streamed at the end'), knownCrc: false },
  ];

  it('should write entries that yauzl and Python read back byte for byte', async () => {
    const opened: Opened = { sources: [] };
    const bytes = await zipOf(roundTrip.map((entry) => sourceOf(entry, opened)));

    // One source per entry, each read to its end.
    expect(opened.sources).toHaveLength(roundTrip.length);
    expect(opened.sources.every((source) => source.readableEnded)).toBe(true);

    const read = await readWithYauzl(await yauzl.fromBufferPromise(bytes, yauzlOptions()));
    expect(read.map(({ entry }) => entry.fileName)).toEqual(roundTrip.map(({ name }) => name));
    read.forEach(({ entry, local = fail('no local header'), data }, i) => {
      const expected = roundTrip[i];
      const crc = crc32(expected.data);
      expect(digest(data)).toBe(sha256(expected.data));
      expect(entry.crc32).toBe(crc);
      expect(entry.uncompressedSize).toBe(expected.data.length);
      expect(entry.compressedSize).toBe(expected.data.length);
      expect(entry.compressionMethod).toBe(0);
      expect(entry.generalPurposeBitFlag).toBe(
        FLAG_UTF8 | (expected.knownCrc ? 0 : FLAG_DATA_DESCRIPTOR),
      );
      expect(entry.versionMadeBy).toBe(VERSION_MADE_BY_UNIX);
      expect(entry.versionNeededToExtract).toBe(20);
      expect(entry.externalFileAttributes >>> 16).toBe(REGULAR_FILE_644);
      expect(entry.extraFields).toEqual([]);
      expect(entry.getLastModDate()).toEqual(DOS_DATE);
      // The local header is complete when the CRC is known, else the data descriptor is.
      expect(local.generalPurposeBitFlag).toBe(entry.generalPurposeBitFlag);
      expect(local.versionNeededToExtract).toBe(20);
      expect(local.lastModFileDate).toBe(entry.lastModFileDate);
      expect(local.lastModFileTime).toBe(entry.lastModFileTime);
      expect(local.extraField.length).toBe(0);
      const after = local.fileDataStart + expected.data.length;
      if (expected.knownCrc) {
        expect([local.crc32, local.compressedSize, local.uncompressedSize]).toEqual([
          crc,
          expected.data.length,
          expected.data.length,
        ]);
        expect(bytes.readUInt32LE(after)).not.toBe(DATA_DESCRIPTOR);
      } else {
        expect([local.crc32, local.compressedSize, local.uncompressedSize]).toEqual([0, 0, 0]);
        expect(bytes.readUInt32LE(after)).toBe(DATA_DESCRIPTOR);
        expect(bytes.readUInt32LE(after + 4)).toBe(crc);
        expect(bytes.readUInt32LE(after + 8)).toBe(expected.data.length);
        expect(bytes.readUInt32LE(after + 12)).toBe(expected.data.length);
      }
    });

    // Small archive: the classic end record alone.
    const end = parseEnd(bytes, 0);
    expect(end.zip64).toBeUndefined();
    expect(end.classic.entries).toBe(roundTrip.length);
    expect(end.classic.offset + end.classic.size + 22).toBe(bytes.length);

    const python = readWithPython(await toFile(bytes));
    expect(python).toEqual(
      roundTrip.map((entry, i) => ({
        name: entry.name,
        size: entry.data.length,
        compressed: entry.data.length,
        crc: crc32(entry.data),
        flags: FLAG_UTF8 | (entry.knownCrc ? 0 : FLAG_DATA_DESCRIPTOR),
        method: 0,
        sha256: sha256(entry.data),
        date: [2024, 5, 6, 7, 8, 10],
        system: 3,
        mode: REGULAR_FILE_644,
        version: 20,
        offset: read[i].entry.relativeOffsetOfLocalHeader,
      })),
    );
  });

  it('should take entries from an async iterable, opening each source only when its turn comes', async () => {
    const events: string[] = [];
    async function* entries(): AsyncGenerator<ZipEntrySource> {
      for (const name of ['one.txt', 'two.txt', 'three.txt']) {
        // As a database cursor would: the next entry arrives on a later turn.
        await new Promise((resolve) => setImmediate(resolve));
        const data = Buffer.from(`content of ${name}`);
        events.push(`yield ${name}`);
        yield {
          name,
          size: data.length,
          open: () => {
            events.push(`open ${name}`);
            const stream = Readable.from([data]);
            stream.once('end', () => events.push(`end ${name}`));
            return Promise.resolve(stream);
          },
        };
      }
    }
    const sink = new MemorySink();
    await writeZip(entries(), sink, OPTIONS);
    const bytes = sink.bytes();
    expect(events).toEqual([
      'yield one.txt',
      'open one.txt',
      'end one.txt',
      'yield two.txt',
      'open two.txt',
      'end two.txt',
      'yield three.txt',
      'open three.txt',
      'end three.txt',
    ]);
    const read = await readWithYauzl(await yauzl.fromBufferPromise(bytes, yauzlOptions()));
    expect(read.map(({ data }) => data?.toString())).toEqual([
      'content of one.txt',
      'content of two.txt',
      'content of three.txt',
    ]);
  });

  it('should write an archive with no entries as a lone end record', async () => {
    const bytes = await zipOf([]);
    expect(bytes.length).toBe(22);
    expect(parseEnd(bytes, 0).classic).toEqual({ entries: 0, size: 0, offset: 0 });
    const zip = await yauzl.fromBufferPromise(bytes, yauzlOptions());
    expect(zip.entryCount).toBe(0);
    zip.close();
  });

  it('should clamp dates to the DOS range (1980 to 2107)', async () => {
    const dates = async (date: Date): Promise<Date> => {
      const bytes = await zipOf([sourceOf({ name: 'a', data: Buffer.from('a'), knownCrc: true })], {
        date,
      });
      const [{ entry }] = await readWithYauzl(await yauzl.fromBufferPromise(bytes, yauzlOptions()));
      return entry.getLastModDate();
    };
    expect(await dates(new Date(1970, 0, 1))).toEqual(new Date(1980, 0, 1, 0, 0, 0));
    expect(await dates(new Date(2200, 5, 1))).toEqual(new Date(2107, 11, 31, 23, 59, 58));
    expect(await dates(new Date(1980, 0, 1, 0, 0, 1))).toEqual(new Date(1980, 0, 1, 0, 0, 0));
  });

  describe('ZIP64', () => {
    it('should write ZIP64 records everywhere when forced, which yauzl and Python read', async () => {
      const bytes = await zipOf(
        roundTrip.map((entry) => sourceOf(entry)),
        { date: DATE, forceZip64: true },
      );

      const end = parseEnd(bytes, 0);
      // Every classic field says "see the ZIP64 record", so a reader that ignored it would fail.
      expect(end.classic).toEqual({ entries: 0xffff, size: MAX_UINT32, offset: MAX_UINT32 });
      expect(end.zip64?.entries).toBe(roundTrip.length);
      const central = parseCentralDirectory(bytes, end.zip64!.offset, roundTrip.length);
      const read = await readWithYauzl(await yauzl.fromBufferPromise(bytes, yauzlOptions()));
      read.forEach(({ entry, local = fail('no local header'), data }, i) => {
        const expected = roundTrip[i];
        const size = expected.data.length;
        expect(entry.fileName).toBe(expected.name);
        expect(digest(data)).toBe(sha256(expected.data));
        expect(entry.crc32).toBe(crc32(expected.data));
        expect(entry.uncompressedSize).toBe(size);
        expect(entry.versionNeededToExtract).toBe(45);
        expect(local.versionNeededToExtract).toBe(45);
        // Central: every 32-bit slot overflows to the extra field, in APPNOTE's order.
        expect(central[i]).toMatchObject({
          uncompressedSlot: MAX_UINT32,
          compressedSlot: MAX_UINT32,
          offsetSlot: MAX_UINT32,
          zip64: [size, size, entry.relativeOffsetOfLocalHeader],
        });
        // Local: both sizes in the extra field (0 until the data descriptor when streamed).
        expect(local.compressedSize).toBe(MAX_UINT32);
        expect(local.uncompressedSize).toBe(MAX_UINT32);
        const recorded = expected.knownCrc ? size : 0;
        expect(zip64Values(local.extraField)).toEqual([recorded, recorded]);
        expect(local.crc32).toBe(expected.knownCrc ? crc32(expected.data) : 0);
        const after = local.fileDataStart + size;
        if (!expected.knownCrc) {
          // A ZIP64 entry's data descriptor has 8-byte sizes.
          expect(bytes.readUInt32LE(after)).toBe(DATA_DESCRIPTOR);
          expect(bytes.readUInt32LE(after + 4)).toBe(crc32(expected.data));
          expect(readUInt64(bytes, after + 8)).toBe(size);
          expect(readUInt64(bytes, after + 16)).toBe(size);
          expect(bytes.readUInt32LE(after + 24)).toBe(
            i + 1 < roundTrip.length ? LOCAL_HEADER : CENTRAL_HEADER,
          );
        }
      });

      const python = readWithPython(await toFile(bytes));
      expect(
        python.map(({ name, size, crc, sha256: hash, version }) => ({
          name,
          size,
          crc,
          hash,
          version,
        })),
      ).toEqual(
        roundTrip.map((entry) => ({
          name: entry.name,
          size: entry.data.length,
          crc: crc32(entry.data),
          hash: sha256(entry.data),
          version: 45,
        })),
      );
    });

    it('should write ZIP64 end records for more than 65,535 entries', async () => {
      const count = 70_000;
      function* entries(): Generator<ZipEntrySource> {
        for (let i = 0; i < count; i += 1) {
          const data = Buffer.from(String(i));
          // Every third entry streamed, so both kinds cross the 65,535 line.
          yield {
            name: `dir-${i % 10}/file-${i}.txt`,
            size: data.length,
            crc32: i % 3 === 0 ? undefined : crc32(data),
            open: () => Promise.resolve(Readable.from([data])),
          };
        }
      }
      const sink = new MemorySink();
      await writeZip(entries(), sink, OPTIONS);
      const bytes = sink.bytes();

      const end = parseEnd(bytes, 0);
      expect(end.classic.entries).toBe(0xffff);
      // Only the entry count overflows; the other fields keep their real values.
      expect(end.zip64).toEqual({
        entries: count,
        size: end.classic.size,
        offset: end.classic.offset,
        recordOffset: end.classic.offset + end.classic.size,
      });

      const zip = await yauzl.fromBufferPromise(bytes, yauzlOptions());
      expect(zip.entryCount).toBe(count);
      const read = await readWithYauzl(zip, (entry) => entry.fileName.endsWith('-69999.txt'));
      expect(read).toHaveLength(count);
      // Checked by hand, then asserted once: 200,000 expect() calls would take seconds.
      const wrong = read.filter(
        ({ entry }, i) =>
          entry.fileName !== `dir-${i % 10}/file-${i}.txt` ||
          entry.crc32 !== crc32(Buffer.from(String(i))) ||
          entry.generalPurposeBitFlag !==
            (i % 3 === 0 ? FLAG_UTF8 | FLAG_DATA_DESCRIPTOR : FLAG_UTF8),
      );
      expect(wrong.map(({ entry }) => entry.fileName)).toEqual([]);
      expect(read[count - 1].data?.toString()).toBe('69999');

      expect(summaryWithPython(await toFile(bytes))).toEqual({
        count,
        first: 'dir-0/file-0.txt',
        last: 'dir-9/file-69999.txt',
      });
    });

    const bigSize = 4 * GiB + MiB + 7;
    const zeros = Buffer.alloc(MiB);
    let bigCrc: number | undefined;
    /** Chained over the one zero buffer: about a second for 4 GiB, so computed once. */
    function crcOfBig(): number {
      if (bigCrc === undefined) {
        bigCrc = 0;
        for (let left = bigSize; left > 0; left -= zeros.length) {
          bigCrc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), bigCrc);
        }
      }
      return bigCrc;
    }

    it.each([
      { label: 'its CRC known', known: true },
      { label: 'its CRC computed while streaming', known: false },
    ])('should write a real entry over 4 GiB, $label, without holding it', async ({ known }) => {
      const crc = crcOfBig();
      const first = Buffer.from('the first entry\n');
      const last = Buffer.from('after the big one, streamed\n');
      const sink = new EndsSink(16 * KiB, 16 * KiB);
      await writeZip(
        [
          streamEntry('first.txt', first.length, Readable.from([first]), crc32(first)),
          streamEntry('big.bin', bigSize, zeroSource(bigSize, zeros), known ? crc : undefined),
          streamEntry('after.txt', last.length, Readable.from([last])),
        ],
        sink,
        OPTIONS,
      );
      const total = sink.count;
      const { head, tail } = sink;
      const tailStart = total - tail.length;
      const bigFlags = known ? FLAG_UTF8 : FLAG_UTF8 | FLAG_DATA_DESCRIPTOR;

      // first.txt, then big.bin's local header: version 45, sizes in the ZIP64 extra (0 there
      // when they wait for the data descriptor).
      const bigLocal = 30 + 'first.txt'.length + first.length;
      expect(head.readUInt32LE(bigLocal)).toBe(LOCAL_HEADER);
      expect(head.readUInt16LE(bigLocal + 4)).toBe(45);
      expect(head.readUInt16LE(bigLocal + 6)).toBe(bigFlags);
      expect(head.readUInt32LE(bigLocal + 14)).toBe(known ? crc : 0);
      expect(head.readUInt32LE(bigLocal + 18)).toBe(MAX_UINT32);
      expect(head.readUInt32LE(bigLocal + 22)).toBe(MAX_UINT32);
      expect(head.readUInt16LE(bigLocal + 26)).toBe('big.bin'.length);
      expect(head.readUInt16LE(bigLocal + 28)).toBe(20);
      const recorded = known ? bigSize : 0;
      expect(zip64Values(head.subarray(bigLocal + 37, bigLocal + 57))).toEqual([
        recorded,
        recorded,
      ]);
      const bigDataEnd = bigLocal + 57 + bigSize;
      // Everything else lies within the kept ends: the middle is big.bin's zeros only.
      expect(bigDataEnd).toBeGreaterThanOrEqual(tailStart);
      let afterOffset = bigDataEnd;
      if (!known) {
        // A ZIP64 entry's data descriptor: 8-byte sizes.
        const descriptor = bigDataEnd - tailStart;
        expect(tail.readUInt32LE(descriptor)).toBe(DATA_DESCRIPTOR);
        expect(tail.readUInt32LE(descriptor + 4)).toBe(crc);
        expect(readUInt64(tail, descriptor + 8)).toBe(bigSize);
        expect(readUInt64(tail, descriptor + 16)).toBe(bigSize);
        afterOffset += 24;
      }

      const end = parseEnd(tail, tailStart);
      expect(end.classic.entries).toBe(3);
      expect(end.classic.offset).toBe(MAX_UINT32);
      expect(end.zip64?.entries).toBe(3);
      expect(end.zip64!.size).toBe(end.classic.size);
      expect(total).toBe(end.zip64!.recordOffset + 56 + 20 + 22);

      const central = parseCentralDirectory(tail, end.zip64!.offset - tailStart, 3);
      expect(central[0]).toMatchObject({
        name: 'first.txt',
        versionNeeded: 20,
        offsetSlot: 0,
        uncompressedSlot: first.length,
        zip64: undefined,
      });
      expect(central[1]).toMatchObject({
        name: 'big.bin',
        versionNeeded: 45,
        flags: bigFlags,
        crc,
        uncompressedSlot: MAX_UINT32,
        compressedSlot: MAX_UINT32,
        offsetSlot: bigLocal,
        zip64: [bigSize, bigSize],
      });
      // Small, but its local header starts past 4 GiB: the offset alone goes to the extra.
      expect(central[2]).toMatchObject({
        name: 'after.txt',
        versionNeeded: 45,
        flags: FLAG_UTF8 | FLAG_DATA_DESCRIPTOR,
        crc: crc32(last),
        uncompressedSlot: last.length,
        compressedSlot: last.length,
        offsetSlot: MAX_UINT32,
        zip64: [afterOffset],
      });
      const afterLocal = afterOffset - tailStart;
      expect(tail.readUInt32LE(afterLocal)).toBe(LOCAL_HEADER);
      expect(tail.readUInt16LE(afterLocal + 4)).toBe(45);
      expect(tail.readUInt16LE(afterLocal + 28)).toBe(0); // no ZIP64 extra: its sizes fit
      const descriptor = afterLocal + 30 + 'after.txt'.length + last.length;
      expect(tail.subarray(descriptor - last.length, descriptor)).toEqual(last);
      expect(tail.readUInt32LE(descriptor)).toBe(DATA_DESCRIPTOR);
      expect(tail.readUInt32LE(descriptor + 4)).toBe(crc32(last));
      expect(tail.readUInt32LE(descriptor + 8)).toBe(last.length);
      expect(tail.readUInt32LE(descriptor + 16)).toBe(CENTRAL_HEADER);
      expect(descriptor + 16).toBe(end.zip64!.offset - tailStart);

      // The archive is its two ends with zeros between: readers can open it from those alone.
      const zip = await yauzl.fromRandomAccessReaderPromise(
        new SparseReader(head, tail, total),
        total,
        yauzlOptions(),
      );
      const read = await readWithYauzl(zip, (entry) => entry.uncompressedSize < MiB);
      expect(
        read.map(({ entry, data }) => [
          entry.fileName,
          entry.uncompressedSize,
          entry.crc32,
          entry.relativeOffsetOfLocalHeader,
          data?.toString(),
        ]),
      ).toEqual([
        ['first.txt', first.length, crc32(first), 0, first.toString()],
        ['big.bin', bigSize, crc, bigLocal, undefined],
        ['after.txt', last.length, crc32(last), afterOffset, last.toString()],
      ]);

      const headFile = await toFile(head);
      const tailFile = await toFile(tail);
      const python = JSON.parse(
        execFileSync('python3', ['-c', PYTHON_SPARSE, headFile, tailFile, String(total)], {
          encoding: 'utf8',
        }),
      ) as unknown[];
      expect(python).toEqual([
        {
          name: 'first.txt',
          size: first.length,
          crc: crc32(first),
          offset: 0,
          data: first.toString(),
        },
        { name: 'big.bin', size: bigSize, crc, offset: bigLocal },
        {
          name: 'after.txt',
          size: last.length,
          crc: crc32(last),
          offset: afterOffset,
          data: last.toString(),
        },
      ]);
    });
  });

  describe('failures', () => {
    const kinds = [
      { label: 'known CRC', crc: (data: Buffer) => crc32(data) },
      { label: 'streamed CRC', crc: () => undefined },
    ];

    it.each(kinds)(
      'should stop at the first byte past the size and destroy the source ($label)',
      async ({ crc }) => {
        const sink = new MemorySink();
        let pulled = 0;
        const source = Readable.from(
          (function* endless() {
            for (;;) {
              pulled += 1;
              yield Buffer.alloc(8, 1);
            }
          })(),
        );
        const error = await writeZip(
          [streamEntry('too-long.bin', 10, source, crc(Buffer.alloc(10, 1)))],
          sink,
          OPTIONS,
        ).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ZipEntryError);
        expect(error).toMatchObject({ entryName: 'too-long.bin' });
        expect((error as Error).message).toContain('more than the 10 bytes');
        expect(source.destroyed).toBe(true);
        expect(pulled).toBeLessThan(50);
        expect(sink.writableEnded).toBe(false);
        // The local header and the first chunk; not the chunk that overflowed.
        expect(sink.bytes().length).toBe(30 + 'too-long.bin'.length + 8);
      },
    );

    it.each(kinds)('should fail an entry whose source ends short ($label)', async ({ crc }) => {
      const sink = new MemorySink();
      const source = Readable.from([Buffer.alloc(5)]);
      const error = await writeZip(
        [streamEntry('short.bin', 10, source, crc(Buffer.alloc(10)))],
        sink,
        OPTIONS,
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ZipEntryError);
      expect(error).toMatchObject({ entryName: 'short.bin' });
      expect((error as Error).message).toContain('5 bytes, not the 10 declared');
      expect(source.destroyed).toBe(true);
      expect(sink.writableEnded).toBe(false);
    });

    it('should fail an entry whose source errors, with that error as the cause', async () => {
      const sink = new MemorySink();
      const source = new Readable({ read() {} });
      source.push(Buffer.alloc(3));
      setTimeout(() => source.destroy(new Error('disk on fire')), 5);
      const entries = [
        sourceOf({ name: 'fine.txt', data: Buffer.from('fine'), knownCrc: true }),
        streamEntry('burning.bin', 100, source, 1234),
      ];
      const error = await writeZip(entries, sink, OPTIONS).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ZipEntryError);
      expect(error).toMatchObject({ entryName: 'burning.bin', cause: { message: 'disk on fire' } });
      expect(source.destroyed).toBe(true);
      expect(sink.writableEnded).toBe(false);
    });

    it('should fail an entry whose source is destroyed without an error', async () => {
      const source = new Readable({ read() {} });
      source.push(Buffer.alloc(3));
      setTimeout(() => source.destroy(), 5);
      const error = await writeZip(
        [streamEntry('gone.bin', 100, source)],
        new MemorySink(),
        OPTIONS,
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ZipEntryError);
      expect(error).toMatchObject({ entryName: 'gone.bin' });
    });

    it('should fail an entry whose source cannot be opened', async () => {
      const missing = new Error('ENOENT: no such blob');
      const entry: ZipEntrySource = {
        name: 'missing.bin',
        size: 1,
        open: () => Promise.reject(missing),
      };
      const error = await writeZip([entry], new MemorySink(), OPTIONS).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ZipEntryError);
      expect(error).toMatchObject({ entryName: 'missing.bin', cause: missing });
    });

    it.each([
      ['empty', ''],
      ['65,536 ASCII bytes', 'a'.repeat(65_536)],
      ['40,000 characters, 80,000 UTF-8 bytes', 'é'.repeat(40_000)],
    ])('should refuse a name that is %s before writing anything of it', async (_label, name) => {
      const sink = new MemorySink();
      let opened = false;
      const first = Buffer.from('first');
      const entries: ZipEntrySource[] = [
        sourceOf({ name: 'ok.txt', data: first, knownCrc: true }),
        {
          name,
          size: 0,
          open: () => {
            opened = true;
            return Promise.resolve(Readable.from([]));
          },
        },
      ];
      const error = await writeZip(entries, sink, OPTIONS).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ZipEntryError);
      expect((error as Error).message).toMatch(/1 to 65535 UTF-8 bytes/);
      expect(opened).toBe(false);
      expect(sink.bytes().length).toBe(30 + 'ok.txt'.length + first.length);
    });

    it('should accept a name of exactly 65,535 bytes', async () => {
      const name = `${'d/'.repeat(30_000)}${'n'.repeat(5_535)}`;
      const bytes = await zipOf([sourceOf({ name, data: Buffer.from('x'), knownCrc: false })]);
      const [{ entry, data }] = await readWithYauzl(
        await yauzl.fromBufferPromise(bytes, yauzlOptions()),
      );
      expect(entry.fileName).toBe(name);
      expect(data?.toString()).toBe('x');
    });

    it('should reject, not hang, when the destination is destroyed mid-entry', async () => {
      const sink = new SlowSink(16 * KiB);
      const source = new CountingSource(64 * MiB, 64 * KiB);
      const written = writeZip([streamEntry('huge.bin', 64 * MiB, source, 0)], sink, OPTIONS);
      sink.onConsumed = (consumed) => {
        if (consumed > MiB) {
          sink.destroy();
        }
      };
      await expect(written).rejects.toThrow('closed before the zip archive was complete');
      expect(source.destroyed).toBe(true);
      expect(source.produced).toBeLessThan(4 * MiB);
    });

    it('should reject with the error the destination failed with', async () => {
      const sink = new SlowSink(16 * KiB);
      const source = new CountingSource(64 * MiB, 64 * KiB);
      const written = writeZip([streamEntry('huge.bin', 64 * MiB, source)], sink, OPTIONS);
      sink.onConsumed = (consumed) => {
        if (consumed > MiB) {
          sink.destroy(new Error('EPIPE: client went away'));
        }
      };
      await expect(written).rejects.toThrow('EPIPE: client went away');
      expect(source.destroyed).toBe(true);
    });

    it('should reject when the destination closes while the source is stalled', async () => {
      const sink = new MemorySink();
      const source = new Readable({ read() {} }); // never yields a byte
      const written = writeZip([streamEntry('stalled.bin', 10, source, 0)], sink, OPTIONS);
      setTimeout(() => sink.destroy(), 10);
      await expect(written).rejects.toThrow('closed before the zip archive was complete');
      expect(source.destroyed).toBe(true);
    });

    it('should reject and destroy the source when the destination closed while it was opened', async () => {
      const sink = new MemorySink();
      const source = Readable.from([Buffer.from('late')]);
      const entry: ZipEntrySource = {
        name: 'late.txt',
        size: 4,
        open: async () => {
          sink.destroy();
          await new Promise((resolve) => setTimeout(resolve, 5));
          return source;
        },
      };
      await expect(writeZip([entry], sink, OPTIONS)).rejects.toThrow(
        'closed before the zip archive was complete',
      );
      expect(source.destroyed).toBe(true);
    });

    it('should reject at once when the destination is already closed', async () => {
      const sink = new MemorySink();
      sink.destroy();
      let opened = false;
      const entry: ZipEntrySource = {
        name: 'never.txt',
        size: 0,
        open: () => {
          opened = true;
          return Promise.resolve(Readable.from([]));
        },
      };
      await expect(writeZip([entry], sink, OPTIONS)).rejects.toThrow('closed before');
      expect(opened).toBe(false);
    });
  });

  describe('into an HTTP response', () => {
    let server: http.Server;
    let handler: (response: http.ServerResponse) => void;

    beforeEach(async () => {
      server = http.createServer((_request, response) => handler(response));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });

    afterEach(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    function url(): string {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    }

    it('should stream a whole archive to a client and end the response', async () => {
      const entries = roundTrip.map((entry) => sourceOf(entry));
      let written: Promise<void> | undefined;
      handler = (response) => {
        written = writeZip(entries, response, OPTIONS);
      };
      const body = Buffer.from(await (await fetch(url())).arrayBuffer());
      expect(written).toBeDefined();
      await written;
      const read = await readWithYauzl(await yauzl.fromBufferPromise(body, yauzlOptions()));
      expect(read.map(({ entry, data }) => [entry.fileName, digest(data)])).toEqual(
        roundTrip.map(({ name, data }) => [name, sha256(data)]),
      );
    });

    it('should reject, and destroy the source, when the client hangs up mid-download', async () => {
      const source = new CountingSource(1024 * MiB, 64 * KiB);
      let written: Promise<void> | undefined;
      handler = (response) => {
        written = writeZip([streamEntry('huge.bin', 1024 * MiB, source, 0)], response, OPTIONS);
      };
      await new Promise<void>((resolve, reject) => {
        const request = http.get(url(), (response) => {
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > 2 * MiB) {
              request.destroy();
              resolve();
            }
          });
        });
        request.on('error', () => undefined);
        request.on('close', () => resolve());
        setTimeout(() => reject(new Error('no download')), 10_000).unref();
      });
      await expect(written).rejects.toThrow();
      expect(source.destroyed).toBe(true);
      // Back-pressure held through the socket: the source did not run to its end.
      expect(source.produced).toBeLessThan(64 * MiB);
    });
  });

  describe('back-pressure', () => {
    it('should gather the small writes of one turn of the event loop into one writev', async () => {
      let writes = 0;
      let chunks = 0;
      const received: Buffer[] = [];
      const destination = new Writable({
        writev(batch, callback) {
          writes += 1;
          chunks += batch.length;
          received.push(...batch.map(({ chunk }) => chunk as Buffer));
          callback();
        },
      });
      const byte = Buffer.from('x');
      const entries = Array.from({ length: 200 }, (_, index) => ({
        name: `small-${index}.txt`,
        size: 1,
        crc32: crc32(byte),
        open: () => Promise.resolve(Readable.from([byte], { objectMode: false })),
      }));
      await writeZip(entries, destination, OPTIONS);
      // A header and a byte per entry, then the central directory: one syscall each, uncorked.
      expect(chunks).toBeGreaterThan(400);
      expect(writes).toBeLessThan(chunks / 10);
      const names = (await yauzl.fromBufferPromise(Buffer.concat(received))).entryCount;
      expect(names).toBe(200);
    });

    it('should not read a source far ahead of a slow destination', async () => {
      const size = 4 * MiB;
      const sink = new SlowSink(16 * KiB);
      const source = new CountingSource(size, 4 * KiB);
      let maxAhead = 0;
      source.onProduced = (produced) => {
        maxAhead = Math.max(maxAhead, produced - sink.consumed);
      };
      await writeZip([streamEntry('slow.bin', size, source)], sink, OPTIONS);
      expect(source.produced).toBe(size);
      expect(sink.consumed).toBeGreaterThan(size);
      // The source's own buffer (16 KiB), the destination's (16 KiB) and a chunk or two: not MiBs.
      expect(maxAhead).toBeLessThan(64 * KiB);
    });

    it('should not queue the headers of many empty entries into a slow destination', async () => {
      const sink = new SlowSink(KiB);
      let maxBuffered = 0;
      function* entries(): Generator<ZipEntrySource> {
        for (let i = 0; i < 3000; i += 1) {
          maxBuffered = Math.max(maxBuffered, sink.writableLength);
          yield {
            name: `empty-${i}.txt`,
            size: 0,
            crc32: i % 2 === 0 ? 0 : undefined,
            open: () => Promise.resolve(Readable.from([])),
          };
        }
      }
      await writeZip(entries(), sink, OPTIONS);
      // At most the high-water mark plus one entry's header and descriptor.
      expect(maxBuffered).toBeLessThan(2 * KiB);
      expect(sink.consumed).toBeGreaterThan(3000 * (30 + 46));
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Test streams

/** Yields `size` zero bytes as one reused buffer: 4 GiB of entry at no memory cost. */
function zeroSource(size: number, zeros: Buffer): Readable {
  let left = size;
  return new Readable({
    highWaterMark: zeros.length,
    read() {
      if (left === 0) {
        this.push(null);
        return;
      }
      const chunk = left >= zeros.length ? zeros : zeros.subarray(0, left);
      left -= chunk.length;
      this.push(chunk);
    },
  });
}

/** Counts what passes and keeps copies of the first and last bytes (chunks may be reused). */
class EndsSink extends Writable {
  count = 0;
  head = Buffer.alloc(0);
  tail = Buffer.alloc(0);

  constructor(
    private readonly headBytes: number,
    private readonly tailBytes: number,
  ) {
    super({ highWaterMark: 4 * MiB });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.head.length < this.headBytes) {
      const wanted = chunk.subarray(0, this.headBytes - this.head.length);
      this.head = Buffer.concat([this.head, wanted]);
    }
    this.tail =
      chunk.length >= this.tailBytes
        ? Buffer.from(chunk.subarray(chunk.length - this.tailBytes))
        : Buffer.concat([this.tail, chunk]).subarray(-this.tailBytes);
    this.count += chunk.length;
    callback();
  }
}

/** A destination that takes its time: every write completes on a later turn of the loop. */
class SlowSink extends Writable {
  consumed = 0;
  onConsumed: (consumed: number) => void = () => undefined;
  private writes = 0;

  constructor(highWaterMark: number) {
    super({ highWaterMark });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.writes += 1;
    const done = () => {
      this.consumed += chunk.length;
      callback();
      this.onConsumed(this.consumed);
    };
    // Mostly the next turn, now and then a real delay.
    if (this.writes % 64 === 0) {
      setTimeout(done, 1);
    } else {
      setImmediate(done);
    }
  }
}

/** `size` bytes of a pattern, made only when asked for, counting how many were handed out. */
class CountingSource extends Readable {
  produced = 0;
  onProduced: (produced: number) => void = () => undefined;
  private readonly chunk: Buffer;

  constructor(
    private readonly size: number,
    chunkSize: number,
  ) {
    super();
    this.chunk = Buffer.alloc(chunkSize, 0x5a);
  }

  override _read(): void {
    const left = this.size - this.produced;
    if (left === 0) {
      this.push(null);
      return;
    }
    const chunk = Buffer.from(this.chunk.subarray(0, Math.min(left, this.chunk.length)));
    this.produced += chunk.length;
    this.onProduced(this.produced);
    this.push(chunk);
  }
}

/** yauzl's view of an archive that is `head`, then zeros, then `tail`. */
class SparseReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly head: Buffer,
    private readonly tail: Buffer,
    private readonly total: number,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from([sparseSlice(this.head, this.tail, this.total, start, end)]);
  }
}

function sparseSlice(
  head: Buffer,
  tail: Buffer,
  total: number,
  start: number,
  end: number,
): Buffer {
  const slice = Buffer.alloc(end - start);
  if (start < head.length) {
    head.copy(slice, 0, start, Math.min(end, head.length));
  }
  const tailStart = total - tail.length;
  if (end > tailStart) {
    const from = Math.max(start, tailStart);
    tail.copy(slice, from - start, from - tailStart, end - tailStart);
  }
  return slice;
}

/** Python's zipfile over the same sparse view (a seekable file of head, zeros, tail). */
const PYTHON_SPARSE = `
import io, json, sys, zipfile
head = open(sys.argv[1], 'rb').read()
tail = open(sys.argv[2], 'rb').read()
total = int(sys.argv[3])
tail_start = total - len(tail)

class Sparse(io.RawIOBase):
    pos = 0
    def readable(self): return True
    def seekable(self): return True
    def tell(self): return self.pos
    def seek(self, offset, whence=0):
        self.pos = offset if whence == 0 else self.pos + offset if whence == 1 else total + offset
        return self.pos
    def readinto(self, b):
        start = self.pos
        end = min(total, start + len(b))
        view = memoryview(b)
        view[:end - start] = bytes(end - start)
        if start < len(head):
            stop = min(end, len(head))
            view[:stop - start] = head[start:stop]
        if end > tail_start:
            first = max(start, tail_start)
            view[first - start:end - start] = tail[first - tail_start:end - tail_start]
        self.pos = end
        return end - start

out = []
with zipfile.ZipFile(io.BufferedReader(Sparse(), 1 << 16)) as z:
    for i in z.infolist():
        item = {'name': i.filename, 'size': i.file_size, 'crc': i.CRC, 'offset': i.header_offset}
        if i.file_size < 1 << 20:
            item['data'] = z.read(i).decode()  # read() checks the CRC
        out.append(item)
print(json.dumps(out))
`;

// ---------------------------------------------------------------------------------------------
// Exact length and windows (resumed downloads)

describe('zipLength and windows', () => {
  interface Known {
    name: string;
    data: Buffer;
  }

  /** Entries with known CRCs whose sources honour a range, recording what was opened. */
  function rangedEntries(files: Known[], opened: string[] = []): ZipEntrySource[] {
    return files.map(({ name, data }) => ({
      name,
      size: data.length,
      crc32: crc32(data),
      open: (range?: ByteSpan) => {
        opened.push(range ? `${name} ${range.start}-${range.end}` : name);
        const bytes = range ? data.subarray(range.start, range.end + 1) : data;
        return Promise.resolve(Readable.from(chunked(bytes)));
      },
    }));
  }

  function summaryOf(files: { name: string; size: number }[]): ZipSummary {
    let offset = 0;
    let zip64Sizes = 0;
    let zip64Offsets = 0;
    let zip64Entries = 0;
    for (const { name, size } of files) {
      const bigSize = size >= MAX_UINT32;
      const farOffset = offset >= MAX_UINT32;
      zip64Sizes += bigSize ? 1 : 0;
      zip64Offsets += farOffset ? 1 : 0;
      zip64Entries += bigSize || farOffset ? 1 : 0;
      offset += 30 + Buffer.byteLength(name) + (bigSize ? 20 : 0) + size;
    }
    return {
      count: files.length,
      nameBytes: files.reduce((sum, { name }) => sum + Buffer.byteLength(name), 0),
      dataBytes: files.reduce((sum, { size }) => sum + size, 0),
      zip64Sizes,
      zip64Offsets,
      zip64Entries,
    };
  }

  const sizedFiles = (data: Known[]) => data.map(({ name, data: d }) => ({ name, size: d.length }));

  const files: Known[] = [
    { name: 'first.txt', data: Buffer.from('hello, zip') },
    { name: 'empty', data: Buffer.alloc(0) },
    { name: 'dir/é ü.bin', data: randomBytes(40 * KiB + 17) },
    { name: 'small', data: Buffer.from('x') },
    { name: 'last.bin', data: randomBytes(3 * KiB) },
  ];

  it('should know the length of the zip it will write', async () => {
    const cases: Known[][] = [
      [],
      [{ name: 'e', data: Buffer.alloc(0) }],
      files,
      // From 65,535 entries on the count needs the ZIP64 end records.
      Array.from({ length: 65_535 }, (_, index) => ({ name: `${index}`, data: Buffer.alloc(0) })),
    ];
    for (const known of cases) {
      const bytes = await zipOf(rangedEntries(known));
      expect(zipLength(summaryOf(sizedFiles(known)))).toBe(bytes.length);
    }
  });

  it('should write, in any window, exactly those bytes of the whole zip', async () => {
    const whole = await zipOf(rangedEntries(files));
    const length = whole.length;
    const windowOf = async (window: ByteSpan, opened?: string[]) => {
      const sink = new MemorySink();
      await writeZip(rangedEntries(files, opened), sink, { ...OPTIONS, window });
      expect(sink.writableFinished).toBe(true);
      return sink.bytes();
    };
    const directory = whole.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    // Inside the first local header, inside an entry's bytes, inside the central directory.
    const cuts = [10, 30 + 9 + 5, directory + 20, 1 + Math.floor(Math.random() * (length - 2))];
    for (const cut of cuts) {
      const [a, b] = [
        await windowOf({ start: 0, end: cut - 1 }),
        await windowOf({ start: cut, end: length - 1 }),
      ];
      expect(Buffer.concat([a, b]).equals(whole)).toBe(true);
    }
    // Three pieces at random cut points.
    const [x, y] = [
      1 + Math.floor(Math.random() * (length / 2)),
      Math.floor(length / 2) + Math.floor(Math.random() * (length / 2 - 1)),
    ];
    const pieces = [
      await windowOf({ start: 0, end: x - 1 }),
      await windowOf({ start: x, end: y - 1 }),
      await windowOf({ start: y, end: length - 1 }),
    ];
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    // One byte anywhere.
    for (const at of [0, 29, 30, directory, length - 1]) {
      expect((await windowOf({ start: at, end: at })).equals(whole.subarray(at, at + 1))).toBe(
        true,
      );
    }
  });

  it('should open only the entries whose bytes fall in the window, and only those bytes', async () => {
    const whole = await zipOf(rangedEntries(files));
    const third = 30 + 9 + 10 + 30 + 5 + 30 + Buffer.byteLength('dir/é ü.bin');
    const opened: string[] = [];
    const sink = new MemorySink();
    await writeZip(rangedEntries(files, opened), sink, {
      ...OPTIONS,
      window: { start: third + 100, end: third + 199 },
    });
    expect(sink.bytes().equals(whole.subarray(third + 100, third + 200))).toBe(true);
    expect(opened).toEqual(['dir/é ü.bin 100-199']);

    // The central directory alone opens nothing.
    const none: string[] = [];
    const tail = new MemorySink();
    await writeZip(rangedEntries(files, none), tail, {
      ...OPTIONS,
      window: { start: whole.length - 40, end: whole.length - 1 },
    });
    expect(tail.bytes().equals(whole.subarray(whole.length - 40))).toBe(true);
    expect(none).toEqual([]);
  });

  it('should lay out ZIP64 sizes and offsets as zipLength counts them', async () => {
    // Never opened: the window holds only the central directory and the end records.
    const huge = 4 * GiB + 5;
    const layout = [
      { name: 'a', size: 3 },
      { name: 'huge.bin', size: huge },
      { name: 'after', size: 2 },
    ];
    const length = zipLength(summaryOf(layout));
    const opened: string[] = [];
    const entries: ZipEntrySource[] = layout.map(({ name, size }) => ({
      name,
      size,
      crc32: 0,
      open: () => {
        opened.push(name);
        return Promise.reject(new Error('not wanted'));
      },
    }));
    const sink = new MemorySink();
    const tailBytes = 3 * 46 + 1 + 8 + 5 + (4 + 16) + (4 + 8) + 56 + 20 + 22;
    await writeZip(entries, sink, {
      ...OPTIONS,
      window: { start: length - tailBytes, end: length - 1 },
    });
    const tail = sink.bytes();
    expect(opened).toEqual([]);
    expect(tail.length).toBe(tailBytes);
    expect(tail.readUInt32LE(0)).toBe(CENTRAL_HEADER);
    const zip64End = tail.length - 22 - 20 - 56;
    expect(tail.readUInt32LE(zip64End)).toBe(ZIP64_END);
    // Where the directory starts plus its size is where the ZIP64 end record is.
    const directoryOffset = Number(tail.readBigUInt64LE(zip64End + 48));
    const directorySize = Number(tail.readBigUInt64LE(zip64End + 40));
    expect(directoryOffset).toBe(length - tailBytes);
    expect(directoryOffset + directorySize).toBe(length - 22 - 20 - 56);
    expect(tail.readUInt32LE(tail.length - 22)).toBe(END_OF_CENTRAL_DIRECTORY);
  });

  it('should refuse a window over an entry without a known CRC-32', async () => {
    const entries = [sourceOf({ name: 'legacy', data: Buffer.from('abc'), knownCrc: false })];
    await expect(
      writeZip(entries, new MemorySink(), { ...OPTIONS, window: { start: 0, end: 9 } }),
    ).rejects.toThrow(/no CRC-32/);
  });
});

describe('writeZip with bytes in memory', () => {
  const entries: TestEntry[] = [
    { name: 'a.txt', data: Buffer.from('hello'), knownCrc: true },
    { name: 'empty', data: Buffer.alloc(0), knownCrc: true },
    { name: 'streamed-crc.bin', data: randomBytes(1000), knownCrc: false },
    { name: 'dir/b.bin', data: randomBytes(64 * KiB), knownCrc: true },
  ];

  /** The entry with its bytes handed over in memory; open() must then never be called. */
  function inMemory(entry: TestEntry, bytes: Promise<Buffer> = Promise.resolve(entry.data)) {
    return {
      ...sourceOf(entry),
      bytes,
      open: () => Promise.reject(new Error(`${entry.name} was opened`)),
    } satisfies ZipEntrySource;
  }

  it('should write the same zip as from streams, without opening a source', async () => {
    const streamed = await zipOf(entries.map((entry) => sourceOf(entry)));
    const fromMemory = await zipOf(entries.map((entry) => inMemory(entry)));
    expect(fromMemory.equals(streamed)).toBe(true);
    const read = await readWithYauzl(await yauzl.fromBufferPromise(fromMemory, yauzlOptions()));
    expect(read.map(({ data }) => digest(data))).toEqual(entries.map(({ data }) => sha256(data)));
  });

  it('should write, in any window, exactly those bytes of the whole zip', async () => {
    const known = entries.filter(({ knownCrc }) => knownCrc);
    const whole = await zipOf(known.map((entry) => sourceOf(entry)));
    for (const cut of [3, 30 + 5 + 2, 100, whole.length - 30]) {
      const pieces = [];
      for (const window of [
        { start: 0, end: cut - 1 },
        { start: cut, end: whole.length - 1 },
      ]) {
        const sink = new MemorySink();
        await writeZip(
          known.map((entry) => inMemory(entry)),
          sink,
          { ...OPTIONS, window },
        );
        pieces.push(sink.bytes());
      }
      expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    }
  });

  it.each([
    ['one byte more than declared', Buffer.from('hello!'), 'more than the 5 bytes'],
    ['fewer bytes than declared', Buffer.from('hell'), '4 bytes, not the 5 declared'],
  ])('should fail an entry with %s', async (_label, bytes, message) => {
    const sink = new MemorySink();
    const error = await writeZip(
      [inMemory(entries[0], Promise.resolve(bytes))],
      sink,
      OPTIONS,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZipEntryError);
    expect(error).toMatchObject({ entryName: 'a.txt' });
    expect((error as Error).message).toContain(message);
    // Not even the entry's header was written.
    expect(sink.bytes().length).toBe(0);
    expect(sink.writableEnded).toBe(false);
  });

  it('should fail an entry whose bytes could not be read, with that error as the cause', async () => {
    const missing = new Error('no such blob');
    const error = await writeZip(
      [inMemory(entries[0]), inMemory(entries[1], Promise.reject(missing))],
      new MemorySink(),
      OPTIONS,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZipEntryError);
    expect(error).toMatchObject({ entryName: 'empty', cause: missing });
  });
});
