import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { attachmentDisposition } from '../../common/http/content-disposition.js';
import { wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { sendStoredFile } from '../../common/http/stored-file-response.js';
import type { DatasetArchive } from '../files/archive.service.js';
import { FileTransferMetrics } from '../files/file-transfer.metrics.js';
import { parseDatasetKey } from './v0/dataset-key.js';
import { mediaTypeOf } from './v0/media-type.js';
import { V0DownloadsService } from './v0/v0-downloads.service.js';
import { V0BinaryResponse, V0DatasetParams, V0Errors, V0FileParam } from './v0/v0-openapi.js';

/** The refusals every download shares: a bad slug, a bad token, an unknown or hidden dataset. */
const REFUSALS = {
  400: 'owner or id is not a slug',
  401: 'The bearer token is not valid (anonymous callers read OPEN datasets only)',
  404: 'No such dataset, or one the caller may not read',
} as const;
const ARCHIVE_BUSY = "The dataset's files kept changing while the zip was prepared: retry";

/**
 * data.world's read side: `GET /v0/download`, `GET /v0/file_download` (also without `/v0`, as
 * the Python client asks its query host) and `GET /datapackage` (its download host). Anyone may
 * read an open dataset; a token of any scope reads what its user may.
 */
@ApiTags('data.world v0')
@ApiBearerAuth()
@Controller()
export class V0DownloadsController {
  constructor(
    private readonly downloads: V0DownloadsService,
    private readonly transfers: FileTransferMetrics,
  ) {}

  @Get('v0/download/:owner/:id')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Download the dataset as a zip (members; anyone when it is OPEN)',
    description:
      'Every file of the newest version of the dataset, at its name, in a zip (entries ' +
      'stored), streamed as it is built. Sourced files never fetched are left out. ' +
      'Anonymous callers may download OPEN datasets.',
  })
  @V0DatasetParams()
  @V0BinaryResponse('application/zip', 'The zip')
  @V0Errors({ ...REFUSALS, 503: ARCHIVE_BUSY })
  async download(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const key = parseDatasetKey(owner, id);
    const archive = await this.downloads.datasetZip(caller, key);
    await sendArchive(archive, `${key.id}.zip`, request, response);
  }

  @Get(['v0/file_download/:owner/:id/*file', 'file_download/:owner/:id/*file'])
  @AllowAnonymous()
  @ApiOperation({
    summary: "Download one file's bytes (members; anyone when it is OPEN)",
    description:
      'The file of this name in the newest version of the dataset, as stored. The name is ' +
      'percent-encoded (`%2F` for a `/`, which may also come as it is). Content-Type is ' +
      "guessed from the name's extension. ETag, If-None-Match and a single-range `Range` " +
      '(206) are supported. A sourced file never fetched has no bytes: 404. Members may ' +
      'download; anonymous callers may download from OPEN datasets.',
  })
  @V0DatasetParams()
  @V0FileParam()
  @V0BinaryResponse('application/octet-stream', "The file's bytes (Content-Type by extension)")
  @ApiResponse({
    status: 206,
    description: 'The requested range of the bytes',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 304, description: 'Unchanged since the If-None-Match ETag' })
  @V0Errors({
    ...REFUSALS,
    404: 'No such dataset or file, a file never fetched, or a dataset the caller may not read',
    416: 'The range is beyond the file',
  })
  async fileDownload(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Param('file') file: string | string[],
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const key = parseDatasetKey(owner, id);
    const filename = wildcardParam(file);
    const found = await this.downloads.file(caller, key, filename);
    this.transfers.countDownload(response, 'file');
    await sendStoredFile(found.file, request, response, {
      contentType: mediaTypeOf(filename),
      open: found.open,
    });
  }

  @Get('datapackage/:owner/:id')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Download the dataset as a data package zip (members; anyone when it is OPEN)',
    description:
      "What the Python client's `load_dataset` reads: a zip whose folder `<owner>-<id>/` " +
      'holds `datapackage.json` (a Frictionless Data Package: one resource per file, with ' +
      '`path` `data/<name>`, `bytes`, `hash` `sha256:<hex>`, `mediatype`, `format`, and for a ' +
      'CSV the columns of its header line as a string-typed schema) and each file at ' +
      '`data/<name>`. Streamed as it is built. Anonymous callers may download OPEN datasets.',
  })
  @V0DatasetParams()
  @V0BinaryResponse('application/zip', 'The zip')
  @V0Errors({ ...REFUSALS, 503: ARCHIVE_BUSY })
  async dataPackage(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const key = parseDatasetKey(owner, id);
    const archive = await this.downloads.dataPackage(caller, key);
    await sendArchive(archive, `${key.owner}-${key.id}.zip`, request, response);
  }
}

/** Sends a prepared zip whole (its length and ETag when known ahead), or only its headers. */
async function sendArchive(
  archive: DatasetArchive,
  filename: string,
  request: Request,
  response: Response,
): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'application/zip');
  response.setHeader('Content-Disposition', attachmentDisposition(filename));
  if (archive.known !== undefined) {
    response.setHeader('Content-Length', String(archive.known.length));
    response.setHeader('ETag', archive.known.etag);
  }
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await archive.writeTo(response);
}
