import type { EntityManager } from 'typeorm';

/** What creating a dataset takes, whichever face asked. */
export interface CreateDatasetCommand {
  readonly name: string;
  readonly projectId: number;
  readonly licenceId: number;
  readonly tags: string;
  /** Default: empty. */
  readonly description?: string;
  /** Default: private. */
  readonly isPublic?: boolean;
}

/** A change to a dataset's record: fields left undefined stay as they are. */
export type UpdateDatasetCommand = Partial<CreateDatasetCommand>;

/** A dataset version's whole record, as a replacing version (PUT on /v0) takes it. */
export interface DatasetRecordCommand {
  readonly name: string;
  readonly description: string;
  readonly summary: string | null;
  readonly tags: string;
  readonly licenceId: number;
  readonly isPublic: boolean;
}

/** A new lineage in a team: its project (by name, made on demand) and the slug it must have. */
export interface CreateLineageCommand extends DatasetRecordCommand {
  readonly projectName: string;
  readonly slug: string;
}

/**
 * A change to the newest version of a lineage: fields left undefined stay as they are. A new
 * name renames the whole lineage (its slug stays); the rest change this version only.
 */
export type UpdateLineageCommand = Partial<DatasetRecordCommand>;

/**
 * More work that must commit with a dataset write or not at all (the files a /v0 request names
 * with the record it changes): run in the write's transaction, with the dataset's id.
 */
export type AlsoInTransaction = (manager: EntityManager, datasetId: number) => Promise<void>;
