import { BadRequestError } from '../../../common/errors/domain-error.js';

/**
 * data.world's slugs: lower-case letters and digits, single inner hyphens. Owners (teams) are
 * 3-31 characters, dataset ids 3-95 (dataworld-v0 spec, B section 4).
 */
export const OWNER_SLUG = /^[a-z0-9](?:-(?!-)|[a-z0-9]){1,29}[a-z0-9]$/;
export const DATASET_SLUG = /^[a-z0-9](?:-(?!-)|[a-z0-9]){1,93}[a-z0-9]$/;

/** `owner/id` as `/v0` paths name a dataset: a team slug and a dataset (lineage) slug. */
export interface DatasetKey {
  readonly owner: string;
  readonly id: string;
}

/** An owner slug from a path, or 400: a value that is not a slug names nothing (decision 7). */
export function parseOwner(owner: string): string {
  if (!OWNER_SLUG.test(owner)) {
    throw new BadRequestError(
      `Invalid owner '${owner}': expected 3-31 lower-case letters, digits or single hyphens.`,
    );
  }
  return owner;
}

/** The `{owner}/{id}` path values, checked: 400 for a value that cannot be a slug. */
export function parseDatasetKey(owner: string, id: string): DatasetKey {
  parseOwner(owner);
  if (!DATASET_SLUG.test(id)) {
    throw new BadRequestError(
      `Invalid dataset id '${id}': expected 3-95 lower-case letters, digits or single hyphens.`,
    );
  }
  return { owner, id };
}
