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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import {
  V1_REFUSAL,
  V1Errors,
  V1ListOk,
  V1ListRequest,
  V1PkParam,
} from '../../common/http/v1-openapi.js';
import { PatchProjectDto, ProjectDto } from './project.dto.js';
import { ProjectsService } from './projects.service.js';
import { projectJson, type ProjectJson } from './v1/project.presenter.js';
import { createProjectCommand, updateProjectCommand } from './v1/project.requests.js';
import { V1ProjectDto } from './v1/project.responses.js';

const NOT_WRITER = 'Not a write member (`W` or `A`) of the team (nor a site admin)';
const NO_PROJECT = 'No such project';
const PROJECT_PK = 'The project pk';
const BAD_FIELDS =
  'A field is missing or invalid, the team does not exist, or the team has a project of ' +
  'this name';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({
    summary: 'List projects',
    description:
      'Any user: the active projects of the teams they are a member of; site admins see ' +
      'every project. FilterSpec fields: pk, name, team, creator, creation_time, ' +
      'deletion_time (and `team.name`...); `include_inactive` lists soft-deleted ones as well.',
  })
  @V1ListRequest()
  @V1ListOk(V1ProjectDto)
  @V1Errors({ 400: V1_REFUSAL.badList, 401: V1_REFUSAL.unauthenticated })
  async list(
    @CurrentUser() caller: Caller,
    @ListParams() request: ListRequest,
    @Res() response: Response,
  ): Promise<void> {
    await sendList(response, await this.projects.list(caller, request), (project) =>
      JSON.stringify(projectJson(project)),
    );
  }

  @Post('create')
  @ApiOperation({
    summary: 'Create a project in a team',
    description:
      'Write members of the team (`W` or `A`), and site admins. Names are unique among the ' +
      "team's active projects.",
  })
  @ApiBody({
    type: ProjectDto,
    examples: { project: { summary: 'A project of team 1', value: { name: 'images', team: 1 } } },
  })
  @ApiCreatedResponse({ type: V1ProjectDto })
  @V1Errors({ 400: BAD_FIELDS, 401: V1_REFUSAL.unauthenticated, 403: NOT_WRITER })
  async create(@CurrentUser() caller: AuthUser, @Body() dto: ProjectDto): Promise<ProjectJson> {
    return projectJson(await this.projects.create(caller, createProjectCommand(dto)));
  }

  @Get(':pk')
  @ApiOperation({
    summary: 'Retrieve a project',
    description: 'Members of its team at any level, and site admins. Soft-deleted projects too.',
  })
  @V1PkParam('pk', PROJECT_PK)
  @ApiOkResponse({ type: V1ProjectDto })
  @V1Errors({
    401: V1_REFUSAL.unauthenticated,
    403: 'Not a member of its team (nor a site admin)',
    404: NO_PROJECT,
  })
  async retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<ProjectJson> {
    return projectJson(await this.projects.retrieve(caller, pk));
  }

  @Put(':pk')
  @ApiOperation({
    summary: 'Rename a project or move it to another team',
    description:
      'Write members (`W` or `A`) of its team, and site admins; moving it to another team ' +
      'needs write in that team too. Its datasets move with it.',
  })
  @V1PkParam('pk', PROJECT_PK)
  @ApiBody({
    type: ProjectDto,
    examples: { rename: { summary: 'A new name, same team', value: { name: 'photos', team: 1 } } },
  })
  @ApiOkResponse({ type: V1ProjectDto })
  @V1Errors({ 400: BAD_FIELDS, 401: V1_REFUSAL.unauthenticated, 403: NOT_WRITER, 404: NO_PROJECT })
  async update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: ProjectDto,
  ): Promise<ProjectJson> {
    return projectJson(await this.projects.update(caller, pk, updateProjectCommand(dto)));
  }

  @Patch(':pk')
  @ApiOperation({
    summary: 'Rename a project or move it (fields optional)',
    description:
      'As PUT, with only the fields sent: write members (`W` or `A`) of its team, and site ' +
      'admins; a move needs write in the target team too.',
  })
  @V1PkParam('pk', PROJECT_PK)
  @ApiBody({
    type: PatchProjectDto,
    examples: { rename: { summary: 'A new name only', value: { name: 'photos' } } },
  })
  @ApiOkResponse({ type: V1ProjectDto })
  @V1Errors({ 400: BAD_FIELDS, 401: V1_REFUSAL.unauthenticated, 403: NOT_WRITER, 404: NO_PROJECT })
  async partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchProjectDto,
  ): Promise<ProjectJson> {
    return projectJson(await this.projects.update(caller, pk, updateProjectCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Soft-delete a project and its datasets',
    description:
      'Write members (`W` or `A`) of its team, and site admins. A site admin can undo it with ' +
      '`reinstate` (the datasets stay deleted).',
  })
  @V1PkParam('pk', PROJECT_PK)
  @ApiNoContentResponse({ description: 'Soft-deleted' })
  @V1Errors({ 401: V1_REFUSAL.unauthenticated, 403: NOT_WRITER, 404: NO_PROJECT })
  async destroy(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<void> {
    await this.projects.destroy(caller, pk);
  }

  @Delete(':pk/hard')
  @AdminOnly()
  @ApiOperation({
    summary: 'Delete a project for good',
    description:
      'Site admins only, for a project that holds no datasets (hard-delete those first). ' +
      'Answers the project as it was.',
  })
  @V1PkParam('pk', PROJECT_PK)
  @ApiOkResponse({ type: V1ProjectDto, description: 'The project as it was before the delete' })
  @V1Errors({
    400: 'Datasets still belong to the project',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_PROJECT,
  })
  async hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<ProjectJson> {
    return projectJson(await this.projects.hardDelete(pk));
  }

  @Delete(':pk/reinstate')
  @AdminOnly()
  @ApiOperation({
    summary: 'Undo the soft delete of a project',
    description:
      'Site admins only. Its datasets stay deleted. A project that is not deleted is answered ' +
      'as it is.',
  })
  @V1PkParam('pk', PROJECT_PK)
  @ApiOkResponse({ type: V1ProjectDto })
  @V1Errors({
    400: 'An active project of its team already has its name',
    401: V1_REFUSAL.unauthenticated,
    403: V1_REFUSAL.notSiteAdmin,
    404: NO_PROJECT,
  })
  async reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<ProjectJson> {
    return projectJson(await this.projects.reinstate(pk));
  }
}
