import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { sendJsonObject } from '../../common/http/json-stream.js';
import { ParsePkPipe, wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import { MetadataService } from './metadata.service.js';
import { parseFileMetadata } from './v1/file-metadata.requests.js';

@ApiTags('v1 dataset metadata')
@ApiBearerAuth()
@Controller('v1/datasets/:pk/metadata')
export class MetadataController {
  constructor(private readonly metadata: MetadataService) {}

  @Get()
  @AllowAnonymous()
  @ApiOperation({ summary: 'Every file’s metadata: {filename: metadata}' })
  async all(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Res() response: Response,
  ): Promise<void> {
    const { first, rest } = await this.metadata.all(caller, pk);
    response.status(200);
    await sendJsonObject(response, first, rest);
  }

  @Post('*filename')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a file\'s metadata (body exactly {"metadata": "<string>"})' })
  @ApiBody({ schema: { type: 'object', properties: { metadata: { type: 'string' } } } })
  async set(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('filename') filename: string | string[],
    @Body() body: unknown,
  ): Promise<{ metadata: string }> {
    const metadata = await parseAfterRefusals(
      () => parseFileMetadata(body),
      () => this.metadata.checkSet(caller, pk),
    );
    return { metadata: await this.metadata.set(caller, pk, wildcardParam(filename), metadata) };
  }

  @Get('*filename')
  @AllowAnonymous()
  @ApiOperation({ summary: 'A file\'s metadata: {"metadata": "<string>"}' })
  async get(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('filename') filename: string | string[],
  ): Promise<{ metadata: string }> {
    return { metadata: await this.metadata.get(caller, pk, wildcardParam(filename)) };
  }
}
