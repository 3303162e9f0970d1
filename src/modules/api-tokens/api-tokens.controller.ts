import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { ApiTokenDto, CreatedApiTokenDto, CreateApiTokenDto } from './api-token.dto.js';
import { toApiTokenJson, toCreatedApiTokenJson } from './api-token.mapper.js';
import { ApiTokensService } from './api-tokens.service.js';

/** Strata's own routes (under /api, outside both wire APIs): the caller's API tokens. */
@ApiTags('tokens')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No credentials, or a bad, expired or revoked token' })
@Controller('api/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API token of your own; the answer holds its secret, shown this once',
    description:
      'Needs a password login (a JWT from /v1/auth/obtain) or a token with the admin scope.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid: `{"<field>": [...]}`' })
  @ApiForbiddenResponse({ description: 'Sent with a token without the admin scope' })
  async create(
    @CurrentUser() caller: AuthUser,
    @Body() dto: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    const { token, secret } = await this.tokens.create(caller, {
      name: dto.name,
      scopes: dto.scopes,
      expiresAt: dto.expires_at,
    });
    return toCreatedApiTokenJson(token, secret);
  }

  @Get()
  @ApiOperation({ summary: 'List your API tokens that are not revoked (never their secrets)' })
  @ApiOkResponse({ type: ApiTokenDto, isArray: true })
  async list(@CurrentUser() caller: AuthUser): Promise<ApiTokenDto[]> {
    return (await this.tokens.list(caller)).map(toApiTokenJson);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke one of your API tokens; it stops working at once',
    description:
      "Another user's token is 404. Needs a password login or a token with the admin scope.",
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiForbiddenResponse({ description: 'Sent with a token without the admin scope' })
  @ApiNotFoundResponse({ description: 'No such token of yours (or revoked already)' })
  async revoke(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParsePkPipe) id: number,
  ): Promise<void> {
    await this.tokens.revoke(caller, id);
  }
}
