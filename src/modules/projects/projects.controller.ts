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
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AdminOnly } from '../../common/auth/public.decorator.js';
import { ListParams, sendList, type ListRequest } from '../../common/http/list.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { PatchProjectDto, ProjectDto } from './project.dto.js';
import { ProjectsService } from './projects.service.js';
import { projectJson, type ProjectJson } from './v1/project.presenter.js';
import { createProjectCommand, updateProjectCommand } from './v1/project.requests.js';

@ApiTags('v1 projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post('list')
  @HttpCode(200)
  @ApiOperation({ summary: "List projects of the caller's teams (all for site admins)" })
  @ApiBody({ required: false, schema: { type: 'object' } })
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
  @ApiOperation({ summary: 'Create a project (write members of the team)' })
  async create(@CurrentUser() caller: AuthUser, @Body() dto: ProjectDto): Promise<ProjectJson> {
    return projectJson(await this.projects.create(caller, createProjectCommand(dto)));
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a project (members of its team)' })
  async retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<ProjectJson> {
    return projectJson(await this.projects.retrieve(caller, pk));
  }

  @Put(':pk')
  @ApiOperation({ summary: 'Update a project (write members; moving needs write in both teams)' })
  async update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: ProjectDto,
  ): Promise<ProjectJson> {
    return projectJson(await this.projects.update(caller, pk, updateProjectCommand(dto)));
  }

  @Patch(':pk')
  @ApiOperation({ summary: 'Partially update a project (as PUT)' })
  async partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchProjectDto,
  ): Promise<ProjectJson> {
    return projectJson(await this.projects.update(caller, pk, updateProjectCommand(dto)));
  }

  @Delete(':pk')
  @HttpCode(204)
  @ApiOperation({ summary: 'Soft-delete a project and its datasets (write members)' })
  async destroy(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<void> {
    await this.projects.destroy(caller, pk);
  }

  @Delete(':pk/hard')
  @AdminOnly()
  @ApiOperation({ summary: 'Delete a project for good (site admins); answers it as it was' })
  async hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<ProjectJson> {
    return projectJson(await this.projects.hardDelete(pk));
  }

  @Delete(':pk/reinstate')
  @AdminOnly()
  @ApiOperation({ summary: 'Undo a soft delete (site admins); its datasets stay deleted' })
  async reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<ProjectJson> {
    return projectJson(await this.projects.reinstate(pk));
  }
}
