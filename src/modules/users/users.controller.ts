import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe, wildcardParam } from '../../common/http/parse-pk.pipe.js';
import {
  V1_REFUSAL,
  V1Errors,
  V1ListOk,
  V1ListRequest,
  V1PkParam,
} from '../../common/http/v1-openapi.js';
import { CreateUserDto, PatchUserDto, UpdateUserDto } from './user.dto.js';
import { UsersService } from './users.service.js';
import { userJson, type UserJson } from './v1/user.presenter.js';
import { V1UserDto } from './v1/user.responses.js';

const USER_PK = 'The user pk';
/** Alice of the create example, on a fresh server (the site admin is 1): not the admin. */
const CREATED_USER_PK = 2;
import { createUserCommand, parseUserLookup, updateUserCommand } from './v1/user.requests.js';

@ApiTags('users')
@ApiBearerAuth()
@ApiExtraModels(V1UserDto)
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('list')
  @HttpCode(200)
  @AdminOnly()
  @ApiOperation({
    summary: 'List users',
    description:
      'Site admins only. Deactivated users only with `include_inactive`. FilterSpec fields: pk, ' +
      'username, first_name, last_name, email, is_staff, is_superuser, is_active, ' +
      'date_joined, last_login.',
  })
  @V1ListRequest()
  @V1ListOk(V1UserDto)
  @V1Errors({
    400: V1_REFUSAL.badList,
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
  })
  async list(@ListParams() request: ListRequest, @Res() response: Response): Promise<void> {
    await sendList(response, await this.users.list(request), (user) =>
      JSON.stringify(userJson(user)),
    );
  }

  @Post('create')
  @AdminOnly()
  @ApiOperation({
    summary: 'Create a user',
    description: 'Site admins only. The password is stored hashed (argon2), never answered.',
  })
  @ApiBody({
    type: CreateUserDto,
    examples: {
      user: {
        summary: 'A user who is not a site admin',
        value: {
          username: 'alice',
          password: 'correct-horse-battery-staple',
          first_name: 'Alice',
          email: 'alice@example.com',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: V1UserDto })
  @V1Errors({
    400: 'A field is missing or invalid, or the username is taken',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
  })
  async create(@Body() dto: CreateUserDto): Promise<UserJson> {
    return userJson(await this.users.create(createUserCommand(dto)));
  }

  // Named `pk` like the routes beside it, so the document has one path `/v1/users/{pk}` (two
  // paths differing only by a parameter's name are ambiguous to OpenAPI tools).
  @Get('*pk')
  @ApiOperation({
    summary: 'Retrieve a user by pk (all digits), or get_by_name (anything else)',
    description:
      'All digits: the user with that pk, as an object (site admins only). Anything else is a ' +
      'username (slashes included): an array holding that user, empty when there is none. Any ' +
      'user may ask for their own name; site admins for anyone.',
  })
  @ApiParam({
    name: 'pk',
    description: 'A user pk (all digits) or a username (slashes belong to the name)',
    schema: { type: 'string', minLength: 1, example: 'admin' },
  })
  @ApiOkResponse({
    description: 'A pk: the user. A name: an array of zero or one user',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(V1UserDto) },
        { type: 'array', maxItems: 1, items: { $ref: getSchemaPath(V1UserDto) } },
      ],
    },
  })
  @V1Errors({
    401: V1_REFUSAL.unauthenticated,
    403: "A pk and the caller is not a site admin, or another user's name",
    404: 'A pk and there is no such user',
  })
  async lookup(
    @CurrentUser() caller: Caller,
    @Param('pk') pkOrName: string | string[],
  ): Promise<UserJson | UserJson[]> {
    // Greedy like the reference's `users/(?P<name>.*)$`: slashes belong to the name.
    const lookup = parseUserLookup(wildcardParam(pkOrName));
    if ('pk' in lookup) {
      return userJson(await this.users.retrieve(caller, lookup.pk));
    }
    return (await this.users.getByName(caller, lookup.name)).map(userJson);
  }

  @Put(':pk')
  @AdminOnly()
  @ApiOperation({
    summary: 'Update a user',
    description:
      'Site admins only. `username` is required; other fields left out keep their value. A ' +
      'password given is re-hashed.',
  })
  @V1PkParam('pk', USER_PK, CREATED_USER_PK)
  @ApiBody({
    type: UpdateUserDto,
    examples: {
      names: {
        summary: 'Keep the username, set the names',
        value: { username: 'alice', first_name: 'Alice', last_name: 'Liddell' },
      },
    },
  })
  @ApiOkResponse({ type: V1UserDto })
  @V1Errors({
    400: 'A field is missing or invalid, or the username is taken',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: 'No such user',
  })
  async update(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: UpdateUserDto,
  ): Promise<UserJson> {
    return userJson(await this.users.update(pk, updateUserCommand(dto)));
  }

  @Patch(':pk')
  @AdminOnly()
  @ApiOperation({
    summary: 'Partially update a user',
    description:
      'Site admins only. Only the fields sent change; a password given is re-hashed. ' +
      '`is_active: false` deactivates the user, `true` reactivates them.',
  })
  @V1PkParam('pk', USER_PK, CREATED_USER_PK)
  @ApiBody({
    type: PatchUserDto,
    examples: {
      email: { summary: 'Change the email address only', value: { email: 'alice@example.org' } },
    },
  })
  @ApiOkResponse({ type: V1UserDto })
  @V1Errors({
    400: 'A field is invalid, or the username is taken',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: 'No such user',
  })
  async partialUpdate(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchUserDto,
  ): Promise<UserJson> {
    return userJson(await this.users.update(pk, updateUserCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({
    summary: 'Deactivate a user',
    description:
      'Site admins only. Users are never deleted (their rows own history): this sets ' +
      '`is_active` to false, after which their tokens are refused.',
  })
  @V1PkParam('pk', USER_PK, CREATED_USER_PK)
  @ApiNoContentResponse({ description: 'Deactivated' })
  @V1Errors({
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: 'No such user',
  })
  async destroy(@Param('pk', ParsePkPipe) pk: number): Promise<void> {
    await this.users.deactivate(pk);
  }
}
