import type { Request, Response } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import { BadRequestError } from '../../../common/errors/domain-error.js';
import type { UploadBatch } from '../../files/uploads.service.js';

/** The one part name data.world's upload_files uses (`files={'file': ...}` per file). */
export const FILE_PART = 'file';

/** A failure of our own staging, passed through multer to be rethrown as it was. */
class StagingFailure extends Error {
  constructor(readonly failure: unknown) {
    super('Staging a part failed');
  }
}

/**
 * A multer storage engine that hands each part's stream to the upload batch, which stages it
 * in the blob store (hashed as it arrives): no part is held in memory or copied to a temp file
 * of multer's. Parts that fail are dropped by the batch (UploadBatch.discard), so there is
 * nothing for `_removeFile` to do.
 */
class BatchStorage implements StorageEngine {
  constructor(
    private readonly batch: UploadBatch,
    private readonly expandArchives: boolean,
  ) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    this.batch.add(file.originalname, file.stream, { expandArchive: this.expandArchives }).then(
      () => callback(null, {}),
      (error: unknown) => {
        // The part must be read to its end for busboy to reach the next one (or the end).
        file.stream.resume();
        callback(new StagingFailure(error));
      },
    );
  }

  _removeFile(
    _request: Request,
    _file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    callback(null);
  }
}

/**
 * Reads a `multipart/form-data` body into `batch`: every part must be a file named `file`
 * (its raw UTF-8 filename is the file's name). Called once the caller is authorised, so no
 * byte of a refused upload is stored. Answers how many files were read; the batch is not
 * committed here.
 */
export async function readMultipart(
  request: Request,
  response: Response,
  batch: UploadBatch,
  options: { expandArchives: boolean },
): Promise<number> {
  if (!request.is('multipart/form-data')) {
    throw new BadRequestError(
      `Send the files as multipart/form-data, one part named '${FILE_PART}' per file.`,
    );
  }
  const middleware = multer({
    storage: new BatchStorage(batch, options.expandArchives),
    // data.world's client sends the filename as raw UTF-8 bytes, without `filename*`.
    defParamCharset: 'utf8',
    // Any form field besides the files is a mistake of the caller's: refused, not ignored.
    limits: { fields: 0 },
  }).array(FILE_PART);
  await new Promise<void>((resolve, reject) => {
    middleware(request, response, (error?: unknown) => {
      if (error === undefined || error === null) {
        resolve();
      } else {
        reject(multipartError(error));
      }
    });
  });
  const files = (request as Request & { files?: unknown[] }).files ?? [];
  if (files.length === 0) {
    throw new BadRequestError(`No file: send each file as a part named '${FILE_PART}'.`);
  }
  return files.length;
}

/** Multer's and busboy's refusals as the 400 they are; our own failures as they were. */
function multipartError(error: unknown): Error {
  if (error instanceof StagingFailure) {
    return error.failure instanceof Error ? error.failure : new Error(String(error.failure));
  }
  if (error instanceof MulterError && error.code === 'LIMIT_UNEXPECTED_FILE') {
    return new BadRequestError(
      `Unexpected part '${error.field ?? ''}': every file part must be named '${FILE_PART}'.`,
    );
  }
  if (error instanceof MulterError && error.code === 'LIMIT_FIELD_COUNT') {
    return new BadRequestError(
      `Only file parts named '${FILE_PART}' are accepted, no other form fields.`,
    );
  }
  // Busboy's own (a missing boundary, a body cut short) and multer's other limits.
  const reason = error instanceof Error ? error.message : String(error);
  return new BadRequestError(`Malformed multipart body: ${reason}.`);
}
