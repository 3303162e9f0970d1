import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jest } from '@jest/globals';
import { FlushingWriteStream } from '../../src/storage/flushing-write-stream.js';

describe('FlushingWriteStream', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strata-flush-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** 80 MiB in chunks of odd sizes, so writes straddle every flush boundary. */
  function chunks(): Buffer[] {
    const block = randomBytes(1_000_003);
    return Array.from({ length: 80 }, (_, i) => {
      const chunk = Buffer.from(block);
      chunk.writeUInt32BE(i, 0);
      return chunk.subarray(0, 1_048_576 + (i % 7) * 1000 - 50_000);
    });
  }

  it('should write every byte in order, flushing in the background as it goes', async () => {
    const parts = chunks();
    const file = await open(path.join(dir, 'out'), 'wx');
    const datasync = jest.spyOn(file, 'datasync');
    const sync = jest.spyOn(file, 'sync');
    await pipeline(Readable.from(parts), new FlushingWriteStream(file));
    await file.close();
    const written = await readFile(path.join(dir, 'out'));
    const expected = Buffer.concat(parts);
    expect(written.length).toBe(expected.length);
    expect(createHash('sha256').update(written).digest('hex')).toBe(
      createHash('sha256').update(expected).digest('hex'),
    );
    // ~80 MB: at least one flush on the way (32 MiB apart, never two at once), one fsync at the end.
    expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('should fail the stream when a background flush fails', async () => {
    const file = await open(path.join(dir, 'out'), 'wx');
    jest.spyOn(file, 'datasync').mockRejectedValue(new Error('EIO: disk said no'));
    await expect(pipeline(Readable.from(chunks()), new FlushingWriteStream(file))).rejects.toThrow(
      'EIO: disk said no',
    );
    await file.close();
  });

  it('should write an empty stream as an empty, synced file', async () => {
    const file = await open(path.join(dir, 'out'), 'wx');
    const sync = jest.spyOn(file, 'sync');
    await pipeline(Readable.from([]), new FlushingWriteStream(file));
    await file.close();
    expect((await readFile(path.join(dir, 'out'))).length).toBe(0);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
