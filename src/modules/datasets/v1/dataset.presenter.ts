import { appendJsonMember } from '../../../common/http/ordered-json.js';
import type { DatasetView } from '../dataset-view.js';

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

/**
 * A dataset as UFDL's JSON, as text: the files map is spliced in as the view holds it, so its
 * order is exactly the order the files were added, whatever their names look like.
 */
export function datasetJson(view: DatasetView): string {
  const record: Omit<DatasetJson, 'files'> = {
    pk: view.id,
    name: view.name,
    version: view.version,
    previous_version: view.previousVersion,
    description: view.description,
    project: view.projectId,
    licence: view.licenceId,
    is_public: view.isPublic,
    // UFDL shows the domain's description ("Image Classification"), not its code.
    domain: view.domainDescription,
    tags: view.tags,
    creator: view.creatorId,
    creation_time: view.creationTime.toISOString(),
    deletion_time: view.deletionTime ? view.deletionTime.toISOString() : null,
  };
  return appendJsonMember(JSON.stringify(record), 'files', view.files.toJson());
}
