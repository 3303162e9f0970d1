import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { TOKEN_SCOPES } from '../../common/auth/auth-user.js';
import { SCOPE_NAMES } from './api-token-scopes.js';

export class CreateApiTokenDto {
  @ApiProperty({
    description: 'A name to recognise the token by',
    maxLength: 100,
    example: 'laptop',
  })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(100, { message: 'Ensure this field has no more than 100 characters.' })
  name: string;

  @ApiProperty({
    description:
      'What the token may do, at most (never more than its user may): `read`, `write` ' +
      '(includes read) or `admin` (everything the user may). ' +
      "data.world's `user_api_read`, `user_api_write` and `user_api_admin` are accepted as well.",
    enum: SCOPE_NAMES,
    isArray: true,
    example: ['write'],
  })
  @IsArray({ message: 'Expected a list of items.' })
  @ArrayNotEmpty({ message: 'This list may not be empty.' })
  @ArrayMaxSize(SCOPE_NAMES.length, { message: 'Too many scopes.' })
  @IsIn(SCOPE_NAMES, {
    each: true,
    message: `Each scope must be one of ${SCOPE_NAMES.join(', ')}.`,
  })
  scopes: string[];

  @ApiPropertyOptional({
    description: 'When the token stops working (ISO 8601, in the future); never when omitted',
    format: 'date-time',
    example: '2036-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Enter a valid ISO 8601 date and time.' })
  expires_at?: string;
}

/** A token as its owner sees it: never the secret, never its hash. */
export class ApiTokenDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'laptop' })
  name: string;

  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true, example: ['read', 'write'] })
  scopes: string[];

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expires_at: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the token last authenticated a request (to about a minute)',
  })
  last_used_at: string | null;
}

/** The answer to creating a token: the only time the secret is ever shown. */
export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    description: 'The secret, shown this once: send it as `Authorization: Bearer <token>`',
    example: 'strata_pat_3q2-7wEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXA',
  })
  token: string;
}
