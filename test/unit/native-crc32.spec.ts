import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { routeCrc32ToZlib } from '../../src/modules/files/native-crc32.js';

const crc32 = createRequire(import.meta.url)('crc-32') as {
  buf: (data: Uint8Array, seed?: number) => number;
};

describe('routeCrc32ToZlib', () => {
  it("should leave crc-32's answers as they were, now computed by zlib", () => {
    const before = crc32.buf;
    const samples = [Buffer.from('123456789'), Buffer.alloc(0), randomBytes(100_003)];
    const expected = samples.map((sample) => before(sample));
    const chained = before(samples[2].subarray(5000), before(samples[2].subarray(0, 5000)));

    expect(routeCrc32ToZlib()).toBe(true);
    expect(crc32.buf).not.toBe(before);
    // The check value of CRC-32, as crc-32 answers it: signed.
    expect(crc32.buf(Buffer.from('123456789'))).toBe(0xcbf43926 | 0);
    expect(samples.map((sample) => crc32.buf(sample))).toEqual(expected);
    expect(crc32.buf(samples[2].subarray(5000), crc32.buf(samples[2].subarray(0, 5000)))).toBe(
      chained,
    );
    expect(crc32.buf(samples[2]) >>> 0).toBe(zlibCrc32(samples[2]));
    expect(routeCrc32ToZlib()).toBe(true); // Once is enough; again changes nothing.
  });
});
