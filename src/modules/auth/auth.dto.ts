import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ObtainTokenDto {
  @ApiProperty({ maxLength: 150, example: 'admin' })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(150, { message: 'Ensure this field has no more than 150 characters.' })
  username: string;

  @ApiProperty({
    maxLength: 1024,
    description: 'For `admin` on a fresh server: the password the first start printed in the log',
    example: 'password-from-the-log',
  })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(1024, { message: 'Ensure this field has no more than 1024 characters.' })
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ maxLength: 4096, description: 'The `refresh` of `/v1/auth/obtain`' })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(4096, { message: 'Ensure this field has no more than 4096 characters.' })
  refresh: string;
}

export class VerifyTokenDto {
  @ApiProperty({ maxLength: 4096, description: 'An access or refresh token' })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(4096, { message: 'Ensure this field has no more than 4096 characters.' })
  token: string;
}
