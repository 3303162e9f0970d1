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
import type { ProjectJson } from './project.mapper.js';
import { ProjectsService } from './projects.service.js';

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
    await sendList(response, await this.projects.list(caller, request));
  }

  @Post('create')
  @ApiOperation({ summary: 'Create a project (write members of the team)' })
  create(@CurrentUser() caller: AuthUser, @Body() dto: ProjectDto): Promise<ProjectJson> {
    return this.projects.create(caller, dto);
  }

  @Get(':pk')
  @ApiOperation({ summary: 'Retrieve a project (members of its team)' })
  retrieve(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<ProjectJson> {
    return this.projects.retrieve(caller, pk);
  }

  @Put(':pk')
  @ApiOperation({ summary: 'Update a project (write members; moving needs write in both teams)' })
  update(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: ProjectDto,
  ): Promise<ProjectJson> {
    return this.projects.update(caller, pk, dto);
  }

  @Patch(':pk')
  @ApiOperation({ summary: 'Partially update a project (as PUT)' })
  partialUpdate(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Body() dto: PatchProjectDto,
  ): Promise<ProjectJson> {
    return this.projects.update(caller, pk, dto);
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
  hardDelete(@Param('pk', ParsePkPipe) pk: number): Promise<ProjectJson> {
    return this.projects.hardDelete(pk);
  }

  @Delete(':pk/reinstate')
  @AdminOnly()
  @ApiOperation({ summary: 'Undo a soft delete (site admins); its datasets stay deleted' })
  reinstate(@Param('pk', ParsePkPipe) pk: number): Promise<ProjectJson> {
    return this.projects.reinstate(pk);
  }
}
