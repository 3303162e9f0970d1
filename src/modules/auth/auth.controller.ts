import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator.js';
import { PasswordRateLimit } from '../../common/http/rate-limit.decorator.js';
import { ObtainTokenDto, RefreshTokenDto, VerifyTokenDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';

@ApiTags('v1 auth')
@Public()
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('obtain')
  @HttpCode(200)
  @PasswordRateLimit()
  @ApiOperation({ summary: 'Obtain a refresh and an access token for a username and password' })
  obtain(@Body() dto: ObtainTokenDto): Promise<{ refresh: string; access: string }> {
    return this.auth.obtain(dto.username, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new access token' })
  refresh(@Body() dto: RefreshTokenDto): Promise<{ access: string }> {
    return this.auth.refresh(dto.refresh);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check that an access or refresh token is valid (200 {})' })
  verify(@Body() dto: VerifyTokenDto): Promise<Record<string, never>> {
    return this.auth.verify(dto.token);
  }
}
