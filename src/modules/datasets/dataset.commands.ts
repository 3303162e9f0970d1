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
