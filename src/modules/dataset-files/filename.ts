import { BadRequestError } from '../../common/errors/domain-error.js';

/** UTF-8 bytes a stored filename may take (spec Part A 14). */
export const MAX_FILENAME_BYTES = 1024;

/** A filename as the UFDL rules make it: a file, or a directory to number a new file in. */
export type NormalisedName =
  | { kind: 'file'; name: string }
  /** `prefix` is the directory without its trailing slash ('' for the top level). */
  | { kind: 'directory'; prefix: string };

export function badName(name: string, reason: string): BadRequestError {
  return new BadRequestError(`Bad name '${name}': ${reason}`);
}

/**
 * UFDL's `validate_filename`: POSIX normpath (collapses `//`, `.` and `x/..`), strip leading
 * slashes, keep a trailing slash as "directory"; names that climb out of the dataset are
 * refused. Strata also refuses NUL bytes, backslashes and names over 1024 UTF-8 bytes, which
 * could otherwise reach archives and the local disk as something other than what they say.
 */
export function normaliseFilename(raw: string): NormalisedName {
  if (raw.includes('\0')) {
    throw badName(raw.replaceAll('\0', '\\0'), 'Filenames may not contain NUL bytes');
  }
  if (raw.includes('\\')) {
    throw badName(raw, 'Filenames may not contain backslashes');
  }
  let name = posixNormpath(raw).replace(/^\/+/, '');
  if (name === '') {
    name = '.';
  }
  if (name === '..' || name.startsWith('../')) {
    throw badName(raw, 'Cannot extend beyond top-level directory (start with ..)');
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_FILENAME_BYTES) {
    throw badName(
      `${raw.slice(0, 64)}...`,
      `Filenames may be at most ${MAX_FILENAME_BYTES} bytes long (UTF-8)`,
    );
  }
  if (raw.endsWith('/')) {
    return { kind: 'directory', prefix: name === '.' ? '' : name };
  }
  return { kind: 'file', name };
}

/** Python's posixpath.normpath, which the reference applies. */
export function posixNormpath(path: string): string {
  if (path === '') {
    return '.';
  }
  let initialSlashes = path.startsWith('/') ? 1 : 0;
  // POSIX lets exactly two leading slashes mean something else; normpath keeps them.
  if (path.startsWith('//') && !path.startsWith('///')) {
    initialSlashes = 2;
  }
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (
      part !== '..' ||
      (initialSlashes === 0 && parts.length === 0) ||
      parts[parts.length - 1] === '..'
    ) {
      parts.push(part);
    } else if (parts.length > 0) {
      parts.pop();
    }
  }
  const joined = '/'.repeat(initialSlashes) + parts.join('/');
  return joined === '' ? '.' : joined;
}

/** The directory prefixes of a name at `/` boundaries: `a/b/c` -> `a`, `a/b`. */
export function parentPrefixes(name: string): string[] {
  const prefixes: string[] = [];
  for (let index = name.indexOf('/'); index > 0; index = name.indexOf('/', index + 1)) {
    prefixes.push(name.slice(0, index));
  }
  return prefixes;
}
