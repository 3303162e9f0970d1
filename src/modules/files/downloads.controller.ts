import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { NotAcceptableError, RangeNotSatisfiableError } from '../../common/errors/domain-error.js';
import { attachmentDisposition } from '../../common/http/content-disposition.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { V1Errors, V1PkParam } from '../../common/http/v1-openapi.js';
import { V1_DATASET_CALLERS } from '../datasets/v1/dataset-openapi.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import { ArchiveService } from './archive.service.js';
import { parseDownloadBody } from './v1/download-body.requests.js';
import { V1ArchiveResponses, V1DownloadBody } from './v1/files-openapi.js';

@ApiTags('files')
@ApiBearerAuth()
@Controller('v1/datasets/:pk')
export class DownloadsController {
  constructor(private readonly archives: ArchiveService) {}

  @Post('download')
  @HttpCode(200)
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Download the dataset as an archive',
    description:
      'Every file of the dataset in a zip (entries stored) or a gzipped tar, streamed as it ' +
      'is built, as `application/data` (`Accept` must allow it). A zip of files whose CRC-32s ' +
      'were recorded at upload has a Content-Length and an ETag, and honours one `Range` ' +
      `(with \`If-Range\`) with a 206. Who: ${V1_DATASET_CALLERS.READERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DownloadBody()
  @V1ArchiveResponses()
  @V1Errors({
    400: 'Not a JSON object, or `filetype` or `params` of the wrong type',
    401: 'Not public, and no valid token (or a token was sent and is not valid)',
    403: "Not public, and not a member of the dataset's team",
    404: 'No such dataset',
    406: '`Accept` does not allow `application/data`',
    415: 'A `filetype` other than `zip` and `tar.gz`, or a body that is not JSON',
    416: 'A `Range` outside the zip',
    422: 'A `params` key other than `annotations_args`',
  })
  async download(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Every refusal (406, 401/403/404, 400/415/422) comes before the first header is sent.
    if (!request.accepts('application/data')) {
      throw new NotAcceptableError();
    }
    const format = await parseAfterRefusals(
      () => parseDownloadBody(body),
      () => this.archives.checkDownload(caller, pk),
    );
    const archive = await this.archives.prepare(caller, pk, format);
    const { known } = archive;
    const range = known && requestedRange(request, known.length, known.etag);
    if (known !== undefined) {
      response.setHeader('ETag', known.etag);
      response.setHeader('Accept-Ranges', 'bytes');
    }
    if (range === 'unsatisfiable') {
      throw new RangeNotSatisfiableError(known!.length);
    }
    response.setHeader('Content-Type', 'application/data');
    response.setHeader('Content-Disposition', attachmentDisposition(archive.filename));
    if (known === undefined) {
      // Streamed as it is built: no Content-Length, so Node sends it chunked.
      response.status(200);
      await archive.writeTo(response);
      return;
    }
    if (range === undefined) {
      response.status(200).setHeader('Content-Length', String(known.length));
      await archive.writeTo(response);
      return;
    }
    response.status(206);
    response.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${known.length}`);
    response.setHeader('Content-Length', String(range.end - range.start + 1));
    await archive.writeTo(response, range);
  }
}

/**
 * The one range to answer (RFC 9110 14.2): none without a Range header, when If-Range names
 * another ETag (or a date: the archive has no Last-Modified), or for several ranges (the whole
 * archive is then the answer, which the RFC allows, rather than a multipart body).
 */
function requestedRange(
  request: Request,
  length: number,
  etag: string,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (request.headers.range === undefined) {
    return undefined;
  }
  const ifRange = request.headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag) {
    return undefined;
  }
  const ranges = request.range(length);
  if (ranges === -1) {
    return 'unsatisfiable';
  }
  return Array.isArray(ranges) && ranges.length === 1 && ranges.type === 'bytes'
    ? ranges[0]
    : undefined;
}
