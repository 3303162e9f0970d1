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
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
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
import { TEAM_LEVEL_SCHEMA, V1MembershipDto, V1TeamDto } from './v1/team.responses.js';

const NOT_TEAM_ADMIN = 'Not an admin member of the team (nor a site admin)';
const NO_TEAM = 'No such team';
const TEAM_PK = 'The team pk';
const RENAME_EXAMPLES = {
  rename: { summary: 'A new name', value: { name: 'My renamed team' } },
};

@ApiTags('teams')
@ApiBearerAuth()
@Controller('v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({
    summary: 'List teams',
    description:
      'Any user: the active teams they are a member of (at any level); site admins see every ' +
      'team. FilterSpec fields: pk, name, creator, creation_time, deletion_time (and ' +
      '`creator.username`); `include_inactive` lists soft-deleted teams as well.',
  })
  @V1ListRequest()
  @V1ListOk(V1TeamDto)
  @V1Errors({ 400: V1_REFUSAL.badList, 401: V1_REFUSAL.unauthenticated })
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
  @ApiOperation({
    summary: 'Create a team',
    description:
      'Site admins only. The team starts with no members (add them with `memberships`) and ' +
      'gets a slug derived from its name, its `owner` on `/v0`.',
  })
  @ApiBody({
    type: TeamDto,
    examples: { team: { summary: 'A new team', value: { name: 'My team' } } },
  })
  @ApiCreatedResponse({ type: V1TeamDto })
  @V1Errors({
    400: 'The name is missing, blank, too long or taken',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
  })
  async create(@CurrentUser() caller: AuthUser, @Body() dto: TeamDto): Promise<TeamJson> {
    return teamJson(await this.teams.create(caller, createTeamCommand(dto)));
  }

  @Get(':pk')
  @ApiOperation({
    summary: 'Retrieve a team',
    description: 'Members of the team at any level, and site admins. Soft-deleted teams too.',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiOkResponse({ type: V1TeamDto })
  @V1Errors({
    401: V1_REFUSAL.unauthenticated,
    403: 'Not a member of the team (nor a site admin)',
    404: NO_TEAM,
  })
  async retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<TeamJson> {
    return teamJson(await this.teams.retrieve(caller, pk));
  }

  @Put(':pk')
  @ApiOperation({
    summary: 'Rename a team',
    description: 'Admin members of the team (`A`), and site admins. The slug stays as it is.',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiBody({ type: TeamDto, examples: RENAME_EXAMPLES })
  @ApiOkResponse({ type: V1TeamDto })
  @V1Errors({
    400: 'The name is missing, blank, too long or taken',
    401: V1_REFUSAL.unauthenticated,
    403: NOT_TEAM_ADMIN,
    404: NO_TEAM,
  })
  async update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: TeamDto,
  ): Promise<TeamJson> {
    return teamJson(await this.teams.update(caller, pk, updateTeamCommand(dto)));
  }

  @Patch(':pk')
  @ApiOperation({
    summary: 'Rename a team (name optional)',
    description:
      'Admin members of the team (`A`), and site admins. An empty body changes nothing and ' +
      'answers the team.',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiBody({ type: PatchTeamDto, examples: RENAME_EXAMPLES })
  @ApiOkResponse({ type: V1TeamDto })
  @V1Errors({
    400: 'The name is blank, too long or taken',
    401: V1_REFUSAL.unauthenticated,
    403: NOT_TEAM_ADMIN,
    404: NO_TEAM,
  })
  async partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchTeamDto,
  ): Promise<TeamJson> {
    return teamJson(await this.teams.update(caller, pk, updateTeamCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Soft-delete a team and end its memberships',
    description:
      'Admin members of the team (`A`), and site admins. A site admin can undo it with ' +
      '`reinstate` (the memberships stay ended).',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiNoContentResponse({ description: 'Soft-deleted' })
  @V1Errors({ 401: V1_REFUSAL.unauthenticated, 403: NOT_TEAM_ADMIN, 404: NO_TEAM })
  async destroy(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<void> {
    await this.teams.destroy(caller, pk);
  }

  @Delete(':pk/hard')
  @AdminOnly()
  @ApiOperation({
    summary: 'Delete a team for good',
    description:
      'Site admins only, for a team that owns no projects (hard-delete those first). Answers ' +
      'the team as it was.',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiOkResponse({ type: V1TeamDto, description: 'The team as it was before the delete' })
  @V1Errors({
    400: 'The team still owns projects',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_TEAM,
  })
  async hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return teamJson(await this.teams.hardDelete(pk));
  }

  @Delete(':pk/reinstate')
  @AdminOnly()
  @ApiOperation({
    summary: 'Undo the soft delete of a team',
    description:
      'Site admins only. Its memberships stay ended. A team that is not deleted is answered ' +
      'as it is.',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiOkResponse({ type: V1TeamDto })
  @V1Errors({
    400: 'An active team already uses its name or slug',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_TEAM,
  })
  async reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<TeamJson> {
    return teamJson(await this.teams.reinstate(pk));
  }

  @Patch(':pk/memberships')
  @ApiOperation({
    summary: 'Add, remove or change the level of a member',
    description:
      'Admin members of the team (`A`), and site admins. `add` needs a user who is not a ' +
      'member yet, `remove` and `update` one who is; `permissions` defaults to `R`. Answers ' +
      'the membership as it is now (ended, for `remove`).',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiBody({
    type: MembershipModDto,
    examples: {
      add: {
        summary: 'Make admin an admin member',
        value: { username: 'admin', method: 'add', permissions: 'A' },
      },
      update: {
        summary: "Change a member's level to write",
        value: { username: 'admin', method: 'update', permissions: 'W' },
      },
      remove: { summary: 'Remove a member', value: { username: 'admin', method: 'remove' } },
    },
  })
  @ApiOkResponse({ type: V1MembershipDto })
  @V1Errors({
    400:
      'A malformed body, an unknown or inactive user, adding a member, or removing or ' +
      'updating a non-member',
    401: V1_REFUSAL.unauthenticated,
    403: NOT_TEAM_ADMIN,
    404: NO_TEAM,
  })
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
  @ApiOperation({
    summary: "A member's level in the team",
    description:
      'Admin members of the team (`A`), and site admins. Answers the level as a bare JSON ' +
      'string, e.g. `"W"`.',
  })
  @V1PkParam('pk', TEAM_PK)
  @ApiParam({
    name: 'username',
    description: 'The member (slashes belong to the name)',
    schema: { type: 'string', minLength: 1, example: 'admin' },
  })
  @ApiOkResponse({
    description: 'The level, as a JSON string',
    schema: { $ref: `#/components/schemas/${TEAM_LEVEL_SCHEMA}` },
  })
  @V1Errors({
    400: 'No user with this username, or not a current member',
    401: V1_REFUSAL.unauthenticated,
    403: NOT_TEAM_ADMIN,
    404: NO_TEAM,
  })
  async permissions(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Param('username') username: string | string[],
  ): Promise<string> {
    // Greedy like the reference: a trailing slash is part of the name.
    return levelJson(await this.teams.permissionsFor(caller, pk, wildcardParam(username)));
  }
}
