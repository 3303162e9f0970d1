import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import {
  V1_REFUSAL,
  V1Errors,
  V1ListOk,
  V1ListRequest,
  V1PkParam,
} from '../../common/http/v1-openapi.js';
import { DomainsService } from './domains.service.js';
import { dataDomainJson, type DataDomainJson } from './v1/data-domain.presenter.js';
import { V1DataDomainDto } from './v1/data-domain.responses.js';

// Read-only on purpose: UFDL denies every mutating action on domains, admins included.
@ApiTags('domains')
@ApiBearerAuth()
@Controller('v1/domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({
    summary: 'List data domains',
    description:
      'Any user. The domains are fixed (UFDL refuses every change to them). FilterSpec ' +
      'fields: pk, name, description.',
  })
  @V1ListRequest()
  @V1ListOk(V1DataDomainDto)
  @V1Errors({ 400: V1_REFUSAL.badList, 401: V1_REFUSAL.unauthenticated })
  async list(@ListParams() request: ListRequest, @Res() response: Response): Promise<void> {
    await sendList(response, await this.domains.list(request), (domain) =>
      JSON.stringify(dataDomainJson(domain)),
    );
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a data domain', description: 'Any user.' })
  @V1PkParam('pk', 'The data domain pk')
  @ApiOkResponse({ type: V1DataDomainDto })
  @V1Errors({ 401: V1_REFUSAL.unauthenticated, 404: 'No such data domain' })
  async retrieve(@Param('pk', ParsePkPipe) pk: number): Promise<DataDomainJson> {
    return dataDomainJson(await this.domains.get(pk));
  }
}
