import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

/** Each entry of a zip, name -> bytes, in archive order (read through its central directory). */
export async function unzip(archive: Buffer): Promise<[string, Buffer][]> {
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  const entries: [string, Buffer][] = [];
  for (;;) {
    const next = new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      zip.once('entry', resolve);
      zip.once('end', () => resolve(undefined));
      zip.once('error', reject);
    });
    zip.readEntry();
    const entry = await next;
    zip.removeAllListeners();
    if (entry === undefined) {
      return entries;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    // yauzl does not check the CRC-32; unzip tools do.
    expect([entry.fileName, crc32(bytes)]).toEqual([entry.fileName, entry.crc32]);
    entries.push([entry.fileName, bytes]);
  }
}
