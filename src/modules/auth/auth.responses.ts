import { ApiProperty } from '@nestjs/swagger';

const ACCESS_DESCRIPTION =
  'Access token (JWT): send it as `Authorization: Bearer <access>`; it expires after ' +
  '`ACCESS_TOKEN_LIFETIME` seconds (5 minutes by default)';

/** `POST /v1/auth/obtain`: simplejwt's pair, refresh first. */
export class V1TokenPairDto {
  @ApiProperty({
    description:
      'Refresh token (JWT): trade it at `/v1/auth/refresh` for new access tokens until it ' +
      'expires (`REFRESH_TOKEN_LIFETIME`, 8 hours by default)',
  })
  refresh!: string;

  @ApiProperty({ description: ACCESS_DESCRIPTION })
  access!: string;
}

/** `POST /v1/auth/refresh`: a new access token (the refresh token is not rotated). */
export class V1AccessTokenDto {
  @ApiProperty({ description: ACCESS_DESCRIPTION })
  access!: string;
}
