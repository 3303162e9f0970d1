import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ObtainTokenDto {
  @ApiProperty()
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(150, { message: 'Ensure this field has no more than 150 characters.' })
  username: string;

  @ApiProperty()
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(1024, { message: 'Ensure this field has no more than 1024 characters.' })
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty()
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(4096, { message: 'Ensure this field has no more than 4096 characters.' })
  refresh: string;
}

export class VerifyTokenDto {
  @ApiProperty()
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(4096, { message: 'Ensure this field has no more than 4096 characters.' })
  token: string;
}
