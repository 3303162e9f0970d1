import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { encodeExtended } from 'content-disposition';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { NotAcceptableError } from '../../common/errors/domain-error.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { ARCHIVE_FORMATS, ArchiveService } from './archive.service.js';

/**
 * `attachment; filename="<name>"` as the reference sends it, made safe: the quoted name is an
 * ASCII fallback (quotes, backslashes, control and non-ASCII characters become `_`) and the
 * exact name follows as RFC 8187 `filename*` whenever the two differ (or the name holds
 * `%XX`, which browsers would decode in the plain parameter).
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const header = `attachment; filename="${fallback}"`;
  return fallback === filename && !/%[0-9A-Fa-f]{2}/.test(filename)
    ? header
    : `${header}; filename*=${encodeExtended(filename)}`;
}

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
      'it is built (members; anyone when the dataset is public)',
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
    const archive = await this.archives.prepare(caller, pk, body);
    // Streamed as it is built: no Content-Length, so Node sends it chunked.
    response.status(200);
    response.setHeader('Content-Type', 'application/data');
    response.setHeader('Content-Disposition', attachmentDisposition(archive.filename));
    await archive.writeTo(response);
  }
}
