import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { CreateLicenceDto, PatchLicenceDto } from './licence.dto.js';
import { SUBDESCRIPTOR_TYPES } from './licence.commands.js';
import { LicencesService } from './licences.service.js';
import { licenceJson, type LicenceJson } from './v1/licence.presenter.js';
import {
  createLicenceCommand,
  parseSubdescriptorModSpec,
  updateLicenceCommand,
} from './v1/licence.requests.js';

@ApiTags('v1 licences')
@ApiBearerAuth()
// UFDL routes `licen[cs]es`: both spellings reach the same actions.
@Controller(['v1/licences', 'v1/licenses'])
export class LicencesController {
  constructor(private readonly licences: LicencesService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({ summary: 'List licences (FilterSpec body on pk, name, url; ?limit&cursor)' })
  @ApiBody({ required: false, schema: { type: 'object' } })
  async list(@ListParams() request: ListRequest, @Res() response: Response): Promise<void> {
    await sendList(response, await this.licences.list(request), (licence) =>
      JSON.stringify(licenceJson(licence)),
    );
  }

  @Post('create')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a licence (site admins)' })
  async create(@Body() dto: CreateLicenceDto): Promise<LicenceJson> {
    return licenceJson(await this.licences.create(createLicenceCommand(dto)));
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a licence with its sub-descriptor names' })
  async retrieve(@Param('pk', ParsePkPipe) pk: number): Promise<LicenceJson> {
    return licenceJson(await this.licences.get(pk));
  }

  @Put(':pk')
  @AdminOnly()
  @ApiOperation({ summary: 'Replace the name and URL of a licence (site admins)' })
  async update(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: CreateLicenceDto,
  ): Promise<LicenceJson> {
    return licenceJson(await this.licences.update(pk, createLicenceCommand(dto)));
  }

  @Patch(':pk')
  @AdminOnly()
  @ApiOperation({ summary: 'Change the name and/or URL of a licence (site admins)' })
  async partialUpdate(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchLicenceDto,
  ): Promise<LicenceJson> {
    return licenceJson(await this.licences.update(pk, updateLicenceCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({ summary: 'Delete a licence (site admins); 400 while datasets use it' })
  async destroy(@Param('pk', ParsePkPipe) pk: number): Promise<void> {
    await this.licences.delete(pk);
  }

  @Patch(':pk/subdescriptors')
  @AdminOnly()
  @ApiOperation({
    summary: 'Add or remove permissions, conditions, limitations or domains (site admins)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['method', 'type', 'names'],
      properties: {
        method: { type: 'string', enum: ['add', 'remove'] },
        type: { type: 'string', enum: [...SUBDESCRIPTOR_TYPES] },
        names: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            oneOf: [
              { type: 'string', minLength: 1, maxLength: 100 },
              { type: 'integer', minimum: 1 },
            ],
          },
        },
      },
    },
  })
  async modifySubdescriptors(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() body: unknown,
  ): Promise<LicenceJson> {
    return licenceJson(
      await this.licences.modifySubdescriptors(pk, parseSubdescriptorModSpec(body)),
    );
  }
}
