import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { V1_REFUSAL, V1Errors, V1PkParam } from '../../common/http/v1-openapi.js';
import { ApiTokenDto, CreatedApiTokenDto, CreateApiTokenDto } from './api-token.dto.js';
import { toApiTokenJson, toCreatedApiTokenJson } from './api-token.mapper.js';
import { ApiTokensService } from './api-tokens.service.js';

/** Strata's own routes (under /api, outside both wire APIs): the caller's API tokens. */
@ApiTags('tokens')
@ApiBearerAuth()
@Controller('api/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API token of your own; the answer holds its secret, shown this once',
    description:
      'Any user, for themselves, with a password login (an access token from ' +
      '`/v1/auth/obtain`) or an API token with the admin scope. The token never does more than ' +
      'its user may.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @V1Errors({
    400: 'A field is missing or invalid, or `expires_at` is not in the future',
    401: V1_REFUSAL.unauthenticated,
    403: 'Sent with an API token without the admin scope',
  })
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
  @ApiOperation({
    summary: 'List your API tokens that are not revoked (never their secrets)',
    description:
      "Any user, with any token: the caller's own tokens, expired ones included (to be seen " +
      'and revoked), oldest first, with when each was last used.',
  })
  @ApiOkResponse({ type: ApiTokenDto, isArray: true })
  @V1Errors({ 401: V1_REFUSAL.unauthenticated })
  async list(@CurrentUser() caller: AuthUser): Promise<ApiTokenDto[]> {
    return (await this.tokens.list(caller)).map(toApiTokenJson);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke one of your API tokens; it stops working at once',
    description:
      'Any user, for their own tokens, with a password login or an API token with the admin ' +
      "scope. Another user's token is 404, as is one revoked already.",
  })
  @V1PkParam('id', 'The token id (`id` of the list)')
  @ApiNoContentResponse({ description: 'Revoked' })
  @V1Errors({
    401: V1_REFUSAL.unauthenticated,
    403: 'Sent with an API token without the admin scope',
    404: 'No such token of yours (or revoked already)',
  })
  async revoke(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParsePkPipe) id: number,
  ): Promise<void> {
    await this.tokens.revoke(caller, id);
  }
}
