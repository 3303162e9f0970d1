import type { CreateProjectCommand, UpdateProjectCommand } from '../project.commands.js';
import type { PatchProjectDto, ProjectDto } from '../project.dto.js';

/** A validated PUT or PATCH body as the service's command (absent fields stay undefined). */
export function updateProjectCommand(dto: PatchProjectDto): UpdateProjectCommand {
  return { name: dto.name, teamId: dto.team };
}

/** A validated `POST /v1/projects/create` body as the service's command. */
export function createProjectCommand(dto: ProjectDto): CreateProjectCommand {
  // The validation pipe guarantees the required fields, so the mapping above is complete.
  return updateProjectCommand(dto) as CreateProjectCommand;
}
