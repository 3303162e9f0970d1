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
    readStart: (f, length) => {
      calls.push(`readStart ${f.name} ${length}`);
      return failing.has(f.name)
        ? Promise.reject(new Error(`cannot read ${f.name}`))
        : Promise.resolve(f.bytes.subarray(0, length));
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

const OPTIONS = { depth: 2, smallBytes: 10 };

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
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
    expect(calls.filter((call) => call.startsWith('readStart'))).toEqual([
      'readStart a 4',
      'readStart b 11',
      'readStart empty 1',
    ]);
    expect(calls.filter((call) => call.startsWith('open'))).toEqual(['open big']);
  });

  it('should read no more than `depth` files ahead of the one being written', async () => {
    const files = Array.from({ length: 10 }, (_, index) => file(`f${index}`, 1));
    const { source, calls } = recordingSource();
    const items = readAhead(files, source, OPTIONS);
    await items.next();
    // The current file and the two after it.
    expect(calls).toEqual(['readStart f0 2', 'readStart f1 2', 'readStart f2 2']);
    await items.next();
    expect(calls).toHaveLength(4);
    expect(calls[3]).toBe('readStart f3 2');
  });

  it('should open a large file only when its turn comes', async () => {
    const files = [file('a', 1), file('big', 100)];
    const { source, calls } = recordingSource();
    const items = readAhead(files, source, OPTIONS);
    await items.next();
    expect(calls).toEqual(['readStart a 2']);
    const second = await items.next();
    expect(calls).toEqual(['readStart a 2']);
    void (second.value as { open: () => Promise<Readable> }).open();
    expect(calls).toEqual(['readStart a 2', 'open big']);
  });

  it("should surface a failed read at the file's turn, as its open() rejecting", async () => {
    const files = [file('a', 1), file('broken', 1), file('c', 1)];
    const { source } = recordingSource(new Set(['broken']));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
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
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
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
    expect(calls).toEqual(['readStart part 7']);
    expect((await bytesOf(await items[1].open({ start: 2, end: 4 }))).toString()).toBe('cde');
  });
});
