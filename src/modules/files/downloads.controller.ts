import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { NotAcceptableError, RangeNotSatisfiableError } from '../../common/errors/domain-error.js';
import { attachmentDisposition } from '../../common/http/content-disposition.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import { ARCHIVE_FORMATS, ArchiveService } from './archive.service.js';
import { parseDownloadBody } from './v1/download-body.requests.js';

@ApiTags('v1 dataset files')
@ApiBearerAuth()
@Controller('v1/datasets/:pk')
export class DownloadsController {
  constructor(private readonly archives: ArchiveService) {}

  @Post('download')
  @HttpCode(200)
  @AllowAnonymous()
  @ApiOperation({
    summary:
      "Download the dataset's files as a zip (entries stored) or tar.gz archive, streamed as " +
      'it is built (members; anyone when the dataset is public). A zip of files whose CRC-32s ' +
      'were recorded at upload has a Content-Length and an ETag, and honours a single-range ' +
      '`Range` (with `If-Range`) by answering 206.',
  })
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: {
        filetype: { type: 'string', enum: [...ARCHIVE_FORMATS], default: 'zip' },
        params: {
          type: 'object',
          description: 'Only `annotations_args` is accepted (and ignored)',
          additionalProperties: {
            oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
          },
        },
      },
    },
  })
  @ApiProduces('application/data')
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
