import type { CreateDatasetCommand, UpdateDatasetCommand } from '../dataset.commands.js';
import type { DatasetDto, PatchDatasetDto } from '../dataset.dto.js';

/** A validated PUT or PATCH body as the service's command (absent fields stay undefined). */
export function updateDatasetCommand(dto: PatchDatasetDto): UpdateDatasetCommand {
  return {
    name: dto.name,
    projectId: dto.project,
    licenceId: dto.licence,
    tags: dto.tags,
    description: dto.description,
    isPublic: dto.is_public,
  };
}

/** A validated `POST /v1/datasets/create` body as the service's command. */
export function createDatasetCommand(dto: DatasetDto): CreateDatasetCommand {
  // The validation pipe guarantees the required fields, so the mapping above is complete.
  return updateDatasetCommand(dto) as CreateDatasetCommand;
}
