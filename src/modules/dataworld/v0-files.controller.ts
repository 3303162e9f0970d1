import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { BadRequestError } from '../../common/errors/domain-error.js';
import { wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { DatasetsService } from '../datasets/datasets.service.js';
import { UploadsService, type BodyInfo } from '../files/uploads.service.js';
import { SourcesService } from '../sources/sources.service.js';
import { parseDatasetKey } from './v0/dataset-key.js';
import { readMultipart } from './v0/multipart-upload.js';
import { parseFlag, repeatedParam } from './v0/v0-query.js';
import {
  V0DatasetParams,
  V0Errors,
  V0FileParam,
  V0FlagQuery,
  V0MessageResponse,
  V0MultipartBody,
  V0RawBody,
} from './v0/v0-openapi.js';
import { V0MessageDto, v0Message } from './v0/v0-responses.js';

/** The refusals of every file write. */
const REFUSALS = {
  400: 'owner or id is not a slug, or a query value is malformed',
  401: 'No token, or a bad one',
  403: 'The caller may read the dataset but not write it (or the token scope is read)',
  404: 'No such dataset, or one the caller may not see',
} as const;
const SYNC_UNDER_WAY = 'A sync is already under way, or too many requests: see Retry-After';

function bodyInfo(request: Request): BodyInfo {
  const length = request.headers['content-length'];
  return {
    contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined,
    consumed: (request as Request & { _body?: boolean })._body === true || request.readableEnded,
  };
}

/**
 * data.world's file writes (spec Part A "Uploads", "Deleting files", sync): uploads replace
 * same-named files of the newest version of `owner/id`, deletes take the files' sources with
 * them, sync re-fetches every sourced file. All need write access in the owning team.
 */
@ApiTags('data.world v0')
@ApiBearerAuth()
@Controller('v0')
export class V0FilesController {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly uploads: UploadsService,
    private readonly sources: SourcesService,
  ) {}

  @Put('uploads/:owner/:id/files/*file')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload one file (raw body, any content type, chunked or not; write members)',
    description:
      'Streams the body into storage as the file of that name (a `/` in it makes a path), ' +
      'replacing a file of the same name and dropping its URL source. With ' +
      '`expandArchive=true` a `.zip` is stored as its entries instead. Over the upload size ' +
      'limit (MAX_UPLOAD_BYTES) is 413.',
  })
  @V0DatasetParams()
  @V0FileParam()
  @V0FlagQuery('expandArchive', 'Store a `.zip` as its entries')
  @V0RawBody()
  @V0MessageResponse('Uploaded')
  @V0Errors({
    ...REFUSALS,
    400: 'owner or id is not a slug, a bad file name or expandArchive, or a broken zip',
    413: 'Over the upload size limit (or a zip with too many entries)',
  })
  async uploadFile(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Param('file') file: string | string[],
    @Query('expandArchive') expandArchive: unknown,
    @Req() request: Request,
  ): Promise<V0MessageDto> {
    const key = parseDatasetKey(owner, id);
    const expand = parseFlag('expandArchive', expandArchive);
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    await this.uploads.replaceFile(dataset.id, wildcardParam(file), request, {
      expandArchive: expand,
      body: bodyInfo(request),
    });
    return v0Message('File uploaded.');
  }

  @Post('uploads/:owner/:id/files')
  @HttpCode(200)
  @ApiOperation({
    summary: "Upload files (multipart/form-data, one part named 'file' per file; write members)",
    description:
      "Each part's filename (raw UTF-8) is the file's name; every part is streamed into " +
      'storage and all are recorded together or none, each replacing a file of the same name ' +
      'and dropping its URL source. With `expandArchives=true` each `.zip` part is stored as ' +
      'its entries instead.',
  })
  @V0DatasetParams()
  @V0FlagQuery('expandArchives', 'Store each `.zip` part as its entries')
  @V0MultipartBody()
  @V0MessageResponse('Uploaded, all of them')
  @V0Errors({
    ...REFUSALS,
    400: 'owner or id is not a slug, a bad expandArchives, or a malformed multipart body',
    413: 'A file over the upload size limit',
  })
  async uploadFiles(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Query('expandArchives') expandArchives: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<V0MessageDto> {
    const key = parseDatasetKey(owner, id);
    const expand = parseFlag('expandArchives', expandArchives);
    // Authorised before a byte of the body is read.
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    const batch = this.uploads.openBatch(dataset.id);
    try {
      await readMultipart(request, response, batch, { expandArchives: expand });
      await batch.commit();
    } finally {
      await batch.discard();
    }
    return v0Message('File(s) uploaded.');
  }

  @Delete('datasets/:owner/:id/files/*file')
  @ApiOperation({
    summary: 'Delete a file and its URL source (write members)',
    description: 'Write members. An unknown file is 404.',
  })
  @V0DatasetParams()
  @V0FileParam()
  @V0MessageResponse('Deleted')
  @V0Errors({ ...REFUSALS, 404: 'No such dataset or file, or a dataset the caller may not see' })
  async deleteFile(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Param('file') file: string | string[],
  ): Promise<V0MessageDto> {
    const key = parseDatasetKey(owner, id);
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    await this.sources.deleteFiles(dataset.id, [wildcardParam(file)]);
    return v0Message('Dataset file has been successfully deleted.');
  }

  @Delete('datasets/:owner/:id/files')
  @ApiOperation({
    summary: 'Delete several files and their URL sources, all or none (write members)',
    description:
      'Write members. Repeat `name` per file (`+` is a space). No `name` is 400; an unknown ' +
      'one 404.',
  })
  @V0DatasetParams()
  @ApiQuery({
    name: 'name',
    required: true,
    description: 'A file to delete; repeat for each',
    style: 'form',
    explode: true,
    schema: { type: 'array', items: { type: 'string', minLength: 1 } },
  })
  @V0MessageResponse('Deleted, all of them')
  @V0Errors({
    ...REFUSALS,
    400: 'owner or id is not a slug, or no name given',
    404: 'No such dataset or file, or a dataset the caller may not see',
  })
  async deleteFiles(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Query('name') name: unknown,
  ): Promise<V0MessageDto> {
    const key = parseDatasetKey(owner, id);
    const names = repeatedParam(name);
    if (names.length === 0) {
      throw new BadRequestError("Name the files to delete: one 'name' query parameter each.");
    }
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    await this.sources.deleteFiles(dataset.id, names);
    return v0Message('Dataset files have been successfully deleted.');
  }

  @Post('datasets/:owner/:id/sync')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-fetch every URL-sourced file of the dataset (in the background)',
    description:
      'Write members. While a fetch of the dataset is queued or running: 429 with Retry-After.',
  })
  @V0DatasetParams()
  @V0MessageResponse('Sync started')
  @V0Errors({ ...REFUSALS, 429: SYNC_UNDER_WAY })
  sync(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
  ): Promise<V0MessageDto> {
    return this.startSync(caller, owner, id);
  }

  @Get('datasets/:owner/:id/sync')
  @ApiOperation({
    summary: 'Re-fetch every URL-sourced file (GET, for webhooks and scripts)',
    description:
      'Write members; the same as POST: while a fetch is queued or running, 429 with ' +
      'Retry-After.',
  })
  @V0DatasetParams()
  @V0MessageResponse('Sync started')
  @V0Errors({ ...REFUSALS, 429: SYNC_UNDER_WAY })
  syncViaGet(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
  ): Promise<V0MessageDto> {
    return this.startSync(caller, owner, id);
  }

  private async startSync(caller: Caller, owner: string, id: string): Promise<V0MessageDto> {
    const key = parseDatasetKey(owner, id);
    const { dataset } = await this.datasets.findBySlugFor(caller, key.owner, key.id, 'write');
    await this.sources.sync(dataset.id);
    return v0Message('Sync started.');
  }
}
