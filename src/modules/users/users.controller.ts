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
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe, wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { CreateUserDto, PatchUserDto, UpdateUserDto } from './user.dto.js';
import { UsersService } from './users.service.js';
import { userJson, type UserJson } from './v1/user.presenter.js';
import { createUserCommand, parseUserLookup, updateUserCommand } from './v1/user.requests.js';

@ApiTags('v1 users')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('list')
  @HttpCode(200)
  @AdminOnly()
  @ApiOperation({ summary: 'List users (site admins; FilterSpec body, optional ?limit&cursor)' })
  @ApiBody({ required: false, schema: { type: 'object' } })
  async list(@ListParams() request: ListRequest, @Res() response: Response): Promise<void> {
    await sendList(response, await this.users.list(request), (user) =>
      JSON.stringify(userJson(user)),
    );
  }

  @Post('create')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a user (site admins)' })
  async create(@Body() dto: CreateUserDto): Promise<UserJson> {
    return userJson(await this.users.create(createUserCommand(dto)));
  }

  @Get('*name')
  @ApiOperation({
    summary:
      'All digits: retrieve the user with that pk (site admins). Otherwise: get_by_name, an ' +
      "array holding the caller's own record",
  })
  async lookup(
    @CurrentUser() caller: Caller,
    @Param('name') name: string | string[],
  ): Promise<UserJson | UserJson[]> {
    // Greedy like the reference's `users/(?P<name>.*)$`: slashes belong to the name.
    const lookup = parseUserLookup(wildcardParam(name));
    if ('pk' in lookup) {
      return userJson(await this.users.retrieve(caller, lookup.pk));
    }
    return (await this.users.getByName(caller, lookup.name)).map(userJson);
  }

  @Put(':pk')
  @AdminOnly()
  @ApiOperation({ summary: 'Update a user (site admins); a password given is re-hashed' })
  async update(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: UpdateUserDto,
  ): Promise<UserJson> {
    return userJson(await this.users.update(pk, updateUserCommand(dto)));
  }

  @Patch(':pk')
  @AdminOnly()
  @ApiOperation({ summary: 'Partially update a user (site admins)' })
  async partialUpdate(
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchUserDto,
  ): Promise<UserJson> {
    return userJson(await this.users.update(pk, updateUserCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({ summary: 'Deactivate a user (site admins; users are never deleted)' })
  async destroy(@Param('pk', ParsePkPipe) pk: number): Promise<void> {
    await this.users.deactivate(pk);
  }
}
