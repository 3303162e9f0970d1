import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { sendJsonObject } from '../../common/http/json-stream.js';
import { ParsePkPipe, wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import { V1Errors, V1PkParam } from '../../common/http/v1-openapi.js';
import { V1_DATASET_CALLERS } from '../datasets/v1/dataset-openapi.js';
import { V1WildcardParam } from '../files/v1/files-openapi.js';
import { MetadataService } from './metadata.service.js';
import { parseFileMetadata } from './v1/file-metadata.requests.js';
import {
  V1FileMetadataBody,
  V1FileMetadataResponse,
  V1MetadataMapResponse,
} from './v1/metadata-openapi.js';

const { READERS, WRITERS } = V1_DATASET_CALLERS;
const READ_ERRORS = {
  401: 'Not public, and no valid token (or a token was sent and is not valid)',
  403: "Not public, and not a member of the dataset's team",
};

@ApiTags('metadata')
@ApiBearerAuth()
@Controller('v1/datasets/:pk/metadata')
export class MetadataController {
  constructor(private readonly metadata: MetadataService) {}

  @Get()
  @AllowAnonymous()
  @ApiOperation({
    summary: "Every file's metadata",
    description:
      "An object of each file's name and metadata, in the order the files were added. " +
      `Who: ${READERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1MetadataMapResponse()
  @V1Errors({ ...READ_ERRORS, 404: 'No such dataset' })
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
  @ApiOperation({
    summary: "Set a file's metadata",
    description:
      "Replaces the file's metadata with the string sent, and answers it. " +
      `Who: ${WRITERS} Not while the dataset is soft-deleted.`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1WildcardParam('filename')
  @V1FileMetadataBody()
  @V1FileMetadataResponse('Set: the metadata as stored')
  @V1Errors({
    400:
      'Not exactly `{"metadata": "<string>"}` (or a NUL in it), no file of that name, or a ' +
      'deleted dataset',
    401: 'No valid token',
    403: "Not a write member of the dataset's team",
    404: 'No such dataset',
    415: 'A body that is not JSON',
  })
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
  @ApiOperation({
    summary: "A file's metadata",
    description: `One file's metadata (the empty string when none was set). Who: ${READERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1WildcardParam('filename')
  @V1FileMetadataResponse("The file's metadata")
  @V1Errors({ ...READ_ERRORS, 404: 'No such dataset, or no file of that name' })
  async get(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('filename') filename: string | string[],
  ): Promise<{ metadata: string }> {
    return { metadata: await this.metadata.get(caller, pk, wildcardParam(filename)) };
  }
}
