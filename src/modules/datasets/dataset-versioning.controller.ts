import { Body, Controller, Delete, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { DatasetVersioningService } from './dataset-versioning.service.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import { datasetJson } from './v1/dataset.presenter.js';
import { parseCopyOptions, parseMergeSpec } from './v1/versioning.requests.js';

/** Dataset JSON is sent as PostgreSQL built it (files in upload order, any file count). */
const JSON_UTF8 = 'application/json; charset=utf-8';

@ApiTags('v1 dataset versions')
@ApiBearerAuth()
@Controller('v1/datasets/:pk')
export class DatasetVersioningController {
  constructor(private readonly versioning: DatasetVersioningService) {}

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft-delete a dataset version (write members); its slot is freed' })
  async destroy(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<void> {
    await this.versioning.destroy(caller, pk);
  }

  @Delete('hard')
  @Header('Content-Type', JSON_UTF8)
  @AdminOnly()
  @ApiOperation({ summary: 'Delete a dataset for good (site admins); answers it as it was' })
  async hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<string> {
    return datasetJson(await this.versioning.hardDelete(pk));
  }

  @Delete('reinstate')
  @Header('Content-Type', JSON_UTF8)
  @AdminOnly()
  @ApiOperation({ summary: 'Undo a soft delete (site admins); 400 when its slot is taken' })
  async reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<string> {
    return datasetJson(await this.versioning.reinstate(pk));
  }

  @Delete('clear')
  @Header('Content-Type', JSON_UTF8)
  @ApiOperation({ summary: "Blank every file's metadata (write members)" })
  async clear(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<string> {
    return datasetJson(await this.versioning.clear(caller, pk));
  }

  @Post('copy')
  @Header('Content-Type', JSON_UTF8)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Copy as the next version, or as a new dataset with new_name (write members); files ' +
      'and metadata are carried by reference, never by copying bytes',
  })
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: {
        new_name: { type: 'string', nullable: true },
        only_files: { type: 'array', items: { type: 'string' }, nullable: true },
      },
    },
  })
  async copy(
    @CurrentUser() caller: AuthUser,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() body: unknown,
  ): Promise<string> {
    const options = await parseAfterRefusals(
      () => parseCopyOptions(body),
      () => this.versioning.checkCopy(caller, pk),
    );
    return datasetJson(await this.versioning.copy(caller, pk, options));
  }

  @Post('merge/:source')
  @Header('Content-Type', JSON_UTF8)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Merge another dataset's files into this one (write members of both); optionally " +
      'delete the source (hard: site admins)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['delete'],
      properties: { delete: { type: 'boolean' }, hard: { type: 'boolean', default: false } },
    },
  })
  async merge(
    @CurrentUser() caller: AuthUser,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('source', ParsePkPipe) source: number,
    @Body() body: unknown,
  ): Promise<string> {
    const options = await parseAfterRefusals(
      () => parseMergeSpec(body),
      () => this.versioning.checkMerge(caller, pk, source),
    );
    return datasetJson(await this.versioning.merge(caller, pk, source, options));
  }
}
