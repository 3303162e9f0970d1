import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const USERNAME = /^[\w.@+-]+$/;
const USERNAME_MESSAGE =
  'Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.';

export class CreateUserDto {
  @ApiProperty({
    maxLength: 150,
    pattern: USERNAME.source,
    description: 'Letters, digits and @ . + - _',
  })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(150, { message: 'Ensure this field has no more than 150 characters.' })
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ writeOnly: true, maxLength: 1024, description: 'Stored hashed, never answered' })
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(1024, { message: 'Ensure this field has no more than 1024 characters.' })
  password: string;

  @ApiPropertyOptional({ maxLength: 150, description: 'Empty when created without it' })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(150, { message: 'Ensure this field has no more than 150 characters.' })
  first_name?: string;

  @ApiPropertyOptional({ maxLength: 150, description: 'Empty when created without it' })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(150, { message: 'Ensure this field has no more than 150 characters.' })
  last_name?: string;

  @ApiPropertyOptional({
    maxLength: 254,
    description: 'An email address, or empty (when created without it)',
  })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @ValidateIf((_object, value) => value !== '')
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254, { message: 'Ensure this field has no more than 254 characters.' })
  email?: string;

  @ApiPropertyOptional({ description: 'A site admin (false when created without it)' })
  @IsOptional()
  @IsBoolean({ message: 'Must be a valid boolean.' })
  is_staff?: boolean;

  @ApiPropertyOptional({
    description: 'False: deactivated, cannot log in (true when created without it)',
  })
  @IsOptional()
  @IsBoolean({ message: 'Must be a valid boolean.' })
  is_active?: boolean;
}

/** PUT: DRF's update needs username (password optional: re-hashed when present). */
export class UpdateUserDto extends CreateUserDto {
  @ApiPropertyOptional({
    writeOnly: true,
    maxLength: 1024,
    description: 'A new password (re-hashed); left out, the password stays',
  })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @IsNotEmpty({ message: 'This field may not be blank.' })
  @MaxLength(1024, { message: 'Ensure this field has no more than 1024 characters.' })
  declare password: string;
}

export class PatchUserDto extends PartialType(UpdateUserDto) {}
