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
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { DatasetDto, PatchDatasetDto } from './dataset.dto.js';
import { DatasetsService } from './datasets.service.js';
import { datasetJson } from './v1/dataset.presenter.js';
import { createDatasetCommand, updateDatasetCommand } from './v1/dataset.requests.js';

/** Datasets are sent as JSON text written in order (files in upload order). */
const JSON_UTF8 = 'application/json; charset=utf-8';

@ApiTags('v1 datasets')
@ApiBearerAuth()
@Controller('v1/datasets')
export class DatasetsController {
  constructor(private readonly datasets: DatasetsService) {}

  @Post('list')
  @HttpCode(200)
  @AllowAnonymous()
  @ApiOperation({
    summary: "List datasets: public ones, plus (signed in) those of the caller's teams",
  })
  @ApiBody({ required: false, schema: { type: 'object' } })
  @Header('Content-Type', JSON_UTF8)
  async list(
    @CurrentUser() caller: Caller,
    @ListParams() request: ListRequest,
    @Res() response: Response,
  ): Promise<void> {
    await sendList(response, await this.datasets.list(caller, request), datasetJson);
  }

  @Post('create')
  @ApiOperation({ summary: "Create a dataset, version 1 (write members of the project's team)" })
  @Header('Content-Type', JSON_UTF8)
  async create(@CurrentUser() caller: AuthUser, @Body() dto: DatasetDto): Promise<string> {
    return datasetJson(await this.datasets.create(caller, createDatasetCommand(dto)));
  }

  @Get(':pk')
  @AllowAnonymous()
  @ApiOperation({ summary: 'Retrieve a dataset (members; anyone when it is public)' })
  @Header('Content-Type', JSON_UTF8)
  async retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<string> {
    return datasetJson(await this.datasets.retrieve(caller, pk));
  }

  @Put(':pk')
  @ApiOperation({ summary: 'Update a dataset (write members; moving needs write in both teams)' })
  @Header('Content-Type', JSON_UTF8)
  async update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: DatasetDto,
  ): Promise<string> {
    return datasetJson(await this.datasets.update(caller, pk, updateDatasetCommand(dto)));
  }

  @Patch(':pk')
  @ApiOperation({ summary: 'Partially update a dataset (as PUT)' })
  @Header('Content-Type', JSON_UTF8)
  async partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchDatasetDto,
  ): Promise<string> {
    return datasetJson(await this.datasets.update(caller, pk, updateDatasetCommand(dto)));
  }
}
