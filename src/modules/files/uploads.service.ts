import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/auth-user.js';
import {
  BadRequestError,
  NotFoundError,
  PayloadTooLargeError,
} from '../../common/errors/domain-error.js';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config.js';
import {
  BlobStore,
  BlobTooLargeError,
  type StagedBlob,
  type StageOptions,
} from '../../storage/blob-store.js';
import { firstBatch, type BatchedAnswer } from '../../database/cursor.js';
import {
  DatasetFilesService,
  type RemovedFile,
  type StoredFile,
} from '../dataset-files/dataset-files.service.js';
import { StagedFiles, type AddedFile } from '../dataset-files/staged-files.js';
import { FileTransferMetrics } from './file-transfer.metrics.js';
import { DatasetsService } from '../datasets/datasets.service.js';
import { SourcesService } from '../sources/sources.service.js';
import { readZipEntries } from './zip/zip-reader.js';

/** What a request says about its body before it is read, from its headers. */
export interface BodyInfo {
  readonly contentLength: number | undefined;
  /** True when a body parser already consumed the body (it cannot be streamed any more). */
  readonly consumed: boolean;
}

/** What a UFDL upload request says about its body, read by the controller from the headers. */
export interface UploadHeaders extends BodyInfo {
  /** The `filename` parameter of Content-Disposition, if any (its value is not used). */
  readonly hasFilename: boolean;
}

/** How one file of an {@link UploadBatch} arrives. */
export interface BatchFileOptions {
  /** Store a zip's entries (with their paths) instead of the zip; other files stay as they are. */
  readonly expandArchive?: boolean;
  /** Known for a whole request body (a 413 before any byte), not for a multipart part. */
  readonly body?: BodyInfo;
}

/**
 * The files of one data.world upload request (spec Part A "Uploads", decisions 11 and 12):
 * staged as they arrive, then recorded all together, each replacing the dataset's file of the
 * same name and turning a URL-sourced file into an uploaded one.
 */
export interface UploadBatch {
  /** Stages a file's bytes; a bad name or too many bytes are refused before it is recorded. */
  add(requested: string, body: Readable, options?: BatchFileOptions): Promise<void>;
  /** Records every staged file, all or none; answers the names they got, in order. */
  commit(): Promise<string[]>;
  /** Drops whatever was staged and not recorded; never throws. */
  discard(): Promise<void>;
}

const MISSING_FILENAME =
  'Missing filename. Request should include a Content-Disposition header with a filename parameter.';

/** add_file, add_files (a zip), get_file, get_file_by_handle, delete_file. */
@Injectable()
export class UploadsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly datasets: DatasetsService,
    private readonly files: DatasetFilesService,
    private readonly blobs: BlobStore,
    private readonly sources: SourcesService,
    private readonly transfers: FileTransferMetrics,
  ) {}

  async addFile(
    caller: Caller,
    pk: number,
    requested: string,
    headers: UploadHeaders,
    body: Readable,
  ): Promise<AddedFile> {
    const { dataset } = await this.datasets.loadForWrite(caller, pk);
    // Everything that can be refused is refused before a byte is stored.
    this.files.normalise(requested);
    requireFilename(headers);
    this.checkBody(headers, this.config.maxUploadBytes);
    const staged = new StagedFiles(this.blobs);
    staged.add(requested, await this.stageUpload(body, { maxBytes: this.config.maxUploadBytes }));
    try {
      await this.files.addStaged(dataset.id, staged);
    } finally {
      await staged.discardRemaining();
    }
    const { first } = await firstBatch(staged.added(1));
    return first[0];
  }

  /**
   * A zip's entries, in archive order, all added or none (spec Part A 10); answers the files
   * added, in that order, in batches to be streamed.
   */
  async addFiles(
    caller: Caller,
    pk: number,
    headers: UploadHeaders,
    body: Readable,
  ): Promise<BatchedAnswer<AddedFile>> {
    const { dataset } = await this.datasets.loadForWrite(caller, pk);
    requireFilename(headers);
    this.checkBody(headers, this.config.zip.maxTotalBytes);
    const staged = new StagedFiles(this.blobs);
    try {
      await this.stageZip(staged, body);
      await this.files.addStaged(dataset.id, staged);
    } finally {
      await staged.discardRemaining();
    }
    return firstBatch(staged.added(ANSWER_BATCH_ENTRIES));
  }

  /**
   * A data.world upload into a dataset version the caller may write (authorised by the face
   * through DatasetsService before any byte is read).
   */
  openBatch(datasetId: number): UploadBatch {
    const staged = new StagedFiles(this.blobs);
    // Files are staged one after another, in the order they were added (a multipart body's
    // parts overlap: the next one starts while the last is still being flushed).
    let previous: Promise<void> = Promise.resolve();
    let failed = false;
    const addInTurn = async (
      requested: string,
      body: Readable,
      options: BatchFileOptions,
    ): Promise<void> => {
      if (failed) {
        body.resume(); // The batch is lost already: read the bytes, store none.
        throw new BadRequestError('An earlier file of this upload was refused.');
      }
      try {
        await addOne(requested, body, options);
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    const addOne = async (requested: string, body: Readable, options: BatchFileOptions) => {
      this.files.normalise(requested);
      if (options.expandArchive === true && ZIP_NAME.test(requested)) {
        if (options.body) {
          this.checkBody(options.body, this.config.zip.maxTotalBytes);
        }
        await this.stageZip(staged, body);
        return;
      }
      if (options.body) {
        this.checkBody(options.body, this.config.maxUploadBytes);
      }
      staged.add(requested, await this.stageUpload(body, { maxBytes: this.config.maxUploadBytes }));
    };
    return {
      add: (requested, body, options = {}) => {
        const turn = previous.then(() => addInTurn(requested, body, options));
        previous = turn.catch(() => undefined);
        return turn;
      },
      commit: async () => {
        if (staged.length === 0) {
          return []; // An empty zip: nothing to record.
        }
        const names: string[] = [];
        await this.files.addStaged(datasetId, staged, {
          replace: true,
          // An uploaded file is no longer sourced: in the same commit as its bytes, so a fetch
          // finishing meanwhile can neither overwrite the upload nor keep its source.
          onRecorded: async (manager, recorded) => {
            names.push(...recorded);
            await this.sources.removeSourcesIn(manager, datasetId, recorded);
          },
        });
        return names;
      },
      discard: () => staged.discardRemaining(),
    };
  }

  /** One file of a data.world upload (a raw body), recorded on its own. */
  async replaceFile(
    datasetId: number,
    requested: string,
    body: Readable,
    options: BatchFileOptions,
  ): Promise<string[]> {
    const batch = this.openBatch(datasetId);
    try {
      await batch.add(requested, body, options);
      return await batch.commit();
    } finally {
      await batch.discard();
    }
  }

  async findFile(caller: Caller, pk: number, filename: string): Promise<StoredFile> {
    const { dataset } = await this.datasets.loadForRead(caller, pk);
    return this.files.getFile(dataset.id, filename);
  }

  async findFileByHandle(caller: Caller, pk: number, handle: string): Promise<StoredFile> {
    const { dataset } = await this.datasets.loadForRead(caller, pk);
    return this.files.getFileByHandle(dataset.id, handle);
  }

  /**
   * A file of a dataset version the caller was already authorised to read (through another
   * face's lookup): 404 when it has no file of that name, which is also the answer for a
   * sourced file never fetched (it has no bytes, so no file yet).
   */
  async findFileOf(dataset: { readonly id: number }, filename: string): Promise<StoredFile> {
    const file = await this.files.findFile(dataset.id, filename);
    if (!file) {
      throw new NotFoundError(`File '${filename}' not found.`);
    }
    return file;
  }

  /** The bytes of a stored file (or a range of them). */
  openFile(file: StoredFile, range?: { start: number; end: number }): Promise<Readable> {
    return this.blobs.get(file.handle, range);
  }

  async deleteFile(caller: Caller, pk: number, filename: string): Promise<RemovedFile> {
    const { dataset } = await this.datasets.loadForWrite(caller, pk);
    return this.files.deleteFile(dataset.id, filename);
  }

  /**
   * A zip's entries, in archive order, into `staged`. yauzl needs random access: the body is
   * spooled (bounded) to disk first, and the spool removed once the entries are staged.
   */
  private async stageZip(staged: StagedFiles, body: Readable): Promise<void> {
    const zip = this.config.zip;
    const spoolDir = path.join(this.config.dataDir, 'tmp');
    await mkdir(spoolDir, { recursive: true });
    const workDir = await mkdtemp(path.join(spoolDir, 'zip-'));
    try {
      const zipPath = path.join(workDir, 'upload.zip');
      const relay = relayOf(body, this.countUploaded);
      try {
        await pipeline(relay, limitBytes(zip.maxTotalBytes), createWriteStream(zipPath));
      } catch (error) {
        abandon(body, relay);
        throw error;
      }
      await readZipEntries(
        zipPath,
        {
          maxEntries: zip.maxEntries,
          maxTotalUncompressed: zip.maxTotalBytes,
          maxEntryUncompressed: this.config.maxUploadBytes,
          maxCompressionRatio: zip.maxCompressionRatio,
        },
        async (entry, content) => {
          this.files.normalise(entry.name);
          // Made durable all at once before they are recorded (addStaged), not one by one here.
          const options = { deferSync: true };
          staged.add(
            entry.name,
            entry.uncompressedSize <= SMALL_ENTRY_BYTES
              ? await this.blobs.stageBytes(await readAll(content), options)
              : await this.stage(content, options),
          );
        },
      );
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private checkBody(headers: BodyInfo, limit: number): void {
    if (headers.consumed) {
      throw new BadRequestError(
        "Send the file's bytes as the raw request body (Content-Type: application/data).",
      );
    }
    if (headers.contentLength !== undefined && headers.contentLength > limit) {
      throw new PayloadTooLargeError(`File too large: the limit is ${limit} bytes.`);
    }
  }

  /** A request body (or one part of it) as it arrives: staged, and its bytes counted. */
  private stageUpload(body: Readable, options: StageOptions): Promise<StagedBlob> {
    return this.stage(body, options, this.countUploaded);
  }

  private readonly countUploaded = (bytes: number): void => this.transfers.countUploaded(bytes);

  /**
   * Stages through a relay so that a refused upload destroys only the relay, never the
   * request: the client must still get its 413 on the same socket.
   */
  private async stage(
    body: Readable,
    options: StageOptions = {},
    count?: (bytes: number) => void,
  ): Promise<StagedBlob> {
    const relay = relayOf(body, count);
    try {
      return await this.blobs.stage(relay, options);
    } catch (error) {
      abandon(body, relay);
      throw error;
    }
  }
}

function requireFilename(headers: UploadHeaders): void {
  if (!headers.hasFilename) {
    throw new BadRequestError(MISSING_FILENAME);
  }
}

/** The files data.world's `expandArchive(s)` unpacks: zips, by name. */
const ZIP_NAME = /\.zip$/i;

/** Zip entries up to this size are read into one buffer and staged in one write. */
const SMALL_ENTRY_BYTES = 64 * 1024;

/** Files per batch of a files-multi answer, as a cursor's batches. */
const ANSWER_BATCH_ENTRIES = 1000;

/** A (small) stream's bytes in one buffer. */
async function readAll(content: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/**
 * A stream of `body` that can be destroyed without destroying `body` itself; `count` hears the
 * length of each chunk that passes.
 */
function relayOf(body: Readable, count?: (bytes: number) => void): Transform {
  const relay = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      count?.(chunk.length);
      callback(null, chunk);
    },
  });
  // The consumer's pipeline attaches only after some awaits (BlobStore.stage makes its staging
  // file first); an error before then, with no listener, would be an uncaught exception that
  // takes the process down. The pipeline still sees it: the relay stays destroyed with it.
  relay.on('error', () => undefined);
  body.once('error', (error) => relay.destroy(error));
  // A client that hangs up mid-body may close the request without an error event.
  body.once('close', () => {
    if (!body.readableEnded) {
      relay.destroy(new Error('The upload was interrupted'));
    }
  });
  body.pipe(relay);
  return relay;
}

/** Stops relaying; the rest of the body is read and dropped so the answer can still be sent. */
function abandon(body: Readable, relay: Transform): void {
  body.unpipe(relay);
  relay.destroy();
  body.resume();
}

/** Fails the pipeline with 413 as soon as more than `limit` bytes pass. */
function limitBytes(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? new BlobTooLargeError(limit) : null, chunk);
    },
  });
}
