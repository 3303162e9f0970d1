import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { UsersService } from '../users/users.service.js';
import { V0UserDto } from './v0/dataset.dto.js';
import { V0Errors } from './v0/v0-openapi.js';
import { userJson, type V0UserJson } from './v0/user.presenter.js';

/** data.world's `GET /v0/user`: who the token belongs to. */
@ApiTags('data.world v0')
@ApiBearerAuth()
@Controller('v0/user')
export class V0UserController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'The caller: username as `id`, display name, created and updated',
    description: 'Any signed-in caller (a JWT or an API token of any scope), about themselves.',
  })
  @ApiOkResponse({ type: V0UserDto, description: 'The caller' })
  @V0Errors({ 401: 'No token, or a bad one' })
  async get(@CurrentUser() caller: AuthUser): Promise<V0UserJson> {
    return userJson(await this.users.profile(caller.id));
  }
}
