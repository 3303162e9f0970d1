import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator.js';
import { PasswordRateLimit } from '../../common/http/rate-limit.decorator.js';
import { V1Errors } from '../../common/http/v1-openapi.js';
import { ObtainTokenDto, RefreshTokenDto, VerifyTokenDto } from './auth.dto.js';
import { V1AccessTokenDto, V1TokenPairDto } from './auth.responses.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Public()
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('obtain')
  @HttpCode(200)
  @PasswordRateLimit()
  @ApiOperation({
    summary: 'Obtain a refresh and an access token for a username and password',
    description:
      'Anyone (no token needed). The first start creates the site admin `admin` and prints its ' +
      'password once in the log (or `ADMIN_USERNAME`/`ADMIN_PASSWORD` choose them). Limited to ' +
      '`RATE_LIMIT_AUTH` calls a minute per client address, against password guessing.',
  })
  @ApiOkResponse({ type: V1TokenPairDto, description: 'The token pair, refresh first' })
  @V1Errors({
    400: 'A field is missing, blank or too long',
    401: 'No active account with these credentials',
  })
  obtain(@Body() dto: ObtainTokenDto): Promise<{ refresh: string; access: string }> {
    return this.auth.obtain(dto.username, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade a refresh token for a new access token',
    description:
      'Anyone holding a refresh token (no Authorization header needed). The refresh token ' +
      'stays valid until it expires, so clients may refresh in parallel.',
  })
  @ApiOkResponse({ type: V1AccessTokenDto, description: 'A new access token' })
  @V1Errors({
    400: 'The field is missing, blank or too long',
    401: "Invalid, expired or not a refresh token, or its user can't act any more",
  })
  refresh(@Body() dto: RefreshTokenDto): Promise<{ access: string }> {
    return this.auth.refresh(dto.refresh);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check that an access or refresh token is valid',
    description: 'Anyone (no Authorization header needed). Answers an empty object when valid.',
  })
  @ApiOkResponse({
    description: 'Valid: an empty object',
    schema: { type: 'object', maxProperties: 0, example: {} },
  })
  @V1Errors({ 400: 'The field is missing, blank or too long', 401: 'Invalid or expired' })
  verify(@Body() dto: VerifyTokenDto): Promise<Record<string, never>> {
    return this.auth.verify(dto.token);
  }
}
