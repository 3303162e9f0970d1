import { RequestValidationError } from '../../common/errors/domain-error.js';
import { MAX_PK } from '../../common/http/parse-pk.pipe.js';
import type { DiffQueryDto } from './history.dto.js';
import { DIFF_DEFAULT_LIMIT, DIFF_MAX_LIMIT } from './history.service.js';

/** The validated queries of a diff, in the service's terms; field errors otherwise. */
export function diffRequest(query: DiffQueryDto): {
  fromPk: number;
  page: { after?: string; limit: number };
} {
  const errors: Record<string, string[]> = {};
  const fromPk = Number(query.from);
  if (fromPk < 1 || fromPk > MAX_PK) {
    errors.from = ['Not a dataset pk.'];
  }
  const limit = query.limit === undefined ? DIFF_DEFAULT_LIMIT : Number(query.limit);
  if (limit < 1 || limit > DIFF_MAX_LIMIT) {
    errors.limit = [`Ensure this value is between 1 and ${DIFF_MAX_LIMIT}.`];
  }
  // PostgreSQL text cannot hold NUL, so no file name has one.
  if (query.after?.includes('\0')) {
    errors.after = ['Null characters are not allowed.'];
  }
  if (Object.keys(errors).length > 0) {
    throw new RequestValidationError(errors);
  }
  return { fromPk, page: { after: query.after, limit } };
}
