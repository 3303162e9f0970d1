import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, mkdtemp, rm, truncate, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { crc32, createGunzip, gunzipSync } from 'node:zlib';
import { parse as parseDisposition } from 'content-disposition';
import request from 'supertest';
import tar from 'tar-stream';
import yauzl, { type ZipFile } from 'yauzl';
import { attachmentDisposition } from '../../src/common/http/content-disposition.js';
import { createTestApp, type TestApp } from '../utils/test-app.js';
import { createDataset, upload } from '../utils/datasets.js';
import { openFilesUnder } from '../utils/processes.js';
import { sql } from '../utils/sql.js';
import {
  authed,
  createCast,
  createProject,
  createTeam,
  ROLES,
  unique,
  type Cast,
  type Role,
} from '../utils/fixtures.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const MiB = 1024 * 1024;

interface ArchivedFile {
  name: string;
  size: number;
  sha256: string;
}

interface ZipEntryInfo extends ArchivedFile {
  compressionMethod: number;
  /** General-purpose bit 3: the CRC and sizes follow the bytes, in a data descriptor. */
  dataDescriptor: boolean;
}

interface TarEntryInfo extends ArchivedFile {
  type: string | null | undefined;
  mode: number | undefined;
  mtime: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
}

/** Reads a zip the way a client would, through its central directory, in archive order. */
async function readZip(zip: ZipFile): Promise<ZipEntryInfo[]> {
  const entries: ZipEntryInfo[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip
        .openReadStreamPromise(entry)
        .then(async (stream) => {
          const hash = createHash('sha256');
          let size = 0;
          let crc = 0;
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            hash.update(chunk);
            crc = crc32(chunk, crc);
            size += chunk.length;
          }
          // yauzl does not check it; unzip tools do.
          if (crc !== entry.crc32) {
            throw new Error(`${entry.fileName}: CRC-32 ${entry.crc32} in the zip, ${crc} computed`);
          }
          entries.push({
            name: entry.fileName,
            size,
            sha256: hash.digest('hex'),
            compressionMethod: entry.compressionMethod,
            dataDescriptor: (entry.generalPurposeBitFlag & 0x8) !== 0,
          });
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
  return entries;
}

async function unzip(archive: Buffer): Promise<ZipEntryInfo[]> {
  return readZip(await yauzl.fromBufferPromise(archive, { lazyEntries: true }));
}

async function untarGz(archive: Buffer): Promise<TarEntryInfo[]> {
  const extract = tar.extract();
  const entries: TarEntryInfo[] = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
      }
      const { header } = entry;
      entries.push({
        name: header.name,
        size,
        sha256: hash.digest('hex'),
        type: header.type,
        mode: header.mode,
        mtime: header.mtime?.getTime(),
        uid: header.uid,
        gid: header.gid,
      });
    }
  })();
  extract.end(gunzipSync(archive));
  await reading;
  return entries;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Whether the whole body arrived (false: the server cut the transfer short). */
  complete: boolean;
  bytes: number;
}

describe('POST /v1/datasets/{pk}/download', () => {
  let testApp: TestApp;
  let cast: Cast;
  let project: { pk: number };
  let port: number;
  const http_ = () => request(testApp.app.getHttpServer());
  const token = (role: 'outsider' | 'R' | 'X' | 'W' | 'A') => cast.actors[role].token!;

  /** The response body as bytes, whatever its Content-Type. */
  const downloadAs = (pk: number, tokenOf: string | undefined) =>
    http_()
      .post(`/v1/datasets/${pk}/download`)
      .set(authed(tokenOf))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const download = (pk: number) => downloadAs(pk, token('R'));

  const jsonOf = (response: request.Response) =>
    JSON.parse((response.body as Buffer).toString()) as unknown;

  /**
   * A download over a real socket, the body written to `file` as it arrives (so the test
   * process holds none of it); `onFirstChunk` may pause the response to test back-pressure.
   */
  /**
   * Downloads and reports how the transfer ended. A server that finds a blob broken cuts the
   * connection; when that happens before the client has read the response head (the kernel drops
   * unread bytes on a reset), the client sees a hang-up instead of a short 200. Both mean "cut short".
   */
  function downloadOutcome(
    pk: number,
    file: string,
    body?: object,
  ): Promise<{ status: number; complete: boolean } | { hangUp: boolean }> {
    return rawDownload(pk, file, body === undefined ? {} : { body }).then(
      (response) => ({ status: response.status, complete: response.complete }),
      (error: Error) => ({ hangUp: /socket hang up|ECONNRESET/.test(error.message) }),
    );
  }

  function expectCutShort(outcome: { status: number; complete: boolean } | { hangUp: boolean }) {
    expect(outcome).toEqual(
      'hangUp' in outcome ? { hangUp: true } : { status: 200, complete: false },
    );
  }

  function rawDownload(
    pk: number,
    file: string,
    options: {
      body?: object;
      onFirstChunk?: () => void;
      /** Stop reading for this long after the first chunk, then call `whilePaused`. */
      pauseMs?: number;
      whilePaused?: (res: http.IncomingMessage) => void;
    } = {},
  ): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/v1/datasets/${pk}/download`,
          headers: {
            ...authed(token('R')),
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          // A socket of its own: its byte counters then describe this download alone.
          agent: false,
        },
        (res) => {
          let bytes = 0;
          // Flow control by hand: a pipe() would resume the response on the file's 'drain'.
          let holding = false;
          let sinkFull = false;
          const sink = createWriteStream(file);
          sink.on('drain', () => {
            sinkFull = false;
            if (!holding) {
              res.resume();
            }
          });
          res.on('data', (chunk: Buffer) => {
            if (bytes === 0) {
              options.onFirstChunk?.();
              if (options.pauseMs !== undefined) {
                holding = true;
                setTimeout(() => {
                  options.whilePaused?.(res);
                  holding = false;
                  if (!sinkFull) {
                    res.resume();
                  }
                }, options.pauseMs);
              }
            }
            bytes += chunk.length;
            sinkFull = !sink.write(chunk);
            if (holding || sinkFull) {
              res.pause();
            }
          });
          res.once('close', () =>
            sink.end(() =>
              resolve({
                status: res.statusCode!,
                headers: res.headers,
                complete: res.complete,
                bytes,
              }),
            ),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * Uploads `size` random bytes over a real socket, a MiB at a time, so that the test process
   * never holds the file (its memory is measured below); answers the bytes' SHA-256.
   */
  async function streamUpload(pk: number, filename: string, size: number): Promise<string> {
    const hash = createHash('sha256');
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/v1/datasets/${pk}/files/${filename}`,
      headers: {
        ...authed(token('W')),
        'Content-Type': 'application/data',
        'Content-Disposition': 'attachment; filename=data',
        'Content-Length': String(size),
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
    });
    for (let sent = 0; sent < size; sent += MiB) {
      const chunk = randomBytes(Math.min(MiB, size - sent));
      hash.update(chunk);
      if (!req.write(chunk)) {
        await once(req, 'drain');
      }
    }
    req.end();
    expect(await answered).toBe(200);
    return hash.digest('hex');
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    cast = await createCast(testApp);
    const team = await createTeam(testApp, cast);
    project = await createProject(testApp, cast.admin, team.pk);
    await testApp.app.listen(0, '127.0.0.1');
    port = ((testApp.app.getHttpServer() as http.Server).address() as AddressInfo).port;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const contents: [string, Buffer][] = [
    ['first.txt', Buffer.from('hello, archive')],
    ['empty.bin', Buffer.alloc(0)],
    ['images/cats/1.jpg', randomBytes(70_000)],
    ['images/dogs/é ü.png', randomBytes(1234)],
    ['label:cat.txt', Buffer.from('a colon in the first segment')],
    [`${'deep/'.repeat(25)}long-name.txt`, Buffer.from('a path over 100 bytes')],
    ['a.txt', Buffer.from('added last, sorts first')],
  ];

  /** A dataset holding `contents`, uploaded in that order. */
  async function populated(fields: { name?: string; is_public?: boolean } = {}) {
    const dataset = await createDataset(testApp, token('W'), project.pk, fields);
    for (const [name, bytes] of contents) {
      await upload(testApp, token('W'), dataset.pk, name, bytes).expect(200);
    }
    return dataset;
  }

  const expected = contents.map(([name, bytes]) => ({
    name,
    size: bytes.length,
    sha256: sha256(bytes),
  }));
  // archiver (tar) would cut `label:` off as if it were a drive letter: `./` keeps it whole.
  const expectedInTar = expected.map((entry) =>
    entry.name === 'label:cat.txt' ? { ...entry, name: `./${entry.name}` } : entry,
  );

  describe('archives', () => {
    let dataset: Awaited<ReturnType<typeof populated>>;

    beforeAll(async () => {
      dataset = await populated();
    });

    it('should answer a zip of every file, stored, in the dataset order, with no body', async () => {
      const response = await download(dataset.pk).expect(200);
      expect(response.headers['content-type']).toBe('application/data');
      // Every CRC-32 is on record, so the zip's exact length is known before its first byte.
      expect(response.headers['content-length']).toBe(String((response.body as Buffer).length));
      expect(response.headers['transfer-encoding']).toBeUndefined();
      expect(response.headers['accept-ranges']).toBe('bytes');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${dataset.name}.v1.zip"`,
      );
      const entries = await unzip(response.body as Buffer);
      expect(entries.map(({ name, size, sha256: hash }) => ({ name, size, sha256: hash }))).toEqual(
        expected,
      );
      expect(entries.every((entry) => entry.compressionMethod === 0)).toBe(true);
      // Every blob's CRC-32 was recorded at upload: each header is complete before its bytes.
      expect(entries.filter((entry) => entry.dataDescriptor)).toEqual([]);
    });

    it('should checksum blobs stored before CRC-32s were recorded as they stream', async () => {
      const legacy = await createDataset(testApp, token('W'), project.pk);
      const bytes = randomBytes(100_000);
      const untouched = Buffer.from(unique('recorded'));
      await upload(testApp, token('W'), legacy.pk, 'legacy.bin', bytes).expect(200);
      await upload(testApp, token('W'), legacy.pk, 'recorded.txt', untouched).expect(200);
      const handle = sha256(bytes);
      const recorded = async () =>
        (
          await sql<{ crc32: string | null }>(
            testApp.database,
            'SELECT crc32 FROM blobs WHERE handle = $1',
            [handle],
          )
        )[0].crc32;
      expect(Number(await recorded())).toBe(crc32(bytes));
      // As a blob stored before the column existed.
      await sql(testApp.database, 'UPDATE blobs SET crc32 = NULL WHERE handle = $1', [handle]);

      const response = await download(legacy.pk).expect(200);
      const entries = await unzip(response.body as Buffer); // Checks every CRC-32.
      expect(
        entries.map(({ name, sha256: hash, dataDescriptor }) => [name, hash, dataDescriptor]),
      ).toEqual([
        ['legacy.bin', handle, true],
        ['recorded.txt', sha256(untouched), false],
      ]);

      // Uploading the same bytes again records the checksum after all.
      const again = await createDataset(testApp, token('W'), project.pk);
      await upload(testApp, token('W'), again.pk, 'again.bin', bytes).expect(200);
      expect(Number(await recorded())).toBe(crc32(bytes));
    });

    it('should answer a tar.gz of regular files, mode 0644, mtime 0, in the dataset order', async () => {
      const response = await download(dataset.pk)
        .set('Content-Type', 'application/json')
        .send({ filetype: 'tar.gz' })
        .expect(200);
      expect(response.headers['content-type']).toBe('application/data');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${dataset.name}.v1.tar.gz"`,
      );
      const entries = await untarGz(response.body as Buffer);
      expect(entries.map(({ name, size, sha256: hash }) => ({ name, size, sha256: hash }))).toEqual(
        expectedInTar,
      );
      for (const entry of entries) {
        expect(entry).toMatchObject({ type: 'file', mode: 0o644, mtime: 0, uid: 0, gid: 0 });
      }
    });

    it('should accept the Python client body and ignore annotations_args', async () => {
      const response = await download(dataset.pk)
        .send({ filetype: 'zip', params: { annotations_args: ['--format', 'x'] } })
        .expect(200);
      expect((await unzip(response.body as Buffer)).map((entry) => entry.name)).toEqual(
        expected.map((entry) => entry.name),
      );
      await download(dataset.pk).send({ filetype: 'tar.gz', params: {} }).expect(200);
      await download(dataset.pk)
        .send({ params: { annotations_args: 'single' } })
        .expect(200);
    });

    it('should ignore the extra top-level keys the TS client spreads there', async () => {
      const response = await download(dataset.pk)
        .send({ filetype: 'tar.gz', annotations_args: ['a'], anything: { nested: true } })
        .expect(200);
      expect(response.headers['content-disposition']).toContain('.tar.gz"');
      expect(await untarGz(response.body as Buffer)).toHaveLength(contents.length);
    });

    it('should answer a valid empty archive for a dataset without files', async () => {
      const empty = await createDataset(testApp, token('W'), project.pk);
      const zip = await download(empty.pk).expect(200);
      expect(await unzip(zip.body as Buffer)).toEqual([]);
      const tarGz = await download(empty.pk).send({ filetype: 'tar.gz' }).expect(200);
      expect(await untarGz(tarGz.body as Buffer)).toEqual([]);
    });

    it('should download the current version under its version number', async () => {
      const copied = await http_()
        .post(`/v1/datasets/${dataset.pk}/copy`)
        .set(authed(token('W')))
        .send({})
        .expect(200);
      expect(copied.body.version).toBe(2);
      const response = await download(copied.body.pk as number).expect(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${dataset.name}.v2.zip"`,
      );
      expect((await unzip(response.body as Buffer)).map((entry) => entry.sha256)).toEqual(
        expected.map((entry) => entry.sha256),
      );
    });
  });

  describe('resumable zip downloads', () => {
    let dataset: Awaited<ReturnType<typeof populated>>;
    let whole: Buffer;
    let etag: string;

    const ranged = (pk: number, range: string, ifRange?: string) => {
      const req = download(pk).set('Range', range);
      return ifRange === undefined ? req : req.set('If-Range', ifRange);
    };

    beforeAll(async () => {
      dataset = await populated();
      await upload(testApp, token('W'), dataset.pk, 'big.bin', randomBytes(2 * MiB)).expect(200);
      const response = await download(dataset.pk).expect(200);
      whole = response.body as Buffer;
      etag = response.headers.etag;
    });

    it('should answer the same bytes and strong ETag every time, with an exact length', async () => {
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await download(dataset.pk).expect(200);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['content-length']).toBe(String(whole.length));
      expect((again.body as Buffer).equals(whole)).toBe(true);
      expect((await unzip(whole)).map((entry) => entry.name)).toEqual([
        ...contents.map(([name]) => name),
        'big.bin',
      ]);
    });

    it('should give the same bytes in three ranges cut inside a header, a file and the directory', async () => {
      const length = whole.length;
      const directory = whole.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      const inBig = directory - 1 - Math.floor(Math.random() * MiB);
      const cutSets = [
        [10, inBig, directory + 7],
        [1 + Math.floor(Math.random() * (length / 2)), Math.floor(length / 2) + 1, length - 5],
      ];
      for (const [a, b, c] of cutSets) {
        const pieces: Buffer[] = [];
        for (const [start, end] of [
          [0, a - 1],
          [a, b - 1],
          [b, c - 1],
        ]) {
          const piece = await ranged(dataset.pk, `bytes=${start}-${end}`).expect(206);
          expect(piece.headers['content-range']).toBe(`bytes ${start}-${end}/${length}`);
          expect(piece.headers['content-length']).toBe(String(end - start + 1));
          expect(piece.headers.etag).toBe(etag);
          pieces.push(piece.body as Buffer);
        }
        const last = await ranged(dataset.pk, `bytes=${c}-`, etag).expect(206);
        pieces.push(last.body as Buffer);
        const joined = Buffer.concat(pieces);
        expect(joined.equals(whole)).toBe(true);
      }
      const suffix = await ranged(dataset.pk, 'bytes=-100').expect(206);
      expect((suffix.body as Buffer).equals(whole.subarray(length - 100))).toBe(true);
    });

    it('should resume a cut transfer from the bytes received, with If-Range', async () => {
      const received = await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/v1/datasets/${dataset.pk}/download`,
            headers: authed(token('R')),
            agent: false,
          },
          (res) => {
            res.on('data', (chunk: Buffer) => {
              chunks.push(chunk);
              bytes += chunk.length;
              if (bytes > 300 * 1024) {
                req.destroy();
                resolve(Buffer.concat(chunks));
              }
            });
          },
        );
        req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
        req.end();
      });
      expect(received.length).toBeLessThan(whole.length);
      const rest = await ranged(dataset.pk, `bytes=${received.length}-`, etag).expect(206);
      const resumed = Buffer.concat([received, rest.body as Buffer]);
      expect(resumed.length).toBe(whole.length);
      // unzip checks every entry's CRC-32 too.
      expect(await unzip(resumed)).toEqual(await unzip(whole));
      expect(resumed.equals(whole)).toBe(true);
    });

    it('should answer the whole zip to a stale If-Range, a date or several ranges', async () => {
      for (const [range, ifRange] of [
        ['bytes=5-', '"stale"'],
        ['bytes=5-', 'Fri, 04 Dec 2026 10:00:00 GMT'],
        ['bytes=0-9,20-29', undefined],
      ]) {
        const response = await ranged(dataset.pk, range!, ifRange).expect(200);
        expect(response.headers['content-range']).toBeUndefined();
        expect((response.body as Buffer).equals(whole)).toBe(true);
      }
    });

    it('should answer 416 with the length to a range past the end', async () => {
      const response = await ranged(dataset.pk, `bytes=${whole.length}-`).expect(416);
      expect(response.headers['content-range']).toBe(`bytes */${whole.length}`);
      expect(jsonOf(response)).toEqual({ detail: 'Requested range not satisfiable.' });
    });

    it('should change the ETag when a file is added, renamed or its bytes change', async () => {
      const other = await populated();
      const original = await download(other.pk).expect(200);
      const first = original.headers.etag;
      // The same files in another dataset make the same bytes (entries carry a fixed date).
      const twin = await download((await populated()).pk).expect(200);
      expect((twin.body as Buffer).equals(original.body as Buffer)).toBe(true);
      await upload(testApp, token('W'), other.pk, 'added.txt', 'new').expect(200);
      const added = await download(other.pk).expect(200);
      expect(added.headers.etag).not.toBe(first);
      expect(added.headers['content-length']).toBe(String((added.body as Buffer).length));
      // Resuming with the old ETag gets the new whole zip, never a splice of the two.
      const stale = await ranged(other.pk, 'bytes=100-', first).expect(200);
      expect((stale.body as Buffer).equals(added.body as Buffer)).toBe(true);
      const replace = async (old: string, name: string, bytes: string) => {
        await http_()
          .delete(`/v1/datasets/${other.pk}/files/${old}`)
          .set(authed(token('W')))
          .expect(200);
        await upload(testApp, token('W'), other.pk, name, bytes).expect(200);
        return (await download(other.pk).expect(200)).headers.etag;
      };
      const renamed = await replace('added.txt', 'renamed.txt', 'new');
      expect([first, added.headers.etag]).not.toContain(renamed);
      const changed = await replace('renamed.txt', 'renamed.txt', 'wen');
      expect([first, added.headers.etag, renamed]).not.toContain(changed);
    });

    it('should stream a zip holding blobs without a recorded CRC-32, without length or ranges', async () => {
      const legacy = await createDataset(testApp, token('W'), project.pk);
      const bytes = randomBytes(5000);
      await upload(testApp, token('W'), legacy.pk, 'old.bin', bytes).expect(200);
      await sql(testApp.database, 'UPDATE blobs SET crc32 = NULL WHERE handle = $1', [
        sha256(bytes),
      ]);
      const response = await ranged(legacy.pk, 'bytes=10-').expect(200);
      expect(response.headers['content-length']).toBeUndefined();
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers.etag).toBeUndefined();
      expect(response.headers['accept-ranges']).toBeUndefined();
      expect((await unzip(response.body as Buffer)).map((entry) => entry.sha256)).toEqual([
        sha256(bytes),
      ]);
      await sql(testApp.database, 'UPDATE blobs SET crc32 = $2 WHERE handle = $1', [
        sha256(bytes),
        crc32(bytes),
      ]);
    });

    it('should keep tar.gz chunked, without ETag or ranges', async () => {
      const response = await ranged(dataset.pk, 'bytes=10-')
        .send({ filetype: 'tar.gz' })
        .expect(200);
      expect(response.headers['content-length']).toBeUndefined();
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers.etag).toBeUndefined();
      expect((await untarGz(response.body as Buffer)).length).toBe(contents.length + 1);
    });
  });

  describe('Content-Disposition', () => {
    it('should quote a plain name as the reference does', () => {
      expect(attachmentDisposition('cats.v3.zip')).toBe('attachment; filename="cats.v3.zip"');
    });

    it('should give a hostile name an ASCII fallback and the exact name as filename*', async () => {
      const name = 'a"b\\c\n é';
      const dataset = await createDataset(testApp, token('W'), project.pk, { name });
      const response = await download(dataset.pk).expect(200);
      const header: string = response.headers['content-disposition'];
      expect(header).toBe(
        `attachment; filename="a_b_c_ _.v1.zip"; filename*=UTF-8''a%22b%5Cc%0A%20%C3%A9.v1.zip`,
      );
      const parsed = parseDisposition(header);
      expect(parsed.type).toBe('attachment');
      expect(parsed.parameters.filename).toBe(`${name}.v1.zip`);
      expect(await unzip(response.body as Buffer)).toEqual([]);
    });

    it('should add filename* when the name holds a %XX sequence', () => {
      expect(attachmentDisposition('100%25.v1.zip')).toBe(
        `attachment; filename="100%25.v1.zip"; filename*=UTF-8''100%2525.v1.zip`,
      );
    });
  });

  describe('request checks (all before any byte of the archive)', () => {
    let pk: number;

    beforeAll(async () => {
      pk = (await populated()).pk;
    });

    const refused = async (
      send: (test: request.Test) => request.Test,
      status: number,
    ): Promise<unknown> => {
      const response = await send(download(pk)).expect(status);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      return jsonOf(response);
    };

    it('should answer 415 for an unsupported filetype', async () => {
      expect(await refused((test) => test.send({ filetype: 'tar' }), 415)).toEqual({
        detail: 'Unsupported media type "tar" in request.',
      });
    });

    it('should answer 400 for a filetype that is not a string', async () => {
      expect(await refused((test) => test.send({ filetype: 5 }), 400)).toEqual({
        detail: "The type passed to download parameter 'filetype' should be 'str', but received 5",
      });
      expect(await refused((test) => test.send({ filetype: null }), 400)).toEqual({
        detail:
          "The type passed to download parameter 'filetype' should be 'str', but received None",
      });
    });

    it('should answer 400 for params that are not a mapping of strings', async () => {
      expect(await refused((test) => test.send({ params: 'x' }), 400)).toEqual({
        detail: "The type passed to download parameter 'params' should be 'dict', but received x",
      });
      expect(await refused((test) => test.send({ params: ['a'] }), 400)).toEqual({
        detail:
          "The type passed to download parameter 'params' should be 'dict', but received ['a']",
      });
      expect(await refused((test) => test.send({ params: { a: 1 } }), 400)).toEqual({
        detail:
          "The type passed to download parameter 'params' should be 'dict', but received {'a': 1}",
      });
    });

    it('should answer 422 for unknown params', async () => {
      expect(await refused((test) => test.send({ params: { x: '1' } }), 422)).toEqual({
        detail: 'Unknown parameters: x=1',
      });
      expect(
        await refused(
          (test) => test.send({ params: { annotations_args: [], x: '1', y: ['a', 'b'] } }),
          422,
        ),
      ).toEqual({ detail: "Unknown parameters: x=1, y=['a', 'b']" });
    });

    it('should answer 400 for a JSON body that is not an object', async () => {
      for (const body of ['null', '[]', '[{"filetype":"zip"}]', '5', '"zip"']) {
        await refused((test) => test.set('Content-Type', 'application/json').send(body), 400);
      }
    });

    it('should answer 406 to a client that only accepts JSON', async () => {
      expect(await refused((test) => test.set('Accept', 'application/json'), 406)).toEqual({
        detail: 'Could not satisfy the request Accept header.',
      });
    });

    it('should answer 404 for an unknown dataset', async () => {
      const response = await download(2_000_000_000).expect(404);
      expect(jsonOf(response)).toEqual({ detail: 'Not found.' });
      expect(response.headers['content-disposition']).toBeUndefined();
    });

    it('should answer 405 to GET', async () => {
      const response = await http_()
        .get(`/v1/datasets/${pk}/download`)
        .set(authed(token('R')))
        .expect(405);
      expect(response.body).toEqual({ detail: 'Method "GET" not allowed.' });
      expect(response.headers.allow).toContain('POST');
    });
  });

  describe('permissions', () => {
    const privateExpected: Record<Role, number> = {
      anonymous: 401,
      outsider: 403,
      R: 200,
      X: 200,
      W: 200,
      A: 200,
      admin: 200,
    };

    it.each(ROLES)('should answer %s on a private dataset as members-only', async (role) => {
      const dataset = await createDataset(testApp, token('W'), project.pk);
      const response = await downloadAs(dataset.pk, cast.actors[role].token);
      expect(response.status).toBe(privateExpected[role]);
      if (response.status === 200) {
        expect(await unzip(response.body as Buffer)).toEqual([]);
      } else {
        expect(response.headers['content-disposition']).toBeUndefined();
      }
      if (role === 'anonymous') {
        expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
      }
    });

    it.each(ROLES)('should let %s download a public dataset', async (role) => {
      const dataset = await createDataset(testApp, token('W'), project.pk, { is_public: true });
      await upload(testApp, token('W'), dataset.pk, 'public.txt', 'for everyone').expect(200);
      const response = await downloadAs(dataset.pk, cast.actors[role].token).expect(200);
      expect(await unzip(response.body as Buffer)).toEqual([
        {
          name: 'public.txt',
          size: 12,
          sha256: sha256('for everyone'),
          compressionMethod: 0,
          dataDescriptor: false,
        },
      ]);
    });
  });

  describe('streaming', () => {
    let workDir: string;
    let big: { pk: number };
    const bigFiles: [string, string][] = [];

    beforeAll(async () => {
      workDir = await mkdtemp(path.join(os.tmpdir(), 'strata-download-'));
      big = await createDataset(testApp, token('W'), project.pk);
      for (let index = 0; index < 4; index += 1) {
        const name = `big/${index}.bin`;
        bigFiles.push([name, await streamUpload(big.pk, name, 16 * MiB)]);
      }
    });

    afterAll(async () => {
      await rm(workDir, { recursive: true, force: true });
    });

    async function archivedFiles(file: string, filetype: string): Promise<[string, string][]> {
      let entries: ArchivedFile[];
      if (filetype === 'zip') {
        entries = await readZip(await yauzl.openPromise(file, { lazyEntries: true }));
      } else {
        const extract = tar.extract();
        const reading = (async () => {
          const found: ArchivedFile[] = [];
          for await (const entry of extract) {
            const hash = createHash('sha256');
            for await (const chunk of entry as AsyncIterable<Buffer>) {
              hash.update(chunk);
            }
            found.push({ name: entry.header.name, size: 0, sha256: hash.digest('hex') });
          }
          return found;
        })();
        await pipeline(createReadStream(file), createGunzip(), extract);
        entries = await reading;
      }
      return entries.map(({ name, sha256: hash }) => [name, hash]);
    }

    it.each(['zip', 'tar.gz'])(
      'should send the first bytes of a %s at once and keep memory flat (back-pressure)',
      async (filetype) => {
        const file = path.join(workDir, `big.${filetype}`);
        // The app runs in this process: its RSS, and the Buffers alive in it (where an archive
        // built in memory would sit), are sampled while the client reads.
        const memory = () => {
          const usage = process.memoryUsage();
          return { rss: usage.rss, buffers: usage.arrayBuffers };
        };
        const baseline = memory();
        let peakRss = baseline.rss;
        const sample = () => {
          peakRss = Math.max(peakRss, memory().rss);
        };
        const sampler = setInterval(sample, 10);
        let firstByteMs = 0;
        let bytesWhilePaused = 0;
        let buffersWhilePaused = 0;
        const started = performance.now();
        const response = await rawDownload(big.pk, file, {
          body: { filetype },
          onFirstChunk: () => {
            firstByteMs = performance.now() - started;
          },
          // A server that built the archive in memory would hold all of it while we wait.
          pauseMs: 300,
          whilePaused: (res) => {
            sample();
            bytesWhilePaused = res.socket.bytesRead;
            buffersWhilePaused = memory().buffers - baseline.buffers;
          },
        });
        const totalMs = performance.now() - started;
        clearInterval(sampler);
        sample();
        const rssGrowth = peakRss - baseline.rss;
        console.log(
          `${filetype} download of ${(response.bytes / MiB).toFixed(1)} MiB: first byte after ` +
            `${firstByteMs.toFixed(0)} ms, done after ${totalMs.toFixed(0)} ms (client paused ` +
            `300 ms); growth: RSS ${(rssGrowth / MiB).toFixed(1)} MiB (peak), ` +
            `Buffers ${(buffersWhilePaused / MiB).toFixed(1)} MiB and ` +
            `${(bytesWhilePaused / MiB).toFixed(2)} MiB received (while paused)`,
        );
        expect(response.status).toBe(200);
        expect(response.complete).toBe(true);
        // Built in memory first (tried), the first byte came after 2/3 of the total time.
        expect(firstByteMs).toBeLessThan(totalMs / 4);
        // While the client was paused, only socket buffers' worth had come through.
        expect(bytesWhilePaused).toBeLessThan(16 * MiB);
        expect(rssGrowth).toBeLessThan(48 * MiB);
        // Includes garbage not yet collected (about 11 MiB here); built in memory: 140 MiB.
        expect(buffersWhilePaused).toBeLessThan(32 * MiB);
        expect(await archivedFiles(file, filetype)).toEqual(bigFiles);
      },
    );

    it('should stop reading, and close the file, when the client goes away', async () => {
      // Only the data directory's files count: sockets come and go with the database pool.
      const openFiles = async () =>
        (await openFilesUnder(process.pid, testApp.config.dataDir)).length;
      await new Promise<void>((resolve) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/v1/datasets/${big.pk}/download`,
            headers: authed(token('R')),
          },
          (res) => {
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', () => undefined);
        req.end();
      });
      // The server notices the closed socket and lets go of the blob it was reading.
      for (let tries = 0; tries < 50 && (await openFiles()) > 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await openFiles()).toBe(0);
      const next = await createDataset(testApp, token('W'), project.pk);
      await download(next.pk).expect(200);
    });

    it('should cut the transfer short when a file is missing, and keep serving', async () => {
      const dataset = await createDataset(testApp, token('W'), project.pk);
      const first = randomBytes(256 * 1024);
      const gone = Buffer.from(unique('vanishing'));
      await upload(testApp, token('W'), dataset.pk, 'first.bin', first).expect(200);
      await upload(testApp, token('W'), dataset.pk, 'gone.txt', gone).expect(200);
      const handle = sha256(gone);
      await unlink(
        path.join(testApp.config.dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4), handle),
      );
      for (const filetype of ['zip', 'tar.gz']) {
        expectCutShort(
          await downloadOutcome(dataset.pk, path.join(workDir, `gone.${filetype}`), { filetype }),
        );
      }
      await download((await populated()).pk).expect(200);
    });

    it('should cut the transfer short when a small file is longer than on record', async () => {
      const dataset = await createDataset(testApp, token('W'), project.pk);
      const grown = randomBytes(1000);
      await upload(testApp, token('W'), dataset.pk, 'grown.bin', grown).expect(200);
      const handle = sha256(grown);
      await appendFile(
        path.join(testApp.config.dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4), handle),
        'more',
      );
      expectCutShort(await downloadOutcome(dataset.pk, path.join(workDir, 'grown.zip')));
    });

    // Small files are read ahead of their turn, large ones streamed: both paths are checked.
    it.each([
      ['large', 300 * 1024, 1000],
      ['small', 1000, 10],
    ])(
      'should cut the transfer short when a %s file is shorter than on record',
      async (_kind, size, cut) => {
        const dataset = await createDataset(testApp, token('W'), project.pk);
        const shrunk = randomBytes(size);
        await upload(testApp, token('W'), dataset.pk, 'shrunk.bin', shrunk).expect(200);
        const handle = sha256(shrunk);
        await truncate(
          path.join(
            testApp.config.dataDir,
            'blobs',
            handle.slice(0, 2),
            handle.slice(2, 4),
            handle,
          ),
          cut,
        );
        for (const filetype of ['zip', 'tar.gz']) {
          expectCutShort(
            await downloadOutcome(dataset.pk, path.join(workDir, `shrunk.${filetype}`), {
              filetype,
            }),
          );
        }
      },
    );
  });
});
