import type { DatasetDiffDto, DatasetHistoryDto, FileChangeDto } from './history.dto.js';
import type { DatasetDiff, DatasetHistory, FileChange } from './history.service.js';

export function toDatasetHistoryJson(history: DatasetHistory): DatasetHistoryDto {
  return {
    project: history.projectId,
    name: history.name,
    versions: history.versions.map((version) => ({
      pk: version.id,
      version: version.version,
      previous_version: version.previousVersion,
      is_public: version.isPublic,
      creator:
        version.creatorId === null
          ? null
          : { pk: version.creatorId, username: version.creatorUsername ?? '' },
      creation_time: version.creationTime.toISOString(),
      deletion_time: version.deletionTime ? version.deletionTime.toISOString() : null,
      file_count: version.fileCount,
      total_bytes: version.totalBytes,
    })),
  };
}

function toFileChangeJson(change: FileChange): FileChangeDto {
  return {
    change: change.change,
    old_name: change.oldName,
    new_name: change.newName,
    old_handle: change.oldHandle,
    new_handle: change.newHandle,
    old_metadata: change.oldMetadata,
    new_metadata: change.newMetadata,
  };
}

export function toDatasetDiffJson(diff: DatasetDiff): DatasetDiffDto {
  return {
    from: diff.fromId,
    to: diff.toId,
    changes: diff.changes.map(toFileChangeJson),
    next: diff.next ?? null,
  };
}
