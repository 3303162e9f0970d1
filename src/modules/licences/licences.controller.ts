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
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import {
  V1_REFUSAL,
  V1Errors,
  V1ListOk,
  V1ListRequest,
  V1PkParam,
} from '../../common/http/v1-openapi.js';
import { CreateLicenceDto, PatchLicenceDto } from './licence.dto.js';
import { SUBDESCRIPTOR_TYPES } from './licence.commands.js';
import { LicencesService } from './licences.service.js';
import { licenceJson, type LicenceJson } from './v1/licence.presenter.js';
import {
  createLicenceCommand,
  parseSubdescriptorModSpec,
  updateLicenceCommand,
} from './v1/licence.requests.js';
import { V1LicenceDto } from './v1/licence.responses.js';

const NO_LICENCE = 'No such licence';
const LICENCE_PK = 'The licence pk';
/** The licence of the create example on a fresh server (after the 20 seeded ones). */
const CREATED_LICENCE_PK = 21;
const BAD_FIELDS = 'A field is missing or invalid, or another licence has this name';

@ApiTags('licences')
@ApiBearerAuth()
// UFDL routes `licen[cs]es`: both spellings reach the same actions.
@Controller(['v1/licences', 'v1/licenses'])
export class LicencesController {
  constructor(private readonly licences: LicencesService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({
    summary: 'List licences',
    description:
      'Any user. FilterSpec fields: pk, name, url. The same route is served under ' +
      '`/v1/licenses` (UFDL accepts both spellings).',
  })
  @V1ListRequest()
  @V1ListOk(V1LicenceDto)
  @V1Errors({ 400: V1_REFUSAL.badList, 401: V1_REFUSAL.unauthenticated })
  async list(@ListParams() request: ListRequest, @Res() response: Response): Promise<void> {
    await sendList(response, await this.licences.list(request), (licence) =>
      JSON.stringify(licenceJson(licence)),
    );
  }

  @Post('create')
  @AdminOnly()
  @ApiOperation({
    summary: 'Create a licence',
    description:
      'Site admins only. It starts without sub-descriptors (add them with `subdescriptors`).',
  })
  @ApiBody({
    type: CreateLicenceDto,
    examples: {
      licence: {
        summary: 'A licence of your own',
        value: { name: 'In-house licence', url: 'https://example.com/licence' },
      },
    },
  })
  @ApiCreatedResponse({ type: V1LicenceDto })
  @V1Errors({ 400: BAD_FIELDS, 401: V1_REFUSAL.unauthenticated, 403: V1_REFUSAL.notSiteAdmin })
  async create(@Body() dto: CreateLicenceDto): Promise<LicenceJson> {
    return licenceJson(await this.licences.create(createLicenceCommand(dto)));
  }

  @Get(':pk')
  @ApiOperation({
    summary: 'Retrieve a licence with its sub-descriptor names',
    description: 'Any user.',
  })
  @V1PkParam('pk', LICENCE_PK)
  @ApiOkResponse({ type: V1LicenceDto })
  @V1Errors({ 401: V1_REFUSAL.unauthenticated, 404: NO_LICENCE })
  async retrieve(@Param('pk', ParsePkPipe) pk: number): Promise<LicenceJson> {
    return licenceJson(await this.licences.get(pk));
  }

  @Put(':pk')
  @AdminOnly()
  @ApiOperation({
    summary: 'Replace the name and URL of a licence',
    description: 'Site admins only. Both fields are required; sub-descriptors stay.',
  })
  @V1PkParam('pk', LICENCE_PK, CREATED_LICENCE_PK)
  @ApiBody({
    type: CreateLicenceDto,
    examples: {
      replace: {
        summary: 'The same name, a new URL',
        value: { name: 'In-house licence', url: 'https://example.com/licence/v2' },
      },
    },
  })
  @ApiOkResponse({ type: V1LicenceDto })
  @V1Errors({
    400: BAD_FIELDS,
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_LICENCE,
  })
  async update(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: CreateLicenceDto,
  ): Promise<LicenceJson> {
    return licenceJson(await this.licences.update(pk, createLicenceCommand(dto)));
  }

  @Patch(':pk')
  @AdminOnly()
  @ApiOperation({
    summary: 'Change the name and/or URL of a licence',
    description: 'Site admins only. Only the fields sent change.',
  })
  @V1PkParam('pk', LICENCE_PK, CREATED_LICENCE_PK)
  @ApiBody({
    type: PatchLicenceDto,
    examples: {
      url: { summary: 'Change the URL only', value: { url: 'https://example.com/licence/v3' } },
    },
  })
  @ApiOkResponse({ type: V1LicenceDto })
  @V1Errors({
    400: 'A field is invalid, or another licence has this name',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_LICENCE,
  })
  async partialUpdate(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchLicenceDto,
  ): Promise<LicenceJson> {
    return licenceJson(await this.licences.update(pk, updateLicenceCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({
    summary: 'Delete a licence',
    description: 'Site admins only, for a licence no dataset uses (deleted datasets included).',
  })
  @V1PkParam('pk', LICENCE_PK, CREATED_LICENCE_PK)
  @ApiNoContentResponse({ description: 'Deleted' })
  @V1Errors({
    400: 'Datasets still use the licence',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_LICENCE,
  })
  async destroy(@Param('pk', ParsePkPipe) pk: number): Promise<void> {
    await this.licences.delete(pk);
  }

  @Patch(':pk/subdescriptors')
  @AdminOnly()
  @ApiOperation({
    summary: 'Add or remove permissions, conditions, limitations or domains',
    description:
      'Site admins only. `names` are names (an unknown one is created on `add`) or pks of ' +
      'existing sub-descriptors of that type; a sub-descriptor no licence uses any more after ' +
      'a `remove` is deleted. Answers the licence as it is now.',
  })
  @V1PkParam('pk', LICENCE_PK, CREATED_LICENCE_PK)
  @ApiBody({
    examples: {
      add: {
        summary: 'Suit the licence to data too',
        value: { method: 'add', type: 'domains', names: ['Data'] },
      },
    },
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
  @ApiOkResponse({ type: V1LicenceDto })
  @V1Errors({
    400: 'A malformed body, or a pk that names no sub-descriptor of this type',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_LICENCE,
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
