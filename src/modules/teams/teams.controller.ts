import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe, wildcardParam } from '../../common/http/parse-pk.pipe.js';
import { MembershipModDto, PatchTeamDto, TeamDto } from './team.dto.js';
import type { MembershipJson, TeamJson } from './team.mapper.js';
import { parseMembershipChange, TeamsService } from './teams.service.js';

@ApiTags('v1 teams')
@ApiBearerAuth()
@Controller('v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({ summary: "List teams (the caller's; all for site admins); FilterSpec body" })
  @ApiBody({ required: false, schema: { type: 'object' } })
  async list(
    @CurrentUser() caller: Caller,
    @ListParams() request: ListRequest,
    @Res() response: Response,
  ): Promise<void> {
    await sendList(response, await this.teams.list(caller, request));
  }

  @Post('create')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a team (site admins); it gets a slug for /v0' })
  create(@CurrentUser() caller: AuthUser, @Body() dto: TeamDto): Promise<TeamJson> {
    return this.teams.create(caller, dto.name);
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a team (members and site admins)' })
  retrieve(@CurrentUser() caller: Caller, @Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return this.teams.retrieve(caller, pk);
  }

  @Put(':pk')
  @ApiOperation({ summary: 'Rename a team (team admins)' })
  update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: TeamDto,
  ): Promise<TeamJson> {
    return this.teams.update(caller, pk, dto.name);
  }

  @Patch(':pk')
  @ApiOperation({ summary: 'Rename a team (team admins)' })
  partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchTeamDto,
  ): Promise<TeamJson> {
    return this.teams.update(caller, pk, dto.name);
  }

  @Delete(':pk')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft-delete a team and its memberships (team admins)' })
  async destroy(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<void> {
    await this.teams.destroy(caller, pk);
  }

  @Delete(':pk/hard')
  @AdminOnly()
  @ApiOperation({ summary: 'Delete a team for good (site admins); answers the team as it was' })
  hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return this.teams.hardDelete(pk);
  }

  @Delete(':pk/reinstate')
  @AdminOnly()
  @ApiOperation({ summary: 'Undo a soft delete (site admins); its memberships stay ended' })
  reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return this.teams.reinstate(pk);
  }

  @Patch(':pk/memberships')
  @ApiOperation({ summary: 'Add, remove or update a membership (team admins)' })
  @ApiBody({ type: MembershipModDto })
  modifyMemberships(
    @CurrentUser() caller: AuthUser,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() body: unknown,
  ): Promise<MembershipJson> {
    return this.teams.modifyMembership(caller, pk, parseMembershipChange(body));
  }

  @Get(':pk/permissions/*username')
  @Header('Content-Type', 'application/json')
  @ApiOperation({ summary: 'A member\'s level as a bare JSON string, e.g. "W" (team admins)' })
  async permissions(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('username') username: string | string[],
  ): Promise<string> {
    // Greedy like the reference: a trailing slash is part of the name.
    return JSON.stringify(await this.teams.permissionsFor(caller, pk, wildcardParam(username)));
  }
}
