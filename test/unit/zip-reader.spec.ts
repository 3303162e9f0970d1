import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, deflateRawSync } from 'node:zlib';
// yazl (yauzl's sister library, by the same author, no dependencies) writes the well-formed
// fixtures: it is what a real client could send. It refuses hostile names and lying sizes, so
// those fixtures come from `rawZip` below, which writes the bytes by hand.
import yazl from 'yazl';
import { buildZip } from '../utils/zip-bytes.js';
import {
  InvalidZipError,
  ZipBombError,
  ZipEntryNameError,
  ZipLimitError,
} from '../../src/modules/files/zip/zip-errors.js';
import {
  listZipEntries,
  readZipEntries,
  type ZipEntryInfo,
  type ZipLimits,
} from '../../src/modules/files/zip/zip-reader.js';

const MiB = 1024 * 1024;

const LIMITS: ZipLimits = {
  maxEntries: 100,
  maxTotalUncompressed: 64 * MiB,
  maxEntryUncompressed: 32 * MiB,
  maxCompressionRatio: 200,
};

let dir: string;
let fixtureCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strata-zip-reader-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function toFile(bytes: Buffer): Promise<string> {
  fixtureCount += 1;
  const file = path.join(dir, `fixture-${fixtureCount}.zip`);
  await writeFile(file, bytes);
  return file;
}

interface YazlEntry {
  name: string;
  data?: Buffer | string;
  directory?: boolean;
  compress?: boolean;
}

async function yazlZip(entries: YazlEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.directory) {
      zip.addEmptyDirectory(entry.name);
    } else {
      const data = Buffer.from(entry.data ?? '');
      zip.addBuffer(data, entry.name, { compress: entry.compress ?? true });
    }
  }
  zip.end();
  return readAll(zip.outputStream as Readable);
}

interface RawEntry {
  /** A string is written as UTF-8 with the UTF-8 flag; a Buffer as is, without it. */
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored, 8 deflate, anything else to test refusal. Default 8. */
  method?: number;
  flags?: number;
  /** Lie about the uncompressed size (both headers). */
  declaredSize?: number;
  /** Point this entry's central record at an earlier entry's local header (overlap). */
  localHeaderOf?: number;
}

/** A zip written byte by byte (test/utils/zip-bytes), from this file's shorter entry shape. */
function rawZip(entries: RawEntry[], options: { claimedEntryCount?: number } = {}): Buffer {
  return buildZip(
    entries.map((entry) => {
      const method = entry.method ?? 8;
      const data = entry.data ?? Buffer.alloc(0);
      return {
        name: entry.name,
        data: method === 8 ? deflateRawSync(data) : data,
        method,
        flags: entry.flags,
        crc32: crc32(data),
        uncompressedSize: entry.declaredSize ?? data.length,
        sharesDataWith: entry.localHeaderOf,
      };
    }),
    { declaredEntries: options.claimedEntryCount },
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

interface Walk {
  entries: ZipEntryInfo[];
  contents: Map<string, Buffer>;
  count: number;
}

/** Reads every entry the way the files-multi caller does: to the end, one at a time. */
async function walk(zipPath: string, limits: ZipLimits = LIMITS): Promise<Walk> {
  const entries: ZipEntryInfo[] = [];
  const contents = new Map<string, Buffer>();
  const count = await readZipEntries(zipPath, limits, async (entry, content) => {
    entries.push(entry);
    contents.set(entry.name, await readAll(content));
  });
  return { entries, contents, count };
}

/** Expects the archive to be refused before a single entry reaches the callback. */
async function refusedUpFront(zipPath: string, limits: ZipLimits = LIMITS): Promise<Error> {
  const seen: string[] = [];
  const error = await readZipEntries(zipPath, limits, async (entry, content) => {
    seen.push(entry.name);
    await readAll(content);
  }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error).toBeDefined();
  expect(seen).toEqual([]);
  await expect(listZipEntries(zipPath, limits)).rejects.toThrow(error!.constructor as never);
  return error!;
}

function dataStartOfFirstEntry(zip: Buffer): number {
  return 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
}

describe('readZipEntries', () => {
  it('should hand over every entry in archive order with its exact bytes', async () => {
    const big = Buffer.from('id,value\n'.repeat(30_000));
    const zip = await yazlZip([
      { name: 'docs/', directory: true },
      { name: 'docs/readme.txt', data: 'read me\n' },
      { name: 'data/2024/q1/values.csv', data: big },
      { name: 'empty.txt', data: '' },
      { name: 'stored.bin', data: Buffer.from([0, 1, 2, 3, 255]), compress: false },
      { name: 'Ünïcødé/日本語 ファイル.txt', data: 'こんにちは' },
      { name: 'a.txt', data: 'last, though it sorts first' },
    ]);
    const zipPath = await toFile(zip);

    const { entries, contents, count } = await walk(zipPath);

    expect(count).toBe(7);
    expect(entries.map((e) => e.name)).toEqual([
      'docs/',
      'docs/readme.txt',
      'data/2024/q1/values.csv',
      'empty.txt',
      'stored.bin',
      'Ünïcødé/日本語 ファイル.txt',
      'a.txt',
    ]);
    expect(entries[0]).toEqual({
      name: 'docs/',
      isDirectory: true,
      uncompressedSize: 0,
      compressedSize: 0,
    });
    expect(entries[2].isDirectory).toBe(false);
    expect(entries[2].uncompressedSize).toBe(big.length);
    expect(entries[2].compressedSize).toBeLessThan(big.length);
    expect(contents.get('docs/')).toEqual(Buffer.alloc(0));
    expect(contents.get('docs/readme.txt')?.toString()).toBe('read me\n');
    expect(contents.get('data/2024/q1/values.csv')?.equals(big)).toBe(true);
    expect(contents.get('empty.txt')).toEqual(Buffer.alloc(0));
    expect(contents.get('stored.bin')).toEqual(Buffer.from([0, 1, 2, 3, 255]));
    expect(contents.get('Ünïcødé/日本語 ファイル.txt')?.toString()).toBe('こんにちは');

    expect(await listZipEntries(zipPath, LIMITS)).toEqual(entries);
  });

  it('should decode names without the UTF-8 flag as CP437, as yauzl does', async () => {
    // 0x82 is "é" in CP437; as UTF-8 it would not even be valid.
    const zipPath = await toFile(
      rawZip([{ name: Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x74]), data: Buffer.from('x') }]),
    );
    const [entry] = await listZipEntries(zipPath, LIMITS);
    expect(entry.name).toBe('café.t');
  });

  it('should pass through names the caller, not the reader, has to judge', async () => {
    const names = ['./a.txt', 'a//b.txt', ' spaced .txt', `${'n'.repeat(1020)}.txt`];
    const zipPath = await toFile(rawZip(names.map((name) => ({ name, data: Buffer.from('x') }))));
    const { entries } = await walk(zipPath);
    expect(entries.map((e) => e.name)).toEqual(names);
  });

  it('should accept an empty archive', async () => {
    const zipPath = await toFile(await yazlZip([]));
    expect(await walk(zipPath)).toEqual({ entries: [], contents: new Map(), count: 0 });
  });

  it('should read and check an entry the callback leaves unread, and go on after one it destroys', async () => {
    const zipPath = await toFile(
      await yazlZip([
        { name: 'dir/', directory: true },
        { name: 'skipped.txt', data: 'x'.repeat(100_000) },
        { name: 'destroyed.txt', data: randomBytes(300_000) },
        { name: 'read.txt', data: 'read' },
      ]),
    );
    const read: string[] = [];
    const count = await readZipEntries(zipPath, LIMITS, async (entry, content) => {
      if (entry.name === 'destroyed.txt') {
        content.destroy();
      } else if (entry.name === 'read.txt') {
        read.push((await readAll(content)).toString());
      }
    });
    expect(count).toBe(4);
    expect(read).toEqual(['read']);
  });

  it('should stream with back-pressure, one entry at a time', async () => {
    const zipPath = await toFile(
      await yazlZip([
        { name: 'one.bin', data: randomBytes(2 * MiB) },
        { name: 'two.bin', data: randomBytes(2 * MiB) },
      ]),
    );
    let open = 0;
    let maxOpen = 0;
    await readZipEntries(zipPath, LIMITS, async (_entry, content) => {
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      // A slow sink: the reader must wait for it rather than buffer the entry.
      const slow = new Writable({
        highWaterMark: 1024,
        write(_chunk, _encoding, callback) {
          setImmediate(callback);
        },
      });
      await pipeline(content, slow);
      open -= 1;
    });
    expect(maxOpen).toBe(1);
  });

  it('should close the archive file however the walk ends', async () => {
    const fdDir = '/proc/self/fd';
    if (!existsSync(fdDir)) {
      return; // Linux only; elsewhere this test proves nothing
    }
    const good = await toFile(
      await yazlZip([
        { name: 'a.bin', data: randomBytes(300_000) },
        { name: 'b.bin', data: randomBytes(300_000) },
      ]),
    );
    const liar = await toFile(
      rawZip([{ name: 'liar.bin', data: Buffer.alloc(MiB), declaredSize: 10 }]),
    );
    const badName = await toFile(rawZip([{ name: '../x', data: Buffer.from('x') }]));
    const openFds = async () => (await readdir(fdDir)).length;
    const before = await openFds();

    await walk(good);
    await readZipEntries(good, LIMITS, (_entry, content) => {
      content.destroy(); // before a single byte was read
      return Promise.resolve();
    });
    await readZipEntries(good, LIMITS, (_entry, content) => {
      content.once('data', () => undefined);
      return Promise.reject(new Error('mid-stream'));
    }).catch(() => undefined);
    await walk(liar).catch(() => undefined);
    await walk(badName).catch(() => undefined);
    await listZipEntries(good, LIMITS);

    // fs.close is asynchronous: give it a moment.
    for (let i = 0; i < 50 && (await openFds()) > before; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await openFds()).toBe(before);
  });

  describe('with a body that is not a readable zip', () => {
    it.each([
      ['random bytes', randomBytes(4096)],
      ['an empty file', Buffer.alloc(0)],
      ['a text file', Buffer.from('name,value\nalpha,1\nbeta,2\n')],
    ])('should refuse %s with InvalidZipError', async (_label, bytes) => {
      const error = await refusedUpFront(await toFile(bytes));
      expect(error).toBeInstanceOf(InvalidZipError);
      expect((error as InvalidZipError).status).toBe(400);
      expect(error.message).toMatch(/^Invalid zip archive: /);
    });

    it('should refuse a truncated zip with InvalidZipError', async () => {
      const zip = await yazlZip([
        { name: 'a.txt', data: 'a'.repeat(5000) },
        { name: 'b.txt', data: randomBytes(5000) },
      ]);
      for (const length of [10, Math.floor(zip.length / 2), zip.length - 1]) {
        const error = await refusedUpFront(await toFile(zip.subarray(0, length)));
        expect(error).toBeInstanceOf(InvalidZipError);
      }
      // Bytes lost from the middle: the end record survives but points past the data.
      const holed = Buffer.concat([zip.subarray(0, 1000), zip.subarray(3000)]);
      expect(await refusedUpFront(await toFile(holed))).toBeInstanceOf(InvalidZipError);
    });

    it('should refuse an archive claiming more entries than its bytes can hold', async () => {
      const zipPath = await toFile(
        rawZip([{ name: 'a', data: Buffer.from('a') }], { claimedEntryCount: 60_000 }),
      );
      const error = await refusedUpFront(zipPath);
      expect(error).toBeInstanceOf(InvalidZipError);
    });

    it('should refuse a stored entry whose bytes were altered (CRC-32)', async () => {
      const content = Buffer.from('the quick brown fox jumps over the lazy dog');
      const zip = await yazlZip([{ name: 'fox.txt', data: content, compress: false }]);
      const at = zip.indexOf(content) + 4;
      zip[at] ^= 0xff;

      const error = await walk(await toFile(zip)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidZipError);
      expect((error as Error).message).toBe(
        'Invalid zip archive: entry "fox.txt" fails its CRC-32 check',
      );
    });

    it('should refuse a deflated entry whose compressed bytes were altered', async () => {
      const content = Buffer.from(
        Array.from({ length: 2000 }, (_, i) => `line ${i}: ${(i * 7919) % 1000}\n`).join(''),
      );
      const zip = await yazlZip([{ name: 'lines.txt', data: content }]);
      const start = dataStartOfFirstEntry(zip);
      const compressedSize = zip.readUInt32LE(18);
      for (let i = 0; i < 8; i += 1) {
        zip[start + Math.floor(compressedSize / 3) + i * 13] ^= 0x5a;
      }

      const seen: number[] = [];
      const error = await readZipEntries(await toFile(zip), LIMITS, async (_entry, stream) => {
        seen.push((await readAll(stream)).length);
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidZipError);
      expect((error as Error).message).toMatch(/^Invalid zip archive: entry "lines.txt"/);
      expect(seen).toEqual([]);
    });

    it('should refuse a stored entry whose sizes disagree, before any callback', async () => {
      const zipPath = await toFile(
        rawZip([{ name: 'a.txt', method: 0, data: Buffer.from('abc'), declaredSize: 2 }]),
      );
      expect(await refusedUpFront(zipPath)).toBeInstanceOf(InvalidZipError);
    });

    it('should refuse an entry shorter than it declares', async () => {
      const zipPath = await toFile(
        rawZip([{ name: 'a.txt', data: Buffer.from('abc'.repeat(100)), declaredSize: 5000 }]),
      );
      const error = await walk(zipPath).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidZipError);
      expect((error as Error).message).toMatch(/^Invalid zip archive: entry "a.txt"/);
    });

    it.each([
      ['an encrypted entry', { flags: 0x801 }, /encrypted/],
      ['an unsupported compression method (bzip2)', { method: 12 }, /compression method 12/],
    ])('should refuse %s before any callback', async (_label, override, message) => {
      const zipPath = await toFile(
        rawZip([
          { name: 'fine.txt', data: Buffer.from('fine') },
          { name: 'odd.bin', data: Buffer.from('odd'), ...override },
        ]),
      );
      const error = await refusedUpFront(zipPath);
      expect(error).toBeInstanceOf(InvalidZipError);
      expect(error.message).toMatch(message);
    });

    it('should refuse a directory entry with content', async () => {
      const zipPath = await toFile(rawZip([{ name: 'dir/', data: Buffer.from('surprise') }]));
      expect(await refusedUpFront(zipPath)).toBeInstanceOf(InvalidZipError);
    });

    it("should let file-system errors through unchanged (not the client's fault)", async () => {
      await expect(walk(path.join(dir, 'missing.zip'))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  describe('against zip bombs', () => {
    it('should refuse an entry whose compression ratio is over the limit, before any callback', async () => {
      const zeros = Buffer.alloc(8 * MiB);
      const zipPath = await toFile(
        await yazlZip([
          { name: 'harmless.txt', data: 'hello' },
          { name: 'zeros.bin', data: zeros },
        ]),
      );
      const error = await refusedUpFront(zipPath);
      expect(error).toBeInstanceOf(ZipBombError);
      expect((error as ZipBombError).status).toBe(400);
      expect(error.message).toMatch(
        /^Zip bomb suspected: entry "zeros.bin" would inflate \d+ bytes to 8388608 bytes \(ratio \d+:1, the limit is 200:1\)\.$/,
      );
    });

    it('should not apply the ratio to small entries', async () => {
      const zipPath = await toFile(await yazlZip([{ name: 'zeros.bin', data: Buffer.alloc(MiB) }]));
      const { contents } = await walk(zipPath);
      expect(contents.get('zeros.bin')?.length).toBe(MiB);
    });

    it('should stop an entry that inflates beyond its declared size, passing on no more than declared', async () => {
      // The central directory claims 1000 bytes (a harmless ratio); the data inflates to 8 MiB.
      const zipPath = await toFile(
        rawZip([{ name: 'liar.bin', data: Buffer.alloc(8 * MiB), declaredSize: 1000 }]),
      );
      let received = 0;
      const error = await readZipEntries(zipPath, LIMITS, async (_entry, content) => {
        // Write through to a sink, as the real caller does; the error must surface here.
        const sink = new PassThrough();
        sink.on('data', (chunk: Buffer) => {
          received += chunk.length;
        });
        await pipeline(content, sink);
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZipBombError);
      expect((error as Error).message).toBe(
        'Zip bomb suspected: entry "liar.bin" inflates to more than the 1000 bytes it declares.',
      );
      expect(received).toBeLessThanOrEqual(1000);
    });

    it('should fail the walk even when the callback swallows the stream error', async () => {
      const zipPath = await toFile(
        rawZip([
          { name: 'liar.bin', data: Buffer.alloc(MiB), declaredSize: 10 },
          { name: 'next.txt', data: Buffer.from('never reached') },
        ]),
      );
      const seen: string[] = [];
      const error = await readZipEntries(zipPath, LIMITS, async (entry, content) => {
        seen.push(entry.name);
        await readAll(content).catch(() => undefined);
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZipBombError);
      expect(seen).toEqual(['liar.bin']);
    });

    it('should refuse entries that share compressed data', async () => {
      const zipPath = await toFile(
        rawZip([
          { name: 'a.bin', data: Buffer.alloc(1000, 1) },
          { name: 'b.bin', data: Buffer.alloc(1000, 1), localHeaderOf: 0 },
        ]),
      );
      const error = await refusedUpFront(zipPath);
      expect(error).toBeInstanceOf(ZipBombError);
      expect(error.message).toMatch(/overlaps the data of entry "a.bin"/);
    });
  });

  describe('limits', () => {
    it('should refuse more entries than allowed with ZipLimitError (413)', async () => {
      const zipPath = await toFile(
        await yazlZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: `${i}` }))),
      );
      const error = await refusedUpFront(zipPath, { ...LIMITS, maxEntries: 10 });
      expect(error).toBeInstanceOf(ZipLimitError);
      expect(error).toMatchObject({ status: 413, limit: 'entries' });
      expect(error.message).toBe('The zip archive has 11 entries; at most 10 are allowed.');
      expect((await listZipEntries(zipPath, { ...LIMITS, maxEntries: 11 })).length).toBe(11);
    });

    it('should refuse a total uncompressed size over the limit with ZipLimitError (413)', async () => {
      const zipPath = await toFile(
        await yazlZip([
          { name: 'a.bin', data: randomBytes(600_000) },
          { name: 'b.bin', data: randomBytes(600_000) },
        ]),
      );
      const error = await refusedUpFront(zipPath, { ...LIMITS, maxTotalUncompressed: MiB });
      expect(error).toMatchObject({ status: 413, limit: 'totalSize' });
      expect(error.message).toMatch(/more than 1048576 bytes uncompressed .* entry "b.bin"/);
    });

    it('should refuse an entry over the single-file limit with ZipLimitError (413)', async () => {
      const zipPath = await toFile(
        await yazlZip([
          { name: 'small.bin', data: randomBytes(10) },
          { name: 'big.bin', data: randomBytes(600_000) },
        ]),
      );
      const error = await refusedUpFront(zipPath, { ...LIMITS, maxEntryUncompressed: 500_000 });
      expect(error).toBeInstanceOf(ZipLimitError);
      expect(error).toMatchObject({ status: 413, limit: 'entrySize' });
      expect(error.message).toBe(
        'Zip entry "big.bin" is 600000 bytes uncompressed; the limit for one file is 500000 bytes.',
      );
    });
  });

  describe('entry names', () => {
    it.each([
      ['../evil', /"\.\." segment/],
      ['a/../../evil', /"\.\." segment/],
      ['a/../b', /"\.\." segment/],
      ['..', /"\.\." segment/],
      ['/abs', /absolute path/],
      ['//server/share/x', /absolute path/],
      ['C:\\x', /backslash/],
      ['C:/x', /absolute path/],
      ['c:x', /absolute path/],
      ['a\\b', /backslash/],
      ['..\\evil', /backslash/],
      ['a\0b', /NUL/],
      ['', /empty name/],
      ['n'.repeat(1025), /longer than 1024 UTF-8 bytes/],
      ['é'.repeat(513), /longer than 1024 UTF-8 bytes/],
    ])('should refuse %j before any callback', async (name, message) => {
      // The hostile entry comes last: validation must finish before the first entry is handed on.
      const zipPath = await toFile(
        rawZip([
          { name: 'fine.txt', data: Buffer.from('fine') },
          { name, data: Buffer.from('evil') },
        ]),
      );
      const error = await refusedUpFront(zipPath);
      expect(error).toBeInstanceOf(ZipEntryNameError);
      expect(error).toBeInstanceOf(InvalidZipError);
      expect((error as ZipEntryNameError).status).toBe(400);
      expect((error as ZipEntryNameError).entryName).toBe(name);
      expect(error.message).toMatch(/^Invalid zip archive: unsafe entry name /);
      expect(error.message).toMatch(message);
    });

    it('should quote a name with control bytes in the message', async () => {
      const zipPath = await toFile(rawZip([{ name: 'a\0b', data: Buffer.from('x') }]));
      const error = await refusedUpFront(zipPath);
      expect(error.message).toBe(
        'Invalid zip archive: unsafe entry name "a\\u0000b": contains a NUL byte',
      );
    });

    it('should refuse a name flagged UTF-8 that is not', async () => {
      const zipPath = await toFile(
        rawZip([
          { name: Buffer.from([0x61, 0xff, 0xfe, 0x62]), flags: 0x800, data: Buffer.from('x') },
        ]),
      );
      const error = await refusedUpFront(zipPath);
      expect(error).toBeInstanceOf(ZipEntryNameError);
      expect(error.message).toMatch(/not valid UTF-8/);
    });
  });

  describe('when the callback fails', () => {
    it('should stop the walk and propagate the error unchanged', async () => {
      const zipPath = await toFile(
        await yazlZip(
          ['a', 'b', 'c'].map((name) => ({ name: `${name}.txt`, data: name.repeat(50_000) })),
        ),
      );
      const failure = new Error('storage is full');
      const seen: string[] = [];
      const error = await readZipEntries(zipPath, LIMITS, async (entry, content) => {
        seen.push(entry.name);
        if (entry.name === 'b.txt') {
          // Half-read, then fail: the reader must clean up the open entry too.
          content.once('data', () => undefined);
          throw failure;
        }
        await readAll(content);
      }).catch((e: unknown) => e);
      expect(error).toBe(failure);
      expect(seen).toEqual(['a.txt', 'b.txt']);
    });
  });
});
