import { BadRequestError, UnknownParametersError } from '../../../common/errors/domain-error.js';
import type { CopyOptions, MergeOptions } from '../dataset-versioning.service.js';

/** `POST .../copy` body: `{"new_name"?: string|null, "only_files"?: string[]|null}`. */
export function parseCopyOptions(body: unknown): CopyOptions {
  if (body === undefined || body === null) {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestError('Unable to parse JSON: expected an object');
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.entries(record).filter(
    ([key]) => !['new_name', 'only_files'].includes(key),
  );
  if (unknown.length > 0) {
    throw new UnknownParametersError(
      `Unknown parameters: ${unknown.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')}`,
    );
  }
  const options: CopyOptions = {};
  const { new_name: newName, only_files: onlyFiles } = record;
  if (newName !== undefined && newName !== null) {
    if (typeof newName !== 'string') {
      throw new BadRequestError(
        `Bad name '${JSON.stringify(newName)}': New dataset name must be a string`,
      );
    }
    if (newName.trim() === '' || newName.length > 200 || newName.includes('\0')) {
      throw new BadRequestError(
        `Bad name '${newName.slice(0, 200)}': New dataset name must be 1-200 characters`,
      );
    }
    options.newName = newName;
  }
  if (onlyFiles !== undefined && onlyFiles !== null) {
    if (!Array.isArray(onlyFiles) || onlyFiles.some((name) => typeof name !== 'string')) {
      throw new BadRequestError(
        "The type passed to copy parameter 'only_files' should be 'list of str'",
      );
    }
    const withNul = (onlyFiles as string[]).find((name) => name.includes('\0'));
    if (withNul !== undefined) {
      throw new BadRequestError(
        `Bad name '${withNul.replaceAll('\0', '\\0')}': Filenames may not contain NUL bytes`,
      );
    }
    options.onlyFiles = onlyFiles as string[];
  }
  return options;
}

/** UFDL's MergeSpec, strict: `{"delete": bool, "hard"?: bool}`. */
export function parseMergeSpec(body: unknown): MergeOptions {
  const fail = (reason: string): never => {
    throw new BadRequestError(`Unable to parse JSON: ${reason}`);
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail("'delete' is a required property");
  }
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).find((key) => key !== 'delete' && key !== 'hard');
  if (extra !== undefined) {
    fail(`unexpected key '${extra}'`);
  }
  if (!('delete' in record)) {
    fail("'delete' is a required property");
  }
  if (typeof record.delete !== 'boolean') {
    fail("'delete' must be a boolean");
  }
  if (record.hard !== undefined && typeof record.hard !== 'boolean') {
    fail("'hard' must be a boolean");
  }
  return { delete: record.delete as boolean, hard: (record.hard as boolean | undefined) ?? false };
}
