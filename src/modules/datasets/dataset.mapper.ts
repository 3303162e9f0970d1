import { softDeleteJson } from '../../common/entities/soft-delete.entity.js';
import type { Dataset } from './dataset.entity.js';
import type { DatasetView } from './datasets.repository.js';

/** UFDL's dataset JSON; the key order is part of the wire contract. */
export interface DatasetJson {
  pk: number;
  name: string;
  version: number;
  previous_version: number;
  description: string;
  project: number;
  licence: number;
  is_public: boolean;
  domain: string | null;
  tags: string;
  creator: number | null;
  creation_time: string;
  deletion_time: string | null;
  files: Record<string, string>;
}

export function toDatasetJson(dataset: Dataset, files: Record<string, string>): DatasetJson {
  return {
    pk: dataset.id,
    name: dataset.name,
    version: dataset.version,
    previous_version: dataset.previousVersion,
    description: dataset.description,
    project: dataset.projectId,
    licence: dataset.licenceId,
    is_public: dataset.isPublic,
    // UFDL shows the domain's description ("Image Classification"), not its code.
    domain: dataset.domain?.description ?? null,
    tags: dataset.tags,
    ...softDeleteJson(dataset),
    files,
  };
}

/**
 * The same JSON as {@link toDatasetJson}, as text, from a {@link DatasetView} row: the files map
 * is spliced in as PostgreSQL built it, so its order is exactly the order files were added.
 */
export function datasetViewJson(view: DatasetView): string {
  const record: Omit<DatasetJson, 'files'> = {
    pk: view.id,
    name: view.name,
    version: view.version,
    previous_version: view.previousVersion,
    description: view.description,
    project: view.projectId,
    licence: view.licenceId,
    is_public: view.isPublic,
    domain: view.domainDescription,
    tags: view.tags,
    creator: view.creatorId,
    creation_time: view.creationTime.toISOString(),
    deletion_time: view.deletionTime ? view.deletionTime.toISOString() : null,
  };
  const head = JSON.stringify(record);
  return `${head.slice(0, -1)},"files":${view.files ?? '{}'}}`;
}
