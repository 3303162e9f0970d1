import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { DomainsService } from './domains.service.js';
import { dataDomainJson, type DataDomainJson } from './v1/data-domain.presenter.js';

// Read-only on purpose: UFDL denies every mutating action on domains, admins included.
@ApiTags('v1 domains')
@ApiBearerAuth()
@Controller('v1/domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({
    summary: 'List data domains (FilterSpec body on pk, name, description; ?limit&cursor)',
  })
  @ApiBody({ required: false, schema: { type: 'object' } })
  async list(@ListParams() request: ListRequest, @Res() response: Response): Promise<void> {
    await sendList(response, await this.domains.list(request), (domain) =>
      JSON.stringify(dataDomainJson(domain)),
    );
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a data domain' })
  async retrieve(@Param('pk', ParsePkPipe) pk: number): Promise<DataDomainJson> {
    return dataDomainJson(await this.domains.get(pk));
  }
}
