import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { V1Errors, V1ListRequest, V1PkParam } from '../../common/http/v1-openapi.js';
import { DatasetDto, PatchDatasetDto } from './dataset.dto.js';
import { DatasetsService } from './datasets.service.js';
import {
  V1_DATASET_CALLERS,
  V1DatasetBody,
  V1DatasetListResponse,
  V1DatasetPatchBody,
  V1DatasetResponse,
} from './v1/dataset-openapi.js';
import { datasetJson } from './v1/dataset.presenter.js';
import { createDatasetCommand, updateDatasetCommand } from './v1/dataset.requests.js';

/** Datasets are sent as JSON text written in order (files in upload order). */
const JSON_UTF8 = 'application/json; charset=utf-8';

const { READERS, WRITERS } = V1_DATASET_CALLERS;

const DATASET_UPDATE_ERRORS = {
  400:
    'Field errors (an invalid field, no such project or licence), or the project already ' +
    'has an active dataset of that name and version',
  401: 'No valid token',
  403: "Not a write member of the dataset's team (or of the team it would move to)",
  404: 'No such dataset',
  415: 'A body that is not JSON',
};

@ApiTags('datasets')
@ApiBearerAuth()
@Controller('v1/datasets')
export class DatasetsController {
  constructor(private readonly datasets: DatasetsService) {}

  @Post('list')
  @HttpCode(200)
  @AllowAnonymous()
  @ApiOperation({
    summary: 'List datasets',
    description:
      'The datasets a FilterSpec body selects among those the caller may see; soft-deleted ' +
      'versions only with `include_inactive` (their `deletion_time` set). Who: anyone (no token needed) ' +
      "sees the public ones; signed in, also those of the caller's teams; site admins, all.",
  })
  @V1ListRequest()
  @V1DatasetListResponse()
  @V1Errors({
    400: 'A FilterSpec, `limit` or `cursor` that is not valid, or malformed JSON',
    401: 'A token was sent and is not valid',
    415: 'A body that is not JSON',
  })
  @Header('Content-Type', JSON_UTF8)
  async list(
    @CurrentUser() caller: Caller,
    @ListParams() request: ListRequest,
    @Res() response: Response,
  ): Promise<void> {
    await sendList(response, await this.datasets.list(caller, request), datasetJson);
  }

  @Post('create')
  @ApiOperation({
    summary: 'Create a dataset',
    description:
      'Creates version 1 of a dataset, without files, in a project. Who: write members of ' +
      "the project's team and site admins; an API token needs the `write` scope.",
  })
  @V1DatasetBody()
  @V1DatasetResponse('Created', 201)
  @V1Errors({
    400:
      'Field errors (a missing or invalid field, no such project or licence), or the ' +
      'project already has an active dataset of that name',
    401: 'No valid token',
    403: "Not a write member of the project's team",
    415: 'A body that is not JSON',
  })
  @Header('Content-Type', JSON_UTF8)
  async create(@CurrentUser() caller: AuthUser, @Body() dto: DatasetDto): Promise<string> {
    return datasetJson(await this.datasets.create(caller, createDatasetCommand(dto)));
  }

  @Get(':pk')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Retrieve a dataset',
    description: `The dataset with its files map (name → handle). Who: ${READERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DatasetResponse('The dataset')
  @V1Errors({
    401: 'Not public, and no valid token (or a token was sent and is not valid)',
    403: "Not public, and not a member of the dataset's team",
    404: 'No such dataset',
  })
  @Header('Content-Type', JSON_UTF8)
  async retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<string> {
    return datasetJson(await this.datasets.retrieve(caller, pk));
  }

  @Put(':pk')
  @ApiOperation({
    summary: 'Update a dataset',
    description:
      'Replaces its name, project, licence, tags, description and is_public (its files stay). ' +
      `Who: ${WRITERS} Moving it to a project of another team needs write access there too.`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DatasetBody()
  @V1DatasetResponse('The dataset as updated')
  @V1Errors(DATASET_UPDATE_ERRORS)
  @Header('Content-Type', JSON_UTF8)
  async update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: DatasetDto,
  ): Promise<string> {
    return datasetJson(await this.datasets.update(caller, pk, updateDatasetCommand(dto)));
  }

  @Patch(':pk')
  @ApiOperation({
    summary: 'Partially update a dataset',
    description: `As PUT, changing only the fields sent. Who: ${WRITERS}`,
  })
  @V1PkParam('pk', 'The dataset')
  @V1DatasetPatchBody()
  @V1DatasetResponse('The dataset as updated')
  @V1Errors(DATASET_UPDATE_ERRORS)
  @Header('Content-Type', JSON_UTF8)
  async partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchDatasetDto,
  ): Promise<string> {
    return datasetJson(await this.datasets.update(caller, pk, updateDatasetCommand(dto)));
  }
}
