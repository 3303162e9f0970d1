import { softDeleteJson } from '../../common/entities/soft-delete.entity.js';
import { appendJsonMember, orderedObjectJson } from '../../common/http/ordered-json.js';
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

/** A dataset's files, filename -> handle, in the order they were added. */
export type FilesMap = ReadonlyMap<string, string>;

/**
 * The same JSON as {@link datasetViewJson}, as text, from an entity and its files: written in
 * order, since a plain object would reorder names like `1` and swallow `__proto__`.
 */
export function datasetJsonText(dataset: Dataset, files: FilesMap): string {
  return appendJsonMember(JSON.stringify(datasetHead(dataset)), 'files', orderedObjectJson(files));
}

function datasetHead(dataset: Dataset): Omit<DatasetJson, 'files'> {
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
  };
}

/**
 * The dataset JSON as text from a {@link DatasetView} row: the files map
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
  return appendJsonMember(JSON.stringify(record), 'files', view.files ?? '{}');
}
