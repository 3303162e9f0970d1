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
import { TeamsService } from './teams.service.js';
import {
  levelJson,
  membershipJson,
  teamJson,
  type MembershipJson,
  type TeamJson,
} from './v1/team.presenter.js';
import { createTeamCommand, parseMembershipChange, updateTeamCommand } from './v1/team.requests.js';

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
    await sendList(response, await this.teams.list(caller, request), (team) =>
      JSON.stringify(teamJson(team)),
    );
  }

  @Post('create')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a team (site admins); it gets a slug for /v0' })
  async create(@CurrentUser() caller: AuthUser, @Body() dto: TeamDto): Promise<TeamJson> {
    return teamJson(await this.teams.create(caller, createTeamCommand(dto)));
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a team (members and site admins)' })
  async retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<TeamJson> {
    return teamJson(await this.teams.retrieve(caller, pk));
  }

  @Put(':pk')
  @ApiOperation({ summary: 'Rename a team (team admins)' })
  async update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: TeamDto,
  ): Promise<TeamJson> {
    return teamJson(await this.teams.update(caller, pk, updateTeamCommand(dto)));
  }

  @Patch(':pk')
  @ApiOperation({ summary: 'Rename a team (team admins)' })
  async partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchTeamDto,
  ): Promise<TeamJson> {
    return teamJson(await this.teams.update(caller, pk, updateTeamCommand(dto)));
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
  async hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return teamJson(await this.teams.hardDelete(pk));
  }

  @Delete(':pk/reinstate')
  @AdminOnly()
  @ApiOperation({ summary: 'Undo a soft delete (site admins); its memberships stay ended' })
  async reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return teamJson(await this.teams.reinstate(pk));
  }

  @Patch(':pk/memberships')
  @ApiOperation({ summary: 'Add, remove or update a membership (team admins)' })
  @ApiBody({ type: MembershipModDto })
  async modifyMemberships(
    @CurrentUser() caller: AuthUser,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() body: unknown,
  ): Promise<MembershipJson> {
    return membershipJson(
      await this.teams.modifyMembership(caller, pk, parseMembershipChange(body)),
    );
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
    return levelJson(await this.teams.permissionsFor(caller, pk, wildcardParam(username)));
  }
}
