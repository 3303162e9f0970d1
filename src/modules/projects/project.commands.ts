/** What creating a project takes, whichever face asked. */
export interface CreateProjectCommand {
  readonly name: string;
  readonly teamId: number;
}

/** A change to a project's record: fields left undefined stay as they are. */
export type UpdateProjectCommand = Partial<CreateProjectCommand>;
