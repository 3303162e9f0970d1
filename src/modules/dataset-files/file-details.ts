/** A change to a file's data.world details: undefined leaves a value, null clears it. */
export interface FileDetailsChange {
  readonly description?: string | null;
  readonly labels?: readonly string[] | null;
}

/**
 * The SET clause of an UPDATE applying a details change (and moving `updated_at`), with its
 * parameters, numbered from `$first`: for dataset_files and file_sources alike.
 */
export function detailsAssignments(
  change: FileDetailsChange,
  first: number,
): { sql: string; parameters: unknown[] } {
  const [setDescription, description, setLabels, labels] = [0, 1, 2, 3].map((k) => first + k);
  return {
    sql: `updated_at = now(),
      description = CASE WHEN $${setDescription}::boolean THEN $${description}::text ELSE description END,
      labels = CASE WHEN $${setLabels}::boolean THEN $${labels}::text[] ELSE labels END`,
    parameters: [
      change.description !== undefined,
      change.description ?? null,
      change.labels !== undefined,
      change.labels ?? null,
    ],
  };
}
