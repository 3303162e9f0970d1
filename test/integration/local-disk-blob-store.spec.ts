import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import {
  BlobNotFoundError,
  BlobTooLargeError,
  type BlobStore,
} from '../../src/storage/blob-store.js';
import { LocalDiskBlobStore } from '../../src/storage/local-disk-blob-store.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HELLO_SHA256 = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
const MiB = 1024 * 1024;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function streamOf(...chunks: (Buffer | string)[]): Readable {
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Every file under `dir`, relative to it, however deep. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Files that are not in staging, i.e. the ones that claim to be blobs. */
async function blobFiles(root: string): Promise<string[]> {
  return (await filesUnder(root)).filter((file) => !file.startsWith(`.staging${path.sep}`));
}

async function stagingFiles(root: string): Promise<string[]> {
  return filesUnder(path.join(root, '.staging'));
}

async function listAll(store: BlobStore) {
  const listed = [];
  for await (const blob of store.list()) {
    listed.push(blob);
  }
  return listed.sort((a, b) => a.handle.localeCompare(b.handle));
}

/** Deterministic, cheap-to-regenerate chunk `index` of a large generated upload. */
function generatedChunk(index: number, size: number): Buffer {
  const chunk = Buffer.alloc(size, index % 251);
  chunk.writeUInt32BE(index, 0);
  return chunk;
}

describe('LocalDiskBlobStore', () => {
  let tmp: string;
  let root: string;
  let store: LocalDiskBlobStore;

  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'strata-blobs-'));
    root = path.join(tmp, 'blobs');
    store = new LocalDiskBlobStore(root);
  });

  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  describe('hashing and layout', () => {
    it('should hash the empty file to the known SHA-256 vector', async () => {
      await expect(store.put(streamOf())).resolves.toEqual({ handle: EMPTY_SHA256, size: 0 });
      expect((await readAll(await store.get(EMPTY_SHA256))).length).toBe(0);
    });

    it('should hash "hello" to the known SHA-256 vector, however it is chunked', async () => {
      await expect(store.put(streamOf('hello'))).resolves.toEqual({
        handle: HELLO_SHA256,
        size: 5,
      });
      await expect(store.put(streamOf('he', '', 'l', 'lo'))).resolves.toEqual({
        handle: HELLO_SHA256,
        size: 5,
      });
    });

    it('should store blobs at <root>/<h[0:2]>/<h[2:4]>/<handle> and nothing else', async () => {
      await store.put(streamOf('hello'));
      expect(await blobFiles(root)).toEqual([path.join('2c', 'f2', HELLO_SHA256)]);
      expect(await stagingFiles(root)).toEqual([]);
      expect((await readFile(path.join(root, '2c', 'f2', HELLO_SHA256))).toString()).toBe('hello');
      await expect(store.stat(HELLO_SHA256)).resolves.toEqual({ size: 5 });
    });

    it('should stage without publishing: the blob appears only on commit', async () => {
      const staged = await store.stage(streamOf('hello'));
      // 0x3610a686: the CRC-32 of "hello" (as zlib, zip and Python's binascii give it).
      expect(staged).toMatchObject({ handle: HELLO_SHA256, size: 5, crc32: 0x3610a686 });
      await expect(store.stat(HELLO_SHA256)).resolves.toBeUndefined();
      await expect(store.get(HELLO_SHA256)).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await stagingFiles(root)).toHaveLength(1);

      await staged.commit();
      expect((await readAll(await store.get(HELLO_SHA256))).toString()).toBe('hello');
      expect(await stagingFiles(root)).toEqual([]);
    });
  });

  describe('two-phase commit', () => {
    it('should stage with deferSync, then sync and commit (sync also being part of commit)', async () => {
      const deferred = await store.stage(streamOf('hello'), { deferSync: true });
      expect(deferred).toMatchObject({ handle: HELLO_SHA256, size: 5 });
      await Promise.all([deferred.sync(), deferred.sync()]);
      await deferred.commit();
      await deferred.sync(); // After the commit: nothing left to do.
      expect((await readAll(await store.get(HELLO_SHA256))).toString()).toBe('hello');

      const unsynced = await store.stage(streamOf('bye'), { deferSync: true });
      await unsynced.commit();
      expect((await readAll(await store.get(sha256('bye')))).toString()).toBe('bye');
      await unsynced.discard();
      await expect(unsynced.sync()).resolves.toBeUndefined();

      const dropped = await store.stage(streamOf('gone'), { deferSync: true });
      await dropped.discard();
      await expect(dropped.sync()).rejects.toThrow(/discarded/);
      expect(await stagingFiles(root)).toEqual([]);
    });

    it('should store identical bytes once and leave the existing file untouched', async () => {
      await store.put(streamOf('same bytes'));
      const handle = sha256('same bytes');
      const blobPath = path.join(root, handle.slice(0, 2), handle.slice(2, 4), handle);
      const before = await stat(blobPath);

      const again = await store.stage(streamOf('same ', 'bytes'));
      expect(again.handle).toBe(handle);
      // Carried across chunks: the same as over the whole.
      expect(again.crc32).toBe(crc32(Buffer.from('same bytes')));
      await again.commit();
      await again.discard();

      expect(await blobFiles(root)).toHaveLength(1);
      expect(await stagingFiles(root)).toEqual([]);
      expect((await stat(blobPath)).ino).toBe(before.ino);
      expect((await readAll(await store.get(handle))).toString()).toBe('same bytes');
    });

    it('should make commit idempotent, also when called concurrently', async () => {
      const staged = await store.stage(streamOf('hello'));
      await Promise.all([staged.commit(), staged.commit()]);
      await staged.commit();
      await staged.discard();
      await staged.discard();
      await expect(store.stat(HELLO_SHA256)).resolves.toEqual({ size: 5 });
      expect(await stagingFiles(root)).toEqual([]);
    });

    it('should drop the bytes on discard, after which commit refuses', async () => {
      const staged = await store.stage(streamOf('hello'));
      await staged.discard();
      await staged.discard();
      expect(await stagingFiles(root)).toEqual([]);
      await expect(staged.commit()).rejects.toThrow(/discarded/);
      await expect(store.stat(HELLO_SHA256)).resolves.toBeUndefined();
      expect(await blobFiles(root)).toEqual([]);
    });
  });

  describe('reading', () => {
    const digits = '0123456789';
    let handle: string;

    beforeEach(async () => {
      ({ handle } = await store.put(streamOf(digits)));
    });

    it.each([
      ['the first byte', { start: 0, end: 0 }, '0'],
      ['a middle slice', { start: 3, end: 6 }, '3456'],
      ['the last byte', { start: 9, end: 9 }, '9'],
      ['the whole blob', { start: 0, end: 9 }, digits],
    ])('should read %s of a range', async (_name, range, expected) => {
      expect((await readAll(await store.get(handle, range))).toString()).toBe(expected);
    });

    it('should read the whole blob without a range', async () => {
      expect((await readAll(await store.get(handle))).toString()).toBe(digits);
    });

    it('should read in 1 MiB chunks, 4 MiB for bulk readers, never more than the blob holds', async () => {
      const big = randomBytes(5 * 1024 * 1024);
      const { handle: bigHandle } = await store.put(streamOf(big));
      const single = await store.get(bigHandle);
      const bulk = await store.get(bigHandle, undefined, { bulk: true });
      expect(single.readableHighWaterMark).toBe(1024 * 1024);
      expect(bulk.readableHighWaterMark).toBe(4 * 1024 * 1024);
      expect((await readAll(single)).equals(big)).toBe(true);
      expect((await readAll(bulk)).equals(big)).toBe(true);
      // A stream allocates a whole chunk for every read: a small blob or range gets its size.
      const small = await store.get(handle);
      const range = await store.get(handle, { start: 2, end: 5 }, { bulk: true });
      expect([small.readableHighWaterMark, range.readableHighWaterMark]).toEqual([10, 4]);
      expect((await readAll(small)).toString()).toBe(digits);
      expect((await readAll(range)).toString()).toBe('2345');
    });

    it('should read an empty blob as an empty stream', async () => {
      const { handle: empty } = await store.put(streamOf());
      expect((await readAll(await store.get(empty))).length).toBe(0);
      expect((await readAll(await store.get(empty, undefined, { bulk: true }))).length).toBe(0);
      expect((await store.readStart(empty, 1)).length).toBe(0);
    });

    it.each([
      ['a prefix', 4, '0123'],
      ['exactly the blob', 10, digits],
      ['the whole blob when asked for more', 11, digits],
      ['nothing', 0, ''],
    ])('should read %s into memory with readStart', async (_name, length, expected) => {
      expect((await store.readStart(handle, length)).toString()).toBe(expected);
    });

    it('should keep serving an open read after the blob is deleted', async () => {
      const reading = await store.get(handle);
      await store.delete(handle);
      expect((await readAll(reading)).toString()).toBe(digits);
    });

    it('should reject an unknown handle with BlobNotFoundError', async () => {
      const unknown = sha256('never stored');
      await expect(store.get(unknown)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.get(unknown)).rejects.toMatchObject({ status: 404 });
      await expect(store.readStart(unknown, 10)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.stat(unknown)).resolves.toBeUndefined();
    });

    it('should treat malformed handles as absent and never touch a path outside the root', async () => {
      // An unchecked path.join(root, h[0:2], h[2:4], h) would resolve this one to <tmp>/secret.
      const escaping = '../secret';
      const secret = path.join(tmp, 'secret');
      expect(path.join(root, escaping.slice(0, 2), escaping.slice(2, 4), escaping)).toBe(secret);
      await writeFile(secret, 'do not touch');
      await mkdir(path.join(tmp, 'etc'), { recursive: true });
      await writeFile(path.join(tmp, 'etc', 'passwd'), 'root:x:0:0');

      const malformed = [
        escaping,
        '../../etc/passwd',
        handle.toUpperCase(),
        handle.slice(0, 63),
        `${handle}0`,
        `${handle}\n`,
        `${handle.slice(0, 63)}g`,
        '',
      ];
      for (const bad of malformed) {
        await expect(store.get(bad)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.readStart(bad, 10)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.stat(bad)).resolves.toBeUndefined();
        await expect(store.delete(bad)).resolves.toBeUndefined();
      }
      expect(await readFile(secret, 'utf8')).toBe('do not touch');
      expect(await readFile(path.join(tmp, 'etc', 'passwd'), 'utf8')).toBe('root:x:0:0');
      await expect(store.stat(handle)).resolves.toEqual({ size: 10 });
    });
  });

  describe('limits and failing sources', () => {
    it('should accept exactly maxBytes', async () => {
      await expect(store.put(streamOf('0123456789'), { maxBytes: 10 })).resolves.toMatchObject({
        size: 10,
      });
    });

    it('should reject one byte over maxBytes with BlobTooLargeError and leave no staging file', async () => {
      const failure = store.stage(streamOf('01234', '56789', 'x'), { maxBytes: 10 });
      await expect(failure).rejects.toBeInstanceOf(BlobTooLargeError);
      await expect(failure).rejects.toMatchObject({
        status: 413,
        limit: 10,
        message: 'File too large: the limit is 10 bytes.',
      });
      expect(await stagingFiles(root)).toEqual([]);
      expect(await blobFiles(root)).toEqual([]);
    });

    it('should refuse a limit that is not a non-negative number', async () => {
      await expect(store.stage(streamOf('x'), { maxBytes: Number.NaN })).rejects.toBeInstanceOf(
        RangeError,
      );
      await expect(store.stage(streamOf('x'), { maxBytes: -1 })).rejects.toBeInstanceOf(RangeError);
    });

    it('should stop reading an endless source as soon as the limit is passed', async () => {
      let pushed = 0;
      const endless = new Readable({
        read() {
          pushed += 1;
          this.push(Buffer.alloc(64 * 1024, 7));
        },
      });
      await expect(store.stage(endless, { maxBytes: MiB })).rejects.toBeInstanceOf(
        BlobTooLargeError,
      );
      expect(endless.destroyed).toBe(true);
      // Back-pressure: only a few buffers' worth beyond the limit was ever pulled.
      expect(pushed * 64 * 1024).toBeLessThan(2 * MiB);
      expect(await stagingFiles(root)).toEqual([]);
    });

    it('should reject with the source error mid-way and leave nothing behind', async () => {
      const failure = new Error('connection reset by peer');
      let sent = 0;
      const source = new Readable({
        read() {
          if (sent < 4) {
            sent += 1;
            this.push(Buffer.alloc(16 * 1024, sent));
          } else {
            this.destroy(failure);
          }
        },
      });
      await expect(store.stage(source)).rejects.toBe(failure);
      expect(await stagingFiles(root)).toEqual([]);
      expect(await blobFiles(root)).toEqual([]);
      await expect(listAll(store)).resolves.toEqual([]);
    });

    it('should reject an aborted source (destroyed without an error) and leave nothing behind', async () => {
      let sent = 0;
      const source = new Readable({
        read() {
          if (sent < 2) {
            sent += 1;
            this.push(Buffer.alloc(1024, sent));
          } else {
            this.destroy();
          }
        },
      });
      await expect(store.stage(source)).rejects.toMatchObject({
        code: 'ERR_STREAM_PREMATURE_CLOSE',
      });
      expect(await stagingFiles(root)).toEqual([]);
      expect(await blobFiles(root)).toEqual([]);
    });
  });

  describe('listing, deleting and cleaning up', () => {
    it('should list committed blobs only, skipping staging and stray files', async () => {
      const a = await store.put(streamOf('alpha'));
      const b = await store.put(streamOf('beta!'));
      const c = await store.put(streamOf(''));
      await store.stage(streamOf('staged, never committed'));
      await writeFile(path.join(root, a.handle.slice(0, 2), a.handle.slice(2, 4), 'stray'), 'x');
      await mkdir(path.join(root, 'zz'));

      const listed = await listAll(store);
      expect(listed.map(({ handle, size }) => ({ handle, size }))).toEqual(
        [a, b, c].sort((x, y) => x.handle.localeCompare(y.handle)),
      );
      for (const blob of listed) {
        // Not toBeInstanceOf(Date): fs builds its Dates in another realm than jest's sandbox.
        expect(Object.prototype.toString.call(blob.modified)).toBe('[object Date]');
        expect(Math.abs(blob.modified.getTime() - Date.now())).toBeLessThan(60_000);
      }
    });

    it('should list nothing before anything was stored', async () => {
      await expect(listAll(store)).resolves.toEqual([]);
      await expect(store.cleanupStaging(0)).resolves.toBe(0);
    });

    it('should delete a blob, idempotently', async () => {
      const { handle } = await store.put(streamOf('hello'));
      await store.delete(handle);
      await expect(store.stat(handle)).resolves.toBeUndefined();
      await expect(store.get(handle)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.delete(handle)).resolves.toBeUndefined();
      expect(await blobFiles(root)).toEqual([]);
    });

    it('should clean up only staging leftovers older than the given age', async () => {
      const old = await store.stage(streamOf('left behind by a crash'));
      const [oldName] = await stagingFiles(root);
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      await utimes(path.join(root, '.staging', oldName), twoHoursAgo, twoHoursAgo);
      const fresh = await store.stage(streamOf('an upload in progress'));

      await expect(store.cleanupStaging(60 * 60 * 1000)).resolves.toBe(1);
      expect(await stagingFiles(root)).toHaveLength(1);
      await fresh.commit();
      await expect(store.stat(fresh.handle)).resolves.toEqual({ size: fresh.size });
      await expect(old.commit()).rejects.toMatchObject({ code: 'ENOENT' });

      await store.stage(streamOf('another'));
      // "Older than 0 ms" compares the file's sub-millisecond mtime with Date.now()'s whole
      // milliseconds: within the same millisecond the file is not older yet.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await expect(store.cleanupStaging(0)).resolves.toBe(1);
      expect(await stagingFiles(root)).toEqual([]);
    });
  });

  describe('large uploads', () => {
    it('should store a 64 MiB stream with the right hash while memory stays flat', async () => {
      const chunkSize = 64 * 1024;
      const chunkCount = (64 * MiB) / chunkSize;
      // The expected hash is computed on the way out, so no chunk exists before it is needed
      // and the baseline below is not inflated by the test's own allocations.
      const expected = createHash('sha256');
      let next = 0;
      const source = new Readable({
        read() {
          if (next === chunkCount) {
            this.push(null);
            return;
          }
          const chunk = generatedChunk(next++, chunkSize);
          expected.update(chunk);
          this.push(chunk);
        },
      });

      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      let stored;
      try {
        stored = await store.put(source);
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, process.memoryUsage().rss);

      expect(stored).toEqual({ handle: expected.digest('hex'), size: 64 * MiB });
      await expect(store.stat(stored.handle)).resolves.toEqual({ size: 64 * MiB });
      expect(peak - baseline).toBeLessThan(48 * MiB);
    });
  });

  describe('crash safety', () => {
    let moduleUrl: string;
    let transpiled: string;

    beforeAll(async () => {
      transpiled = await mkdtemp(path.join(os.tmpdir(), 'strata-blobs-child-'));
      moduleUrl = pathToFileURL(
        await transpileForChild('src/storage/local-disk-blob-store.ts', transpiled),
      ).href;
    });

    afterAll(async () => {
      await rm(transpiled, { recursive: true, force: true });
    });

    it('should leave nothing under a handle path when killed mid-upload', async () => {
      const child = runChild(
        `
        import { Readable } from 'node:stream';
        const { LocalDiskBlobStore } = await import(process.argv[1]);
        let sent = 0;
        const slow = new Readable({
          read() {
            setTimeout(() => this.push(Buffer.alloc(64 * 1024, sent++ % 251)), 2);
          },
        });
        await new LocalDiskBlobStore(process.argv[2]).stage(slow);
        `,
        [moduleUrl, root],
      );
      try {
        await waitFor(async () => {
          const [leftover] = await stagingFiles(root);
          return (
            leftover !== undefined &&
            (await stat(path.join(root, '.staging', leftover))).size >= MiB
          );
        });
      } finally {
        await kill(child);
      }

      expect(await blobFiles(root)).toEqual([]);
      await expect(listAll(store)).resolves.toEqual([]);
      expect(await stagingFiles(root)).toHaveLength(1);
      await expect(store.cleanupStaging(0)).resolves.toBe(1);
      expect(await stagingFiles(root)).toEqual([]);
    });

    it('should only ever show whole blobs under handle paths when killed at any moment', async () => {
      // Kill a process that stages and commits in a loop at assorted moments: whatever the
      // moment, every file under a handle path must hash to its name.
      for (const delayMs of [0, 7, 23, 41]) {
        const child = runChild(
          `
          import { Readable } from 'node:stream';
          const { LocalDiskBlobStore } = await import(process.argv[1]);
          const store = new LocalDiskBlobStore(process.argv[2]);
          for (let round = 0; ; round += 1) {
            let sent = 0;
            const source = new Readable({
              read() {
                this.push(sent < 16 ? Buffer.alloc(32 * 1024, (round * 16 + sent++) % 253) : null);
              },
            });
            const { handle } = await store.put(source);
            process.stdout.write(handle + '\\n');
          }
          `,
          [moduleUrl, root],
        );
        const committed: string[] = [];
        child.stdout!.on('data', (data: Buffer) => {
          committed.push(...data.toString().split('\n').filter(Boolean));
        });
        try {
          await waitFor(() => Promise.resolve(committed.length >= 3));
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        } finally {
          await kill(child);
        }

        for (const file of await blobFiles(root)) {
          const name = path.basename(file);
          expect(file).toBe(path.join(name.slice(0, 2), name.slice(2, 4), name));
          expect(sha256(await readFile(path.join(root, file)))).toBe(name);
        }
        const listed = new Set((await listAll(store)).map(({ handle }) => handle));
        for (const handle of committed) {
          expect(listed.has(handle)).toBe(true);
        }
        await store.cleanupStaging(0);
        expect(await stagingFiles(root)).toEqual([]);
      }
    });
  });
});

/**
 * The child processes load the store without jest's transform, so transpile it (and whatever it
 * imports relatively) to plain ESM in a temp dir: no dependency on a fresh `dist/`.
 */
async function transpileForChild(entry: string, out: string): Promise<string> {
  await writeFile(path.join(out, 'package.json'), '{"type":"module"}');
  const pending = [entry];
  const done = new Set<string>();
  while (pending.length > 0) {
    const relative = pending.pop()!;
    if (done.has(relative)) {
      continue;
    }
    done.add(relative);
    const source = await readFile(path.join(repoRoot, relative), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const target = path.join(out, relative.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, outputText);
    for (const [, specifier] of outputText.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(path.join(path.dirname(relative), `${specifier}.ts`));
    }
  }
  return path.join(out, entry.replace(/\.ts$/, '.js'));
}

function runChild(script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, '--', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  child.on('exit', (code, signal) => {
    if (signal === null) {
      // Only SIGKILL from the test should end it; anything else is a broken child script.
      console.error(`child exited on its own (code ${code}): ${stderr}`);
    }
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
