import { Body, Controller, Delete, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { V1Errors, V1PkParam } from '../../common/http/v1-openapi.js';
import { DatasetVersioningService } from './dataset-versioning.service.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import {
  V1_DATASET_CALLERS,
  V1CopyBody,
  V1DatasetResponse,
  V1MergeBody,
} from './v1/dataset-openapi.js';
import { datasetJson } from './v1/dataset.presenter.js';
import { parseCopyOptions, parseMergeSpec } from './v1/versioning.requests.js';

/** Dataset JSON is sent as PostgreSQL built it (files in upload order, any file count). */
const JSON_UTF8 = 'application/json; charset=utf-8';

const { ADMINS, WRITERS } = V1_DATASET_CALLERS;
const ADMIN_ERRORS = {
  401: 'No valid token',
  403: 'Not a site admin',
  404: 'No such dataset',
};

/**
 * Tags are per route: a class-level tag would be added to the admin-only routes, which belong
 * under `admin` alone.
 */
@ApiBearerAuth()
@Controller('v1/datasets/:pk')
export class DatasetVersioningController {
  constructor(private readonly versioning: DatasetVersioningService) {}

  @Delete()
  @HttpCode(204)
  @ApiTags('datasets')
  @ApiOperation({
    summary: 'Delete a dataset (soft)',
    description:
      'Marks this version deleted (`deletion_time`): it keeps its files and stays readable, ' +
      'but its name, version and slug are free for others, and its files and metadata cannot ' +
      `change until a site admin reinstates it. Deleting it again changes nothing. Who: ${WRITERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @ApiResponse({ status: 204, description: 'Deleted (no body)' })
  @V1Errors({
    401: 'No valid token',
    403: "Not a write member of the dataset's team",
    404: 'No such dataset',
  })
  async destroy(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<void> {
    await this.versioning.destroy(caller, pk);
  }

  @Delete('hard')
  @Header('Content-Type', JSON_UTF8)
  @AdminOnly()
  @ApiTags('admin')
  @ApiOperation({
    summary: 'Delete a dataset for good',
    description:
      'Removes the dataset and its files; bytes no other dataset uses are reclaimed. Answers ' +
      `the dataset as it was. Who: ${ADMINS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DatasetResponse('Deleted: the dataset as it was')
  @V1Errors(ADMIN_ERRORS)
  async hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<string> {
    return datasetJson(await this.versioning.hardDelete(pk));
  }

  @Delete('reinstate')
  @Header('Content-Type', JSON_UTF8)
  @AdminOnly()
  @ApiTags('admin')
  @ApiOperation({
    summary: 'Reinstate a soft-deleted dataset',
    description:
      'Undoes a soft delete (an active dataset is answered unchanged). Refused when another ' +
      `active dataset took its name and version, or its slug, meanwhile. Who: ${ADMINS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DatasetResponse('The dataset, active')
  @V1Errors({ 400: 'Its name and version, or its slug, are taken by now', ...ADMIN_ERRORS })
  async reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<string> {
    return datasetJson(await this.versioning.reinstate(pk));
  }

  @Delete('clear')
  @Header('Content-Type', JSON_UTF8)
  @ApiTags('versioning')
  @ApiOperation({
    summary: "Clear every file's metadata",
    description: `Sets every file's metadata to the empty string. Who: ${WRITERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DatasetResponse('The dataset')
  @V1Errors({
    400: 'The dataset is soft-deleted',
    401: 'No valid token',
    403: "Not a write member of the dataset's team",
    404: 'No such dataset',
  })
  async clear(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<string> {
    return datasetJson(await this.versioning.clear(caller, pk));
  }

  @Post('copy')
  @Header('Content-Type', JSON_UTF8)
  @HttpCode(200)
  @ApiTags('versioning')
  @ApiOperation({
    summary: 'Copy a dataset',
    description:
      'Copies it as the next version of the same name (numbered after the highest active ' +
      'one), or with `new_name` as version 1 of a new dataset, in the same project. Files and ' +
      'their metadata are shared with the original, never copied byte by byte; `only_files` ' +
      `keeps only those. Who: ${WRITERS} Not while it is soft-deleted.`,
  })
  @V1PkParam('pk', 'The dataset to copy')
  @V1CopyBody()
  @V1DatasetResponse('The copy')
  @V1Errors({
    400: 'A bad `new_name` or `only_files`, a name already taken, or a deleted dataset',
    401: 'No valid token',
    403: "Not a write member of the dataset's team",
    404: 'No such dataset',
    415: 'A body that is not JSON',
    422: 'Keys other than `new_name` and `only_files`',
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
  @ApiTags('versioning')
  @ApiOperation({
    summary: "Merge another dataset's files into this one",
    description:
      "Adds the source's files (and their metadata) to this dataset, replacing files of the " +
      'same names, then optionally deletes the source: soft, or for good with `hard` (site ' +
      'admins only). Both must be of the same data domain. Merging a dataset into itself ' +
      "changes nothing. Who: write members of both datasets' teams and site admins; an API " +
      'token needs the `write` scope. Not while either is soft-deleted.',
  })
  @V1PkParam('pk', 'The dataset merged into')
  @V1PkParam('source', 'The dataset whose files are merged in')
  @V1MergeBody()
  @V1DatasetResponse('This dataset, after the merge')
  @V1Errors({
    400: 'Not a MergeSpec (`delete` missing, not booleans, other keys), or a deleted dataset',
    401: 'No valid token',
    403:
      "Not a write member of both datasets' teams, or `hard` deletion asked by someone " +
      'who is not a site admin',
    404: 'No such dataset (either)',
    406: 'The datasets are of different data domains',
    415: 'A body that is not JSON',
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
