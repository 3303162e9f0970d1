import { Readable } from 'node:stream';
import { readAhead, type ReadAheadSource } from '../../src/modules/files/read-ahead.js';

interface TestFile {
  name: string;
  size: number;
  /** The bytes the store holds, which may differ from `size` (a damaged blob). */
  bytes: Buffer;
}

const file = (name: string, size: number, bytes = Buffer.alloc(size, name[0])): TestFile => ({
  name,
  size,
  bytes,
});

/** A store that records what was asked of it, and fails for names in `failing`. */
function recordingSource(failing: Set<string> = new Set()) {
  const calls: string[] = [];
  const source: ReadAheadSource<TestFile> = {
    open: (f) => {
      calls.push(`open ${f.name}`);
      return failing.has(f.name)
        ? Promise.reject(new Error(`cannot open ${f.name}`))
        : Promise.resolve(Readable.from([f.bytes], { objectMode: false }));
    },
    readStarts: (reads) => {
      calls.push(
        `readStarts ${reads.map(({ file: f, length }) => `${f.name} ${length}`).join(', ')}`,
      );
      return Promise.resolve(
        reads.map(({ file: f, length }) =>
          failing.has(f.name)
            ? { status: 'rejected' as const, reason: new Error(`cannot read ${f.name}`) }
            : { status: 'fulfilled' as const, value: f.bytes.subarray(0, length) },
        ),
      );
    },
  };
  return { source, calls };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Batches of at most 2 files or 20 bytes, 2 batches at most (the one being written too). */
const OPTIONS = { smallBytes: 10, batchFiles: 2, batchBytes: 20, batches: 2 };

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
}

/** Runs `work`, then checks that no promise was left rejected without a handler meanwhile. */
async function withoutUnhandledRejections(work: () => Promise<void>): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    await work();
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

describe('readAhead', () => {
  it('should answer every file in order with its bytes, small ones read, large ones opened', async () => {
    const files = [file('a', 3), file('big', 11), file('b', 10), file('empty', 0)];
    const { source, calls } = recordingSource();
    const seen: [string, string][] = [];
    const readAheadBytes: [string, string | undefined][] = [];
    for await (const { file: f, open, bytes } of readAhead(files, source, OPTIONS)) {
      readAheadBytes.push([f.name, bytes && (await bytes).toString()]);
      seen.push([f.name, (await bytesOf(await open())).toString()]);
    }
    // The bytes read ahead are also handed over as they are (archiver takes a Buffer whole).
    expect(readAheadBytes).toEqual([
      ['a', 'aaa'],
      ['big', undefined],
      ['b', 'b'.repeat(10)],
      ['empty', ''],
    ]);
    expect(seen).toEqual([
      ['a', 'aaa'],
      ['big', 'b'.repeat(11)],
      ['b', 'b'.repeat(10)],
      ['empty', ''],
    ]);
    // One byte more than on record is asked for, so that a longer blob shows as one.
    // One read per batch: [a, big] (big opened at its turn), then [b, empty].
    expect(calls.filter((call) => call.startsWith('readStarts'))).toEqual([
      'readStarts a 4',
      'readStarts b 11, empty 1',
    ]);
    expect(calls.filter((call) => call.startsWith('open'))).toEqual(['open big']);
  });

  it('should read no more than `batches` batches ahead, the one being written included', async () => {
    const files = Array.from({ length: 10 }, (_, index) => file(`f${index}`, 1));
    const { source, calls } = recordingSource();
    const items = readAhead(files, source, OPTIONS);
    await items.next();
    // The current file's batch and the next one.
    expect(calls).toEqual(['readStarts f0 2, f1 2', 'readStarts f2 2, f3 2']);
    await items.next();
    expect(calls).toHaveLength(2);
    // The first batch written: one more is read.
    await items.next();
    expect(calls).toEqual([
      'readStarts f0 2, f1 2',
      'readStarts f2 2, f3 2',
      'readStarts f4 2, f5 2',
    ]);
  });

  it('should end a batch once its small files hold `batchBytes`', async () => {
    const files = Array.from({ length: 3 }, (_, index) => file(`f${index}`, 9));
    const { source, calls } = recordingSource();
    const items = readAhead(files, source, { ...OPTIONS, batchFiles: 10, batchBytes: 15 });
    await items.next();
    expect(calls).toEqual(['readStarts f0 10, f1 10', 'readStarts f2 10']);
  });

  it('should open a large file only when its turn comes', async () => {
    const files = [file('a', 1), file('big', 100)];
    const { source, calls } = recordingSource();
    const items = readAhead(files, source, OPTIONS);
    await items.next();
    expect(calls).toEqual(['readStarts a 2']);
    const second = await items.next();
    expect(calls).toEqual(['readStarts a 2']);
    void (second.value as { open: () => Promise<Readable> }).open();
    expect(calls).toEqual(['readStarts a 2', 'open big']);
  });

  it("should surface a failed read at the file's turn, as its open() rejecting", async () => {
    const files = [file('a', 1), file('broken', 1), file('c', 1)];
    const { source } = recordingSource(new Set(['broken']));
    await withoutUnhandledRejections(async () => {
      const outcomes: string[] = [];
      for await (const { file: f, open } of readAhead(files, source, OPTIONS)) {
        // Gives the failed read time to reject before anyone waits for it.
        await new Promise((resolve) => setImmediate(resolve));
        outcomes.push(
          await open().then(
            async (stream) => `${f.name}: ${(await bytesOf(stream)).toString()}`,
            (error: Error) => `${f.name}: ${error.message}`,
          ),
        );
      }
      expect(outcomes).toEqual(['a: a', 'broken: cannot read broken', 'c: c']);
    });
  });

  it('should hand over the extra byte of a blob longer than on record', async () => {
    const files = [file('long', 3, Buffer.from('12345'))];
    const { source } = recordingSource();
    const [{ open }] = await collect(readAhead(files, source, OPTIONS));
    expect((await bytesOf(await open())).toString()).toBe('1234');
  });

  it('should not read ahead files that are not wanted, and slice a range from those read', async () => {
    const files = [file('skipped', 3), file('part', 6, Buffer.from('abcdef'))];
    const { source, calls } = recordingSource();
    const items = await collect(
      readAhead(files, source, { ...OPTIONS, wanted: (f) => f.name !== 'skipped' }),
    );
    expect(calls).toEqual(['readStarts part 7']);
    expect((await bytesOf(await items[1].open({ start: 2, end: 4 }))).toString()).toBe('cde');
  });

  it('should fail every file of a batch whose read fails as a whole, each at its turn', async () => {
    const files = [file('a', 1), file('b', 1), file('c', 1)];
    const { source } = recordingSource();
    let batch = 0;
    const flaky: ReadAheadSource<TestFile> = {
      open: (f) => source.open(f),
      // The first batch's read fails (a reader thread dying, say); the next one works.
      readStarts: (reads) =>
        (batch += 1) === 1 ? Promise.reject(new Error('reader gone')) : source.readStarts(reads),
    };
    await withoutUnhandledRejections(async () => {
      const outcomes: string[] = [];
      for await (const { file: f, bytes } of readAhead(files, flaky, OPTIONS)) {
        await new Promise((resolve) => setImmediate(resolve));
        outcomes.push(
          await (bytes as Promise<Buffer>).then(
            (read) => `${f.name}: ${read.toString()}`,
            (error: Error) => `${f.name}: ${error.message}`,
          ),
        );
      }
      expect(outcomes).toEqual(['a: reader gone', 'b: reader gone', 'c: c']);
    });
  });

  it('should close the listing when the consumer stops early', async () => {
    let closed = false;
    let listed = 0;
    // A synchronous generator: read-ahead takes those too, and return() reaches it as well.
    function* listing() {
      try {
        for (let index = 0; index < 100; index += 1) {
          listed += 1;
          yield file(`f${index}`, 1);
        }
      } finally {
        closed = true;
      }
    }
    const { source } = recordingSource();
    for await (const { file: f } of readAhead(listing(), source, OPTIONS)) {
      if (f.name === 'f2') {
        break;
      }
    }
    expect(closed).toBe(true);
    // f2's batch and the one after it were listed, nothing further.
    expect(listed).toBe(6);
  });
});
