import { Readable } from 'node:stream';
import { DomainError } from '../common/errors/domain-error.js';

/** A blob handle: the lowercase SHA-256 hex of the bytes. Nothing else is ever turned into a path. */
export const BLOB_HANDLE_PATTERN = /^[0-9a-f]{64}$/;

export function isBlobHandle(value: unknown): value is string {
  return typeof value === 'string' && BLOB_HANDLE_PATTERN.test(value);
}

/** No blob under that handle (or the handle is malformed, which is the same to a caller). */
export class BlobNotFoundError extends DomainError {
  readonly status = 404;

  constructor(readonly handle: string) {
    super('Not found.');
  }
}

/** More than `limit` bytes arrived while staging. */
export class BlobTooLargeError extends DomainError {
  readonly status = 413;

  constructor(readonly limit: number) {
    super(`File too large: the limit is ${limit} bytes.`);
  }
}

/**
 * The store has no room for the bytes (ENOSPC, a quota). Nothing of the upload is kept; the
 * client may retry once space is freed, so this is WebDAV's 507 rather than a server fault.
 */
export class BlobStoreFullError extends DomainError {
  readonly status = 507;

  constructor() {
    super('Insufficient storage: the file store is full. Nothing was stored; retry later.');
  }
}

/** Byte offsets, both inclusive, already checked against the blob's size by the caller. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StageOptions {
  /** Reject with {@link BlobTooLargeError} as soon as more than this many bytes arrive. */
  maxBytes?: number;
  /**
   * Resolve once the bytes are written and hashed, before they are durable: the caller makes
   * them durable later with {@link StagedBlob.sync} (many at once, say), or `commit` does.
   */
  deferSync?: boolean;
}

export interface BlobInfo {
  handle: string;
  size: number;
}

/** One blob of {@link BlobStore.readStarts}: up to `length` bytes from its start. */
export interface StartRead {
  readonly handle: string;
  readonly length: number;
}

export interface ListedBlob extends BlobInfo {
  modified: Date;
}

/**
 * What a staged blob is found again by ({@link BlobStore.resume}): plain values, so that a batch
 * of many thousand staged blobs can be held compactly, without an object for each.
 */
export interface StagedBlobRecord {
  readonly handle: string;
  readonly size: number;
  /** The bytes' CRC-32, unsigned (zip's checksum; recorded so downloads need not compute it). */
  readonly crc32: number;
  /** Where the driver staged the bytes, in its own terms (short text). */
  readonly key: string;
  /** Whether the staged bytes are durable already (staged without `deferSync`, or synced). */
  readonly synced: boolean;
}

/**
 * Bytes that are written, hashed and durable, but not yet readable under their handle. The
 * caller records its reference in a database transaction between staging and committing, so a
 * garbage collector can never delete a blob that is about to be referenced.
 */
export interface StagedBlob extends StagedBlobRecord {
  /** Make the staged bytes durable (a no-op when they are already); idempotent. */
  sync(): Promise<void>;
  /**
   * Make the blob readable under its handle (no-op if identical bytes already stored), durable
   * first if it was staged with `deferSync`; idempotent.
   */
  commit(): Promise<void>;
  /** Drop the staged bytes (after a failed DB write, or after commit when they were a duplicate); idempotent, never throws. */
  discard(): Promise<void>;
}

/**
 * Content-addressed byte storage. Drivers own all paths/keys; everything else sees handles only.
 * An abstract class rather than an interface so it can serve as its own Nest injection token.
 */
export abstract class BlobStore {
  /**
   * Streams `source` to staging, hashing as it goes, with back-pressure. Rejects with
   * {@link BlobTooLargeError} as soon as more than `maxBytes` arrive; if `source` errors or is
   * aborted, rejects with that error. Either way nothing stays in staging, and (as with
   * `stream.pipeline`) `source` is destroyed: a caller that must still answer on the same
   * socket should hand over an intermediate stream rather than the request itself.
   */
  abstract stage(source: Readable, options?: StageOptions): Promise<StagedBlob>;

  /**
   * As {@link stage}, for bytes already in memory (a small zip entry): a driver may write them
   * in one go, without a stream's objects and round trips. Limits are the caller's business.
   */
  stageBytes(bytes: Buffer, options?: StageOptions): Promise<StagedBlob> {
    return this.stage(Readable.from([bytes]), options);
  }

  /**
   * The staged blob a record was taken from, again, so that a caller holding many need not keep
   * their objects. It acts on the same staged bytes: sync and discard through any of them, but
   * commit through one only (once committed, the staged bytes are gone).
   */
  abstract resume(record: StagedBlobRecord): StagedBlob;

  /** Convenience: stage + commit, for callers that record no reference in between. */
  async put(source: Readable, options?: StageOptions): Promise<BlobInfo> {
    const staged = await this.stage(source, options);
    try {
      await staged.commit();
    } finally {
      await staged.discard();
    }
    return { handle: staged.handle, size: staged.size };
  }

  /**
   * The blob's bytes (only `range`, if given). Rejects with {@link BlobNotFoundError} when absent.
   * `bulk`: the reader streams many blobs back to back (archives) and trades a few MiB of memory
   * for throughput; a driver may read larger chunks then.
   */
  abstract get(handle: string, range?: ByteRange, options?: { bulk?: boolean }): Promise<Readable>;

  /**
   * Up to `length` bytes from the blob's start, in memory (fewer when the blob is shorter).
   * For small blobs read whole, many at a time (archives): one round trip where a stream takes
   * several. Rejects with {@link BlobNotFoundError} when absent.
   */
  abstract readStart(handle: string, length: number): Promise<Buffer>;

  /**
   * {@link readStart} for many blobs at once (archives of small files), answered in the same
   * order: each blob's bytes, or why they could not be read. Never rejects as a whole, so one
   * missing blob fails only its own entry. This default asks for every blob at once; a driver
   * that can read a batch in fewer round trips overrides it.
   */
  readStarts(requests: readonly StartRead[]): Promise<PromiseSettledResult<Buffer>[]> {
    return Promise.allSettled(requests.map(({ handle, length }) => this.readStart(handle, length)));
  }

  abstract stat(handle: string): Promise<{ size: number } | undefined>;

  /** Absent (or malformed) handles are fine: there is nothing to delete. */
  abstract delete(handle: string): Promise<void>;

  /** Every committed blob, in no particular order. */
  abstract list(): AsyncIterable<ListedBlob>;

  /**
   * Removes staging leftovers older than `olderThanMs` (from a crash mid-upload); returns how
   * many. Leftovers younger than that may belong to an upload still running elsewhere.
   */
  abstract cleanupStaging(olderThanMs: number): Promise<number>;
}
