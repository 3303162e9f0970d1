import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BlobNotFoundError, BlobStore, type StartRead } from '../../src/storage/blob-store.js';
import { LocalDiskBlobStore } from '../../src/storage/local-disk-blob-store.js';

/** What a settled read says, in a form one expect() can compare. */
function outcome(result: PromiseSettledResult<Buffer>): string {
  return result.status === 'fulfilled'
    ? `bytes ${result.value.toString('hex')}`
    : `${(result.reason as Error).constructor.name}: ${(result.reason as { code?: string }).code ?? ''}`;
}

describe('BlobStore.readStarts', () => {
  let tmp: string;
  let root: string;
  let store: LocalDiskBlobStore;

  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'strata-batch-read-'));
    root = path.join(tmp, 'blobs');
    store = new LocalDiskBlobStore(root);
  });

  afterEach(async () => {
    await store.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const put = async (bytes: Buffer) => (await store.put(Readable.from([bytes]))).handle;

  it('should answer every blob of a batch with its bytes, in order, on the reader threads', async () => {
    const contents = Array.from({ length: 300 }, (_, index) => randomBytes(index % 17));
    const handles = [];
    for (const bytes of contents) {
      handles.push(await put(bytes));
    }
    // One more than each blob holds (as read-ahead asks), a prefix, and nothing at all.
    const requests: StartRead[] = handles.map((handle, index) => ({
      handle,
      length: index % 3 === 0 ? 3 : index % 3 === 1 ? contents[index].length + 1 : 0,
    }));
    const results = await store.readStarts(requests);
    expect(results.map(outcome)).toEqual(
      contents.map(
        (bytes, index) => `bytes ${bytes.subarray(0, requests[index].length).toString('hex')}`,
      ),
    );
  });

  it('should fail a missing or malformed blob on its own, the others of its batch read', async () => {
    const present = await put(Buffer.from('present'));
    const missing = 'f'.repeat(64);
    const results = await store.readStarts([
      { handle: present, length: 8 },
      { handle: missing, length: 8 },
      { handle: '../../etc/passwd', length: 8 },
      { handle: present, length: 3 },
    ]);
    expect(results.map(outcome)).toEqual([
      `bytes ${Buffer.from('present').toString('hex')}`,
      'BlobNotFoundError: ',
      'BlobNotFoundError: ',
      `bytes ${Buffer.from('pre').toString('hex')}`,
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ handle: missing });
  });

  it('should pass other fs failures through with their code', async () => {
    // A directory where the blob's file should be: it opens, and reading it fails (as root too).
    const handle = 'e'.repeat(64);
    await mkdir(path.join(root, 'ee', 'ee', handle), { recursive: true });
    const [result] = await store.readStarts([{ handle, length: 2 }]);
    expect(result.status).toBe('rejected');
    const { reason } = result as PromiseRejectedResult;
    expect(reason).not.toBeInstanceOf(BlobNotFoundError);
    expect(reason).toMatchObject({ code: 'EISDIR', syscall: 'read' });
  });

  it('should serve concurrent batches, and batches after the threads were stopped', async () => {
    const handles = await Promise.all(
      Array.from({ length: 20 }, (_, index) => put(Buffer.from(`blob ${index}`))),
    );
    const batches = await Promise.all(
      handles.map((handle, index) =>
        store.readStarts([
          { handle, length: 100 },
          { handle: handles[(index + 1) % handles.length], length: 4 },
        ]),
      ),
    );
    expect(batches.map((results) => results.map(outcome))).toEqual(
      handles.map((_, index) => [
        `bytes ${Buffer.from(`blob ${index}`).toString('hex')}`,
        `bytes ${Buffer.from('blob').toString('hex')}`,
      ]),
    );
    await store.close();
    const [again] = await store.readStarts([{ handle: handles[0], length: 100 }]);
    expect(outcome(again)).toBe(`bytes ${Buffer.from('blob 0').toString('hex')}`);
  });

  it("should default, for other stores, to each blob's readStart", async () => {
    const asked: string[] = [];
    const unused = () => Promise.reject(new Error('not used here'));
    /** A store with nothing but readStart, as an S3 driver might start out. */
    class MinimalStore extends BlobStore {
      stage = unused;
      get = unused;
      stat = unused;
      delete = unused;
      cleanupStaging = unused;
      list(): AsyncIterable<never> {
        throw new Error('not used here');
      }

      resume(): never {
        throw new Error('not used here');
      }

      readStart(handle: string, length: number): Promise<Buffer> {
        asked.push(`${handle} ${length}`);
        return handle === 'gone'
          ? Promise.reject(new BlobNotFoundError(handle))
          : Promise.resolve(Buffer.from(handle).subarray(0, length));
      }
    }
    const minimal = new MinimalStore();
    const results = await minimal.readStarts([
      { handle: 'abc', length: 2 },
      { handle: 'gone', length: 2 },
    ]);
    expect(results.map(outcome)).toEqual([
      `bytes ${Buffer.from('ab').toString('hex')}`,
      'BlobNotFoundError: ',
    ]);
    expect(asked).toEqual(['abc 2', 'gone 2']);
  });
});
