import { softDeleteJson } from '../../common/entities/soft-delete.entity.js';
import type { Dataset } from './dataset.entity.js';

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
