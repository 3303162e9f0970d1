import type { CursorBatch } from '../../database/cursor.js';
import type { BlobStore, StagedBlob } from '../../storage/blob-store.js';

/** Staged blobs synced, or committed, at once: enough to keep a disk's queue full. */
export const IO_CONCURRENCY = 32;

const SYNCED = 1;
const COMMITTED = 2;

/** Bytes of a blob handle (SHA-256) held in binary: half its 64 hex characters. */
const HANDLE_BYTES = 32;

/** Strings appended one after another as UTF-8 in one buffer: no string object each. */
class TextColumn {
  private bytes = Buffer.allocUnsafe(4096);
  private used = 0;
  /** `ends[i]`: where string i ends (it starts where string i - 1 ends). */
  private ends = new Float64Array(256);
  length = 0;

  push(text: string): void {
    const needed = Buffer.byteLength(text, 'utf8');
    if (this.used + needed > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + needed));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    this.ends = ensureRoom(this.ends, this.length);
    this.ends[this.length] = this.used;
    this.length += 1;
  }

  at(index: number): string {
    const start = index === 0 ? 0 : this.ends[index - 1];
    return this.bytes.toString('utf8', start, this.ends[index]);
  }
}

/** `array`, or a copy twice as long when it has no room at `index`. */
function ensureRoom<T extends Float64Array | Uint32Array | Uint8Array>(array: T, index: number): T {
  if (index < array.length) {
    return array;
  }
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** A file added by an upload: the name it got and its blob. */
export interface AddedFile {
  readonly name: string;
  readonly handle: string;
}

/**
 * The entries of one upload (a zip of 100,000 small files, say) between staging their bytes and
 * answering what was added: the requested name and the staged blob of each, and, once recorded,
 * the name each got. Held in columns (handles in binary, names as UTF-8 in one buffer, numbers
 * in typed arrays), about 100 bytes an entry, instead of several objects, strings and a staged
 * blob's closures and promises each: those were most of what a 100,000-entry upload held.
 * Entry objects are made on demand, a chunk at a time, and dropped with it.
 */
export class StagedFiles {
  private handles = Buffer.allocUnsafe(HANDLE_BYTES * 64);
  private sizes = new Float64Array(64);
  private crcs = new Uint32Array(64);
  /** Per entry, {@link SYNCED} and {@link COMMITTED} bits. */
  private states = new Uint8Array(64);
  private readonly keys = new TextColumn();
  private readonly requested = new TextColumn();
  private readonly filenames = new TextColumn();
  length = 0;

  constructor(private readonly store: BlobStore) {}

  /** Takes over a staged blob: its object may be dropped, {@link blob} makes another. */
  add(requested: string, blob: StagedBlob): void {
    const index = this.length;
    if (HANDLE_BYTES * (index + 1) > this.handles.length) {
      const bigger = Buffer.allocUnsafe(this.handles.length * 2);
      this.handles.copy(bigger);
      this.handles = bigger;
    }
    this.handles.write(blob.handle, HANDLE_BYTES * index, 'hex');
    this.sizes = ensureRoom(this.sizes, index);
    this.sizes[index] = blob.size;
    this.crcs = ensureRoom(this.crcs, index);
    this.crcs[index] = blob.crc32;
    this.states = ensureRoom(this.states, index);
    this.states[index] = blob.synced ? SYNCED : 0;
    this.keys.push(blob.key);
    this.requested.push(requested);
    this.length += 1;
  }

  requestedName(index: number): string {
    return this.requested.at(index);
  }

  handle(index: number): string {
    return this.handles.toString('hex', HANDLE_BYTES * index, HANDLE_BYTES * (index + 1));
  }

  /** The staged blob of an entry, as a new object (see BlobStore.resume). */
  blob(index: number): StagedBlob {
    return this.store.resume({
      handle: this.handle(index),
      size: this.sizes[index],
      crc32: this.crcs[index],
      key: this.keys.at(index),
      synced: (this.states[index] & SYNCED) !== 0,
    });
  }

  /** Makes an entry's staged bytes durable, noting it so its next object need not sync. */
  async sync(index: number): Promise<void> {
    await this.blob(index).sync();
    this.states[index] |= SYNCED;
  }

  /** Makes an entry's bytes readable under its handle (see StagedBlob.commit); answers the handle. */
  async commit(index: number): Promise<string> {
    const blob = this.blob(index);
    await blob.commit();
    this.states[index] |= COMMITTED;
    return blob.handle;
  }

  /**
   * Drops the staged bytes of every entry not committed (all of them after a failure; the
   * duplicates after a success), a few at a time; never throws.
   */
  async discardRemaining(): Promise<void> {
    await forEachIndex(this.length, IO_CONCURRENCY, async (index) => {
      if ((this.states[index] & COMMITTED) === 0) {
        await this.blob(index).discard();
      }
    }).catch(() => undefined);
  }

  /**
   * The entries in the order of their handles, the first of each handle only (the others are
   * the same bytes staged again): blob rows are claimed in handle order, so that two uploads
   * sharing blobs wait for each other rather than deadlock, and each distinct blob once.
   */
  byHandle(): Uint32Array {
    const order = new Uint32Array(this.length);
    for (let i = 0; i < order.length; i += 1) {
      order[i] = i;
    }
    const handles = this.handles;
    const compareHandles = (a: number, b: number) =>
      handles.compare(
        handles,
        HANDLE_BYTES * b,
        HANDLE_BYTES * (b + 1),
        HANDLE_BYTES * a,
        HANDLE_BYTES * (a + 1),
      );
    // Ties by position: the first entry of a handle is the one kept.
    order.sort((a, b) => compareHandles(a, b) || a - b);
    const distinct = new Uint32Array(order.length);
    let count = 0;
    for (let i = 0; i < order.length; i += 1) {
      if (i === 0 || compareHandles(order[i - 1], order[i]) !== 0) {
        distinct[count] = order[i];
        count += 1;
      }
    }
    return distinct.subarray(0, count);
  }

  /** Records the name entry `filenames.length` got; names are recorded in entry order. */
  addFilename(filename: string): void {
    this.filenames.push(filename);
  }

  /** How many names have been recorded so far. */
  filenameCount(): number {
    return this.filenames.length;
  }

  /** The names recorded from entry `start` on, in entry order. */
  filenamesFrom(start: number): string[] {
    const names: string[] = [];
    for (let i = start; i < this.filenames.length; i += 1) {
      names.push(this.filenames.at(i));
    }
    return names;
  }

  /**
   * The files added, in entry order, `size` at a time, as a cursor's batches are (objects are
   * made a batch at a time, so an answer of any length can be streamed in flat memory).
   */
  // eslint-disable-next-line @typescript-eslint/require-await -- a cursor's shape, from memory
  async *added(size: number): AsyncGenerator<CursorBatch<AddedFile>, void, undefined> {
    const count = this.filenames.length;
    for (let start = 0; start === 0 || start < count; start += size) {
      const end = Math.min(start + size, count);
      const items: AddedFile[] = [];
      for (let i = start; i < end; i += 1) {
        items.push({ name: this.filenames.at(i), handle: this.handle(i) });
      }
      yield { items, last: end === count };
    }
  }
}

/**
 * Runs `work` on every index below `count`, at most `limit` at a time; the first failure is
 * thrown once all settled. Indexes, not items: no array of n promises or objects.
 */
export async function forEachIndex(
  count: number,
  limit: number,
  work: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < count) {
      const index = next;
      next += 1;
      try {
        await work(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (failure !== undefined) {
    throw failure.error;
  }
}
