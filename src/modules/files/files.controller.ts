import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { NotAcceptableError } from '../../common/errors/domain-error.js';
import { sendJsonArray } from '../../common/http/json-stream.js';
import { ParsePkPipe, wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { V1Errors, V1PkParam } from '../../common/http/v1-openapi.js';
import { sendStoredFile } from '../../common/http/stored-file-response.js';
import type { StoredFile } from '../dataset-files/dataset-files.service.js';
import { V1_DATASET_CALLERS } from '../datasets/v1/dataset-openapi.js';
import { FileTransferMetrics } from './file-transfer.metrics.js';
import { UploadsService, type UploadHeaders } from './uploads.service.js';
import {
  V1FileBytesResponses,
  V1NamedFileResponse,
  V1NamedFilesResponse,
  V1RawUploadBody,
  V1WildcardParam,
} from './v1/files-openapi.js';
import { namedFileJson, writeNamedFile, type NamedFileJson } from './v1/named-file.presenter.js';

function uploadHeaders(request: Request): UploadHeaders {
  const length = request.headers['content-length'];
  return {
    hasFilename: /(^|;)\s*filename\*?=/i.test(request.headers['content-disposition'] ?? ''),
    contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined,
    consumed: (request as Request & { _body?: boolean })._body === true || request.readableEnded,
  };
}

/** Binary answers are `application/data`, as UFDL's renderer labels them. */
function assertAcceptsBinary(request: Request): void {
  if (!request.accepts('application/data')) {
    throw new NotAcceptableError();
  }
}

const { READERS, WRITERS } = V1_DATASET_CALLERS;
const FILE_READ_ERRORS = {
  401: 'Not public, and no valid token (or a token was sent and is not valid)',
  403: "Not public, and not a member of the dataset's team",
  404: 'No such dataset, or no file of that name',
  406: '`Accept` does not allow `application/data`',
  416: 'A `Range` outside the file',
};

@ApiTags('files')
@ApiBearerAuth()
@Controller('v1/datasets/:pk')
export class FilesController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly transfers: FileTransferMetrics,
  ) {}

  @Post('files/*filename')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload a file',
    description:
      "The raw request body is the file's bytes, streamed to storage, stored under `filename` " +
      '(a name the dataset already has is refused: delete it first). `Content-Disposition` ' +
      'must carry a `filename` ' +
      'parameter, whose value is not used. A name ending in `/` gets the next free number in ' +
      `that directory (\`images/\` → \`images/1\`). Who: ${WRITERS} Not while the dataset is ` +
      'soft-deleted.',
  })
  @V1PkParam('pk', 'The dataset')
  @V1WildcardParam('filename')
  @V1RawUploadBody({ description: "The file's bytes", exampleFilename: 'hello.txt' })
  @V1NamedFileResponse('Stored: the name it got and its handle')
  @V1Errors({
    400:
      'No `filename` in Content-Disposition, a bad name (`..` above the top, a NUL, a ' +
      'backslash), a name already in use, a body sent as JSON or a form, or a deleted dataset',
    401: 'No valid token',
    403: "Not a write member of the dataset's team (or a token without the `write` scope)",
    404: 'No such dataset',
    413: 'Larger than the upload limit',
  })
  async addFile(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('filename') filename: string | string[],
    @Req() request: Request,
  ): Promise<NamedFileJson> {
    const added = await this.uploads.addFile(
      caller,
      pk,
      wildcardParam(filename),
      uploadHeaders(request),
      request,
    );
    return namedFileJson(added);
  }

  @Post('files-multi')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload a zip: add every entry as a file',
    description:
      'The raw request body is a zip; each of its entries is stored as a file under its path ' +
      'in the archive, all or none, replacing files of those names. `Content-Disposition` must ' +
      'carry a `filename` parameter (its value is not used). Answers the files added, in ' +
      `archive order. Who: ${WRITERS} Not while the dataset is soft-deleted.`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1RawUploadBody({
    description: 'A zip archive',
    exampleFilename: 'files.zip',
    mediaTypes: ['application/zip'],
  })
  @V1NamedFilesResponse("Stored: each entry's name and handle, in archive order")
  @V1Errors({
    400:
      'No `filename` in Content-Disposition, not a readable zip, an unsafe entry name, an ' +
      'entry inflating far beyond its size, or a deleted dataset',
    401: 'No valid token',
    403: "Not a write member of the dataset's team (or a token without the `write` scope)",
    404: 'No such dataset',
    413: 'Too many entries, or the zip or an entry larger than the limits',
  })
  async addFiles(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const added = await this.uploads.addFiles(caller, pk, uploadHeaders(request), request);
    // Streamed in batches: the answer to 100,000 entries is never one array or one string.
    response.status(200);
    await sendJsonArray(response, added.first, added.rest, writeNamedFile);
  }

  @Get('files/*filename')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Download a file',
    description:
      "The file's bytes, as `application/data` (`Accept` must allow it). Supports `Range` " +
      `(one range: 206), \`If-None-Match\` (304) and HEAD. Who: ${READERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1WildcardParam('filename')
  @V1FileBytesResponses()
  @V1Errors(FILE_READ_ERRORS)
  async getFile(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('filename') filename: string | string[],
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    assertAcceptsBinary(request);
    const file = await this.uploads.findFile(caller, pk, wildcardParam(filename));
    await this.send(file, request, response);
  }

  @Get('file-handles/*handle')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Download a file by its handle',
    description:
      "The bytes of the dataset's file with this handle (the SHA-256 of its bytes), as " +
      '`application/data`; as the download by name otherwise. Who: ' +
      READERS,
  })
  @V1PkParam('pk', 'The dataset')
  @V1WildcardParam('handle')
  @V1FileBytesResponses()
  @V1Errors({ ...FILE_READ_ERRORS, 404: 'No such dataset, or no file of it with this handle' })
  async getFileByHandle(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('handle') handle: string | string[],
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    assertAcceptsBinary(request);
    const file = await this.uploads.findFileByHandle(caller, pk, wildcardParam(handle));
    await this.send(file, request, response);
  }

  @Delete('files/*filename')
  @ApiOperation({
    summary: 'Delete a file',
    description:
      'Removes the file (and its metadata) from this dataset version; its bytes are ' +
      `reclaimed once no dataset refers to them. Who: ${WRITERS} Not while the dataset is ` +
      'soft-deleted.',
  })
  @V1PkParam('pk', 'The dataset')
  @V1WildcardParam('filename')
  @V1NamedFileResponse('Deleted: the name and handle it had')
  @V1Errors({
    400: 'The dataset is soft-deleted',
    401: 'No valid token',
    403: "Not a write member of the dataset's team",
    404: 'No such dataset, or no file of that name',
  })
  async deleteFile(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('filename') filename: string | string[],
  ): Promise<NamedFileJson> {
    return namedFileJson(await this.uploads.deleteFile(caller, pk, wildcardParam(filename)));
  }

  private send(file: StoredFile, request: Request, response: Response): Promise<void> {
    this.transfers.countDownload(response, 'file');
    return sendStoredFile(file, request, response, {
      contentType: 'application/data',
      open: (range) => this.uploads.openFile(file, range),
    });
  }
}
