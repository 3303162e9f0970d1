import { createHash, randomBytes } from 'node:crypto';
import {
  close as closeCallback,
  open as openCallback,
  read as readCallback,
  type Dirent,
} from 'node:fs';
import {
  link,
  lstat,
  mkdir,
  open,
  opendir,
  rename,
  rm,
  stat,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { BatchFileReader } from './batch-file-reader.js';
import { FlushingWriteStream } from './flushing-write-stream.js';
import {
  BlobNotFoundError,
  BlobStoreFullError,
  BlobStore,
  BlobTooLargeError,
  isBlobHandle,
  type ByteRange,
  type ListedBlob,
  type StagedBlob,
  type StagedBlobRecord,
  type StartRead,
  type StageOptions,
} from './blob-store.js';

const STAGING_DIR = '.staging';
const SHARD_PATTERN = /^[0-9a-f]{2}$/;

const openFd = promisify(openCallback);
const closeFd = promisify(closeCallback);
function readFd(
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    readCallback(fd, buffer, offset, length, position, (error, bytesRead) =>
      error ? reject(error) : resolve(bytesRead),
    );
  });
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A missing file (or a missing shard directory) is a missing blob; other errors pass. */
function notFoundOr(handle: string, error: unknown): unknown {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' ? new BlobNotFoundError(handle) : error;
}

/** A full disk or an exhausted quota is the store's state, not a fault: the client gets 507. */
function storageError(error: unknown): unknown {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT' ? new BlobStoreFullError() : error;
}

/**
 * Counts, hashes and limits the bytes on their way to disk; chunks pass straight through. The
 * CRC-32 (native, ~3 GB/s here, a fifth of SHA-256's cost) is kept for zip downloads.
 */
class HashingTransform extends Transform {
  size = 0;
  crc32 = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new BlobTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    this.crc32 = crc32(chunk, this.crc32);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** fsync a file written earlier (through another descriptor): its data, size and times. */
async function syncFile(filePath: string): Promise<void> {
  const handle = await open(filePath, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a directory so the entries just created in it survive a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    // Some platforms cannot open directories at all; there is nothing more we can do there.
    if (errorCode(error) === 'EISDIR' || errorCode(error) === 'EPERM') {
      return;
    }
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // A few filesystems do not support fsync on directories; real I/O errors still surface.
    if (errorCode(error) !== 'EINVAL' && errorCode(error) !== 'ENOTSUP') {
      throw error;
    }
  } finally {
    await handle.close();
  }
}

class LocalStagedBlob implements StagedBlob {
  private committing: Promise<void> | undefined;
  private syncing: Promise<void> | undefined;
  private committed = false;
  private discarded = false;

  /** `key`: the staging file's name; its path is made when needed, not held. */
  constructor(
    private readonly store: LocalDiskBlobStore,
    readonly key: string,
    readonly handle: string,
    readonly size: number,
    readonly crc32: number,
    public synced: boolean,
  ) {}

  sync(): Promise<void> {
    if (this.synced || this.committed) {
      return Promise.resolve();
    }
    if (this.discarded) {
      return Promise.reject(new Error(`Staged blob ${this.handle} was discarded; cannot sync`));
    }
    // Concurrent calls share one attempt; a failed attempt may be retried.
    this.syncing ??= syncFile(this.store.stagingPath(this.key)).then(
      () => {
        this.synced = true;
        this.syncing = undefined; // Settled promises are not kept: a batch holds many blobs.
      },
      (error: unknown) => {
        this.syncing = undefined;
        throw storageError(error);
      },
    );
    return this.syncing;
  }

  commit(): Promise<void> {
    if (this.committed) {
      return Promise.resolve();
    }
    if (this.discarded) {
      return Promise.reject(new Error(`Staged blob ${this.handle} was discarded; cannot commit`));
    }
    // Concurrent calls share one attempt; a failed attempt may be retried.
    this.committing ??= this.sync()
      .then(() => this.store.publish(this.key, this.handle))
      .then(
        () => {
          this.committed = true;
          this.committing = undefined;
        },
        (error: unknown) => {
          this.committing = undefined;
          throw storageError(error);
        },
      );
    return this.committing;
  }

  async discard(): Promise<void> {
    if (this.discarded) {
      return;
    }
    this.discarded = true;
    // After a commit the temp name is already gone; a leftover is cleanupStaging's job anyway.
    await rm(this.store.stagingPath(this.key), { force: true }).catch(() => undefined);
  }
}

/** 1 MiB reads: a quarter of the syscalls of the 64 KiB default at the same flat memory. */
const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Bulk reads (archives), 4 MiB: streaming a 1 GiB zip of 20 blobs in paired runs, 1 MiB chunks
 * waited on the thread pool four times as often and 8 or 16 MiB fell out of the CPU's caches
 * (2.0-2.2 s, against 2.6-3.0 s, 2.7-3.1 s and 3.1-4.0 s). Single downloads keep 1 MiB: their
 * client is the limit, and their memory budget is per request.
 */
const BULK_READ_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Blobs as files under `root`: `<root>/<h[0:2]>/<h[2:4]>/<handle>`, with uploads written to
 * `<root>/.staging` first. Staging is on the same filesystem, so committing is one link, and a
 * file under a handle path is always whole and fsynced: a crash can leave partial data only in
 * staging, which {@link cleanupStaging} clears.
 */
export class LocalDiskBlobStore extends BlobStore {
  private readonly stagingDir: string;
  /** Small blobs' reader threads, at most two (a second serves a concurrent archive). */
  private readonly batchReader = new BatchFileReader(2);

  constructor(private readonly root: string) {
    super();
    this.root = path.resolve(root);
    this.stagingDir = path.join(this.root, STAGING_DIR);
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedBlob> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    // NaN would compare false against every size and silently mean "no limit".
    if (!(maxBytes >= 0)) {
      throw new RangeError(`maxBytes must be a non-negative number, got ${maxBytes}`);
    }
    const hasher = new HashingTransform(maxBytes);
    // The stream fsyncs before it finishes (unless deferred), and the pipeline settles only then.
    const key = await this.writeStaging(
      (file) => pipeline(source, hasher, new FlushingWriteStream(file, !options.deferSync)),
      // Also covers failures before the pipeline ran, so the caller can rely on one behaviour.
      () => source.destroy(),
    );
    return new LocalStagedBlob(
      this,
      key,
      hasher.digest(),
      hasher.size,
      hasher.crc32,
      !options.deferSync,
    );
  }

  /**
   * One open, one write and one close, with no stream: a zip of 100,000 tiny entries made a
   * dozen objects and promises per entry through {@link stage}, most of them garbage that
   * outlived the young generation.
   */
  override async stageBytes(bytes: Buffer, options: StageOptions = {}): Promise<StagedBlob> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (bytes.length > maxBytes) {
      throw new BlobTooLargeError(maxBytes);
    }
    const key = await this.writeStaging(async (file) => {
      for (let written = 0; written < bytes.length;) {
        written += (await file.write(bytes, written, bytes.length - written, written)).bytesWritten;
      }
      if (!options.deferSync) {
        await file.sync();
      }
    });
    const handle = createHash('sha256').update(bytes).digest('hex');
    return new LocalStagedBlob(this, key, handle, bytes.length, crc32(bytes), !options.deferSync);
  }

  /**
   * A new staging file written by `write`; answers its key. On failure the file is removed
   * (after `cleanUp`) and a full disk is a {@link BlobStoreFullError}.
   */
  private async writeStaging(
    write: (file: FileHandle) => Promise<void>,
    cleanUp: () => void = () => undefined,
  ): Promise<string> {
    const key = randomBytes(16).toString('hex');
    const tempPath = this.stagingPath(key);
    let file: FileHandle | undefined;
    try {
      await mkdir(this.stagingDir, { recursive: true });
      // Created before any byte flows, so the cleanup below can never run ahead of the creation.
      file = await open(tempPath, 'wx');
      await write(file);
      await file.close();
    } catch (error) {
      cleanUp();
      await file?.close().catch(() => undefined);
      await rm(tempPath, { force: true }).catch(() => undefined);
      throw storageError(error);
    }
    return key;
  }

  resume(record: StagedBlobRecord): StagedBlob {
    if (!/^[0-9a-f]{32}$/.test(record.key) || !isBlobHandle(record.handle)) {
      throw new RangeError(`Not a staged blob of this store: ${record.key}`);
    }
    return new LocalStagedBlob(
      this,
      record.key,
      record.handle,
      record.size,
      record.crc32,
      record.synced,
    );
  }

  /** The staging file of a staged blob's key. */
  stagingPath(key: string): string {
    return path.join(this.stagingDir, key);
  }

  /** Makes staged bytes readable under their handle (LocalStagedBlob.commit, once synced). */
  async publish(key: string, handle: string): Promise<void> {
    const tempPath = this.stagingPath(key);
    const target = this.blobPath(handle);
    const shardDir = path.dirname(target);
    const firstCreated = await mkdir(shardDir, { recursive: true });
    try {
      // link, unlike rename, never replaces: an existing target already holds these very bytes.
      await link(tempPath, target);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') {
        // Identical content is already stored.
      } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
        // No hard links on this filesystem; replacing identical bytes atomically is fine too.
        await rename(tempPath, target);
      } else {
        throw error;
      }
    }
    // Make the new entries durable, including shard directories mkdir just created.
    const stopAt = firstCreated === undefined ? shardDir : path.dirname(firstCreated);
    for (let dir = shardDir; ; dir = path.dirname(dir)) {
      await syncDirectory(dir);
      if (dir === stopAt || dir === path.dirname(dir)) {
        break;
      }
    }
    // The blob is in place; the temp name is now just a second link (or gone, after a rename).
    await rm(tempPath, { force: true }).catch(() => undefined);
  }

  async get(handle: string, range?: ByteRange, options?: { bulk?: boolean }): Promise<Readable> {
    // Opened up front so a missing blob is a rejection here, not an error event later; the
    // open descriptor also keeps the bytes readable if the blob is deleted meanwhile.
    const file = await this.openBlob(handle, (blobPath) => open(blobPath, 'r'));
    // Bounded by the range, else by the file's (immutable) size: an fs stream allocates a whole
    // highWaterMark for every read, the one that finds the end included, so an unbounded 15-byte
    // blob cost two 4 MiB buffers. A zip of 100,000 small files took 95 s that way.
    const start = range?.start ?? 0;
    let end = range?.end;
    if (end === undefined) {
      try {
        end = (await file.stat()).size - 1;
      } catch (error) {
        await file.close().catch(() => undefined);
        throw error;
      }
    }
    if (end < start) {
      await file.close();
      return new Readable({
        read() {
          this.push(null);
        },
      });
    }
    const chunk = options?.bulk ? BULK_READ_CHUNK_BYTES : READ_CHUNK_BYTES;
    return file.createReadStream({ start, end, highWaterMark: Math.min(chunk, end - start + 1) });
  }

  async readStart(handle: string, length: number): Promise<Buffer> {
    // The callback API, not FileHandle: measured here, open-read-close of a 15-byte file took
    // 167 us through callbacks and 341 us through a FileHandle and its stream (15 us with 16 at
    // a time), which is most of what an archive of many small files costs.
    const fd = await this.openBlob(handle, (blobPath) => openFd(blobPath, 'r'));
    try {
      const buffer = Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        const bytesRead = await readFd(fd, buffer, filled, length - filled, filled);
        if (bytesRead === 0) {
          break;
        }
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await closeFd(fd).catch(() => undefined);
    }
  }

  /**
   * Small blobs a batch at a time on a worker thread (see BatchFileReader): 100,000 files of
   * 100 bytes otherwise make 300,000 thread-pool round trips, each with its promise.
   */
  override async readStarts(
    requests: readonly StartRead[],
  ): Promise<PromiseSettledResult<Buffer>[]> {
    const results = new Array<PromiseSettledResult<Buffer>>(requests.length);
    const paths: string[] = [];
    const lengths: number[] = [];
    const asked: number[] = [];
    requests.forEach(({ handle, length }, index) => {
      if (isBlobHandle(handle)) {
        paths.push(this.blobPath(handle));
        lengths.push(length);
        asked.push(index);
      } else {
        results[index] = { status: 'rejected', reason: new BlobNotFoundError(String(handle)) };
      }
    });
    if (asked.length === 0) {
      return results;
    }
    let answers: (Buffer | Error)[];
    try {
      answers = await this.batchReader.read(paths, lengths);
    } catch (error) {
      // The worker itself failed: every blob of the batch fails with it, at its own turn.
      answers = asked.map(() => error as Error);
    }
    asked.forEach((index, at) => {
      const answer = answers[at];
      results[index] = Buffer.isBuffer(answer)
        ? { status: 'fulfilled', value: answer }
        : { status: 'rejected', reason: notFoundOr(requests[index].handle, answer) };
    });
    return results;
  }

  /** Stops the reader threads (tests; a server leaves them to exit with it). */
  async close(): Promise<void> {
    await this.batchReader.close();
  }

  async stat(handle: string): Promise<{ size: number } | undefined> {
    if (!isBlobHandle(handle)) {
      return undefined;
    }
    try {
      const stats = await stat(this.blobPath(handle));
      return stats.isFile() ? { size: stats.size } : undefined;
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        return undefined;
      }
      throw error;
    }
  }

  async delete(handle: string): Promise<void> {
    if (!isBlobHandle(handle)) {
      return;
    }
    // Empty shard directories stay: removing one could race a commit that just created it.
    await rm(this.blobPath(handle), { force: true });
  }

  async *list(): AsyncIterable<ListedBlob> {
    for await (const first of this.subdirectories(this.root)) {
      for await (const second of this.subdirectories(path.join(this.root, first))) {
        const dir = path.join(this.root, first, second);
        for await (const entry of await this.openDirectory(dir)) {
          const handle = entry.name;
          if (!entry.isFile() || !isBlobHandle(handle) || handle.slice(0, 4) !== first + second) {
            continue;
          }
          try {
            const stats = await stat(path.join(dir, handle));
            yield { handle, size: stats.size, modified: stats.mtime };
          } catch (error) {
            // Deleted while we were listing.
            if (errorCode(error) !== 'ENOENT') {
              throw error;
            }
          }
        }
      }
    }
  }

  async cleanupStaging(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for await (const entry of await this.openDirectory(this.stagingDir)) {
      const leftover = path.join(this.stagingDir, entry.name);
      try {
        // A running upload keeps touching its file, so mtime tells stale from in-progress.
        if ((await lstat(leftover)).mtimeMs > cutoff) {
          continue;
        }
        await rm(leftover, { recursive: true });
        removed += 1;
      } catch (error) {
        // Committed, discarded or cleaned by another instance meanwhile.
        if (errorCode(error) !== 'ENOENT') {
          throw error;
        }
      }
    }
    return removed;
  }

  /** Opens a blob's file with `opener`; a malformed handle or a missing file is not found. */
  private async openBlob<T>(handle: string, opener: (blobPath: string) => Promise<T>): Promise<T> {
    if (!isBlobHandle(handle)) {
      throw new BlobNotFoundError(String(handle));
    }
    try {
      return await opener(this.blobPath(handle));
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        throw new BlobNotFoundError(handle);
      }
      throw error;
    }
  }

  private blobPath(handle: string): string {
    return path.join(this.root, handle.slice(0, 2), handle.slice(2, 4), handle);
  }

  private async *subdirectories(dir: string): AsyncIterable<string> {
    for await (const entry of await this.openDirectory(dir)) {
      if (entry.isDirectory() && SHARD_PATTERN.test(entry.name)) {
        yield entry.name;
      }
    }
  }

  /** Streams a directory's entries (flat memory for big shards); a missing one is empty. */
  private async openDirectory(dir: string): Promise<AsyncIterable<Dirent>> {
    try {
      return await opendir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return (async function* () {})();
      }
      throw error;
    }
  }
}
