import {
  BadRequestError,
  RequestValidationError,
  UnknownParametersError,
  UnsupportedMediaTypeError,
} from '../../../common/errors/domain-error.js';
import { ARCHIVE_FORMATS, type ArchiveFormat } from '../archive.service.js';

/** The only download parameter UFDL knows (domain datasets' annotation options); ignored. */
const KNOWN_PARAMS = new Set(['annotations_args']);

/**
 * The download body: `{"filetype"?: "zip"|"tar.gz", "params"?: {string: string|string[]}}`.
 * No body counts as `{}`; other top-level keys are ignored (the TS client spreads its
 * parameters there).
 */
export function parseDownloadBody(body: unknown): ArchiveFormat {
  if (body === undefined || body === '') {
    return 'zip';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    const kind = body === null ? 'null' : Array.isArray(body) ? 'list' : typeof body;
    throw new RequestValidationError({
      non_field_errors: [`Invalid data. Expected a dictionary, but got ${kind}.`],
    });
  }
  const { filetype = 'zip', params = {} } = body as { filetype?: unknown; params?: unknown };
  if (typeof filetype !== 'string') {
    throw badArgumentType('filetype', 'str', filetype);
  }
  if (!(ARCHIVE_FORMATS as readonly string[]).includes(filetype)) {
    throw new UnsupportedMediaTypeError(filetype);
  }
  if (!isParams(params)) {
    throw badArgumentType('params', 'dict', params);
  }
  const unknown = Object.entries(params).filter(([key]) => !KNOWN_PARAMS.has(key));
  if (unknown.length > 0) {
    const listed = unknown.map(([key, value]) => `${key}=${pythonStr(value)}`).join(', ');
    throw new UnknownParametersError(`Unknown parameters: ${listed}`);
  }
  return filetype as ArchiveFormat;
}

function isParams(value: unknown): value is Record<string, string | string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (item) =>
        typeof item === 'string' ||
        (Array.isArray(item) && item.every((element) => typeof element === 'string')),
    )
  );
}

function badArgumentType(parameter: string, type: string, value: unknown): BadRequestError {
  return new BadRequestError(
    `The type passed to download parameter '${parameter}' should be '${type}', but received ` +
      pythonStr(value),
  );
}

/** How the reference (Python) prints a JSON value in its messages: `str()`, `repr()` inside. */
function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) {
    return 'None';
  }
  if (typeof value === 'boolean') {
    return value ? 'True' : 'False';
  }
  if (typeof value === 'string') {
    return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  }
  if (Array.isArray(value)) {
    return `[${value.map(pythonRepr).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const items = Object.entries(value).map(
      ([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`,
    );
    return `{${items.join(', ')}}`;
  }
  // Only numbers are left among JSON values.
  return typeof value === 'number' ? String(value) : '?';
}
