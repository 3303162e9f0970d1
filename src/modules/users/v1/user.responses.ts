import { ApiProperty } from '@nestjs/swagger';
import type { UserJson } from './user.presenter.js';

/** The /v1 user answer, field for field what `userJson` writes. */
export class V1UserDto implements UserJson {
  @ApiProperty({ example: 'alice' })
  username!: string;

  @ApiProperty({ type: 'integer', example: 2 })
  pk!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the user last authenticated a request (to about a minute)',
  })
  last_login!: string | null;

  @ApiProperty()
  is_superuser!: boolean;

  @ApiProperty({ example: 'Alice' })
  first_name!: string;

  @ApiProperty({ example: '' })
  last_name!: string;

  @ApiProperty({ example: 'alice@example.com' })
  email!: string;

  @ApiProperty({ description: 'A site admin' })
  is_staff!: boolean;

  @ApiProperty({ description: 'False once deactivated (users are never deleted)' })
  is_active!: boolean;

  @ApiProperty({ format: 'date-time' })
  date_joined!: string;
}
