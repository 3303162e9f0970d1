import { BadRequestError, FieldRuleError } from '../../../common/errors/domain-error.js';

/**
 * data.world's dataset write bodies (DatasetCreateRequest, DatasetPutRequest,
 * DatasetPatchRequest, FileBatchUpdateRequest) parsed into typed requests: pure functions of the
 * JSON body. A body that is not a JSON object is 400; a well-formed body breaking a field rule
 * (length, pattern, enum, required, JSON type) is 422 naming the field and the value.
 */

export const V0_LICENSES = [
  'Public Domain',
  'PDDL',
  'CC-0',
  'CC-BY',
  'ODC-BY',
  'CC-BY-SA',
  'ODC-ODbL',
  'CC BY-NC-SA',
  'Other',
] as const;
export type V0License = (typeof V0_LICENSES)[number];

export const V0_FILE_LABELS = [
  'raw data',
  'clean data',
  'documentation',
  'script',
  'visualization',
  'report',
] as const;
export type V0FileLabel = (typeof V0_FILE_LABELS)[number];

const VISIBILITIES = ['OPEN', 'PRIVATE'] as const;
const TAG = /^[A-Za-z0-9 ]{2,25}$/;
const TITLE_MAX = 60;
const DESCRIPTION_MAX = 120;
const SUMMARY_MAX = 25_000;
const FILE_NAME_MAX = 128;
const URL_MAX = 4096;
/** A project name is a /v1 project name: at most 200 characters. */
const PROJECT_MAX = 200;

/** A file's source: where its bytes are fetched from. */
export interface V0FileSource {
  readonly url: string;
  readonly expandArchive?: boolean;
}

/**
 * A file named in a write. Without `source` only its details change (it must exist). `null`
 * clears its description or labels; left out, they stay as they are.
 */
export interface V0FileRequest {
  readonly name: string;
  readonly source?: V0FileSource;
  readonly description?: string | null;
  readonly labels?: readonly V0FileLabel[] | null;
}

export interface V0SourcedFileRequest extends V0FileRequest {
  readonly source: V0FileSource;
}

/**
 * PATCH: only what the body names. Cleared values are already the stored ones: an empty
 * description, a null summary, no tags, licence Other.
 */
export interface V0DatasetPatch {
  readonly title?: string;
  readonly description?: string;
  readonly summary?: string | null;
  /** The /v1 tags string: the items joined by `,`. */
  readonly tags?: string;
  readonly license?: V0License;
  readonly isPublic?: boolean;
  readonly files?: readonly V0FileRequest[];
}

/** POST (create) and PUT (replace): the whole record, defaults applied for what is left out. */
export interface V0DatasetDefinition {
  readonly title: string;
  readonly description: string;
  readonly summary: string | null;
  readonly tags: string;
  readonly license: V0License;
  readonly isPublic: boolean;
  readonly files: readonly V0SourcedFileRequest[];
  /** The team's project to create in; undefined: the project `default`. */
  readonly project?: string;
}

type Json = Record<string, unknown>;

/** PATCH /v0/datasets/{owner}/{id}. An empty body (`{}`) changes nothing. */
export function parseDatasetPatch(body: unknown): V0DatasetPatch {
  const json = jsonObject(body);
  const patch: {
    -readonly [K in keyof V0DatasetPatch]: V0DatasetPatch[K];
  } = {};
  if (json.title !== undefined) {
    patch.title = title(json.title);
  }
  if (json.description !== undefined) {
    patch.description = json.description === null ? '' : description(json.description);
  }
  if (json.summary !== undefined) {
    patch.summary = json.summary === null ? null : summary(json.summary);
  }
  if (json.tags !== undefined) {
    patch.tags = json.tags === null ? '' : tags(json.tags);
  }
  if (json.license !== undefined) {
    patch.license = json.license === null ? 'Other' : license(json.license);
  }
  if (json.visibility !== undefined) {
    patch.isPublic = visibility(json.visibility);
  }
  if (json.files !== undefined && json.files !== null) {
    patch.files = fileList(json.files, 'files', false);
  }
  return patch;
}

/** POST /v0/datasets/{owner} and PUT /v0/datasets/{owner}/{id}: title and visibility required. */
export function parseDatasetDefinition(body: unknown): V0DatasetDefinition {
  const json = jsonObject(body);
  const files = optional(json.files, (value) => fileList(value, 'files', true)) ?? [];
  return {
    title: title(json.title),
    isPublic: visibility(json.visibility),
    description: optional(json.description, description) ?? '',
    summary: optional(json.summary, summary) ?? null,
    tags: optional(json.tags, tags) ?? '',
    license: optional(json.license, license) ?? 'Other',
    files: files as V0SourcedFileRequest[],
    ...(json.project !== undefined && json.project !== null && { project: project(json.project) }),
  };
}

/** POST /v0/datasets/{owner}/{id}/files: `{files: [...]}`, or the bare array some clients send. */
export function parseFileBatch(body: unknown): V0SourcedFileRequest[] {
  if (Array.isArray(body)) {
    return fileList(body, 'files', true) as V0SourcedFileRequest[];
  }
  const json = jsonObject(body);
  if (json.files === undefined || json.files === null) {
    throw new FieldRuleError('files is required.');
  }
  return fileList(json.files, 'files', true) as V0SourcedFileRequest[];
}

function jsonObject(body: unknown): Json {
  // No body at all reads as an empty one: clients send bodiless PATCHes and PUTs.
  if (body === undefined) {
    return {};
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestError('The request body must be a JSON object.');
  }
  return body as Json;
}

/** `null` and absent alike: the field is not given. */
function optional<T>(value: unknown, parse: (value: unknown) => T): T | undefined {
  return value === undefined || value === null ? undefined : parse(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new FieldRuleError(
      value === undefined
        ? `${field} is required.`
        : value === null
          ? `${field} is required and may not be null.`
          : `${field} must be a string, not ${show(value)}.`,
    );
  }
  return value;
}

function bounded(value: unknown, field: string, min: number, max: number): string {
  const text = string(value, field);
  if (text.length < min || text.length > max) {
    const rule = min > 0 ? `${min} to ${max} characters` : `at most ${max} characters`;
    throw new FieldRuleError(
      `${field} must be ${rule}; ${show(text)} has ${text.length}.`,
      `${field}=${show(text)}`,
    );
  }
  return text;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  const text = string(value, field);
  if (!(allowed as readonly string[]).includes(text)) {
    throw new FieldRuleError(
      `${field} must be one of ${allowed.join(', ')}; not ${show(text)}.`,
      `${field}=${show(text)}`,
    );
  }
  return text as T;
}

function array(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new FieldRuleError(`${field} must be an array, not ${show(value)}.`);
  }
  return value;
}

function object(value: unknown, field: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FieldRuleError(`${field} must be an object, not ${show(value)}.`);
  }
  return value as Json;
}

const title = (value: unknown) => bounded(value, 'title', 1, TITLE_MAX);
const description = (value: unknown) => bounded(value, 'description', 0, DESCRIPTION_MAX);
const summary = (value: unknown) => bounded(value, 'summary', 0, SUMMARY_MAX);
const license = (value: unknown) => oneOf(value, 'license', V0_LICENSES);
const project = (value: unknown) => bounded(value, 'project', 1, PROJECT_MAX);
const visibility = (value: unknown) => oneOf(value, 'visibility', VISIBILITIES) === 'OPEN';

/** Tags as the /v1 string: checked one by one, no case-insensitive duplicates, joined by `,`. */
function tags(value: unknown): string {
  const seen = new Set<string>();
  return array(value, 'tags')
    .map((item, index) => {
      const field = `tags[${index}]`;
      const tag = string(item, field);
      if (!TAG.test(tag)) {
        throw new FieldRuleError(
          `${field} must be 2 to 25 letters, digits or spaces; not ${show(tag)}.`,
          `${field}=${show(tag)}`,
        );
      }
      const key = tag.toLowerCase();
      if (seen.has(key)) {
        throw new FieldRuleError(
          `${field} repeats the tag ${show(tag)} (tags compare without case).`,
          `${field}=${show(tag)}`,
        );
      }
      seen.add(key);
      return tag;
    })
    .join(',');
}

function fileList(value: unknown, field: string, sourceRequired: boolean): V0FileRequest[] {
  const names = new Set<string>();
  return array(value, field).map((item, index) => {
    const file = fileRequest(item, `${field}[${index}]`, sourceRequired);
    if (names.has(file.name)) {
      throw new FieldRuleError(
        `${field}[${index}].name repeats the file name ${show(file.name)}.`,
        `${field}[${index}].name=${show(file.name)}`,
      );
    }
    names.add(file.name);
    return file;
  });
}

function fileRequest(value: unknown, field: string, sourceRequired: boolean): V0FileRequest {
  const json = object(value, field);
  const name = bounded(json.name, `${field}.name`, 1, FILE_NAME_MAX);
  if (name.includes('/')) {
    throw new FieldRuleError(
      `${field}.name must not contain '/'; not ${show(name)}.`,
      `${field}.name=${show(name)}`,
    );
  }
  const file: { -readonly [K in keyof V0FileRequest]: V0FileRequest[K] } = { name };
  if (json.source !== undefined && json.source !== null) {
    file.source = fileSource(json.source, `${field}.source`);
  } else if (sourceRequired) {
    throw new FieldRuleError(`${field}.source is required.`);
  }
  if (json.description !== undefined) {
    file.description =
      json.description === null
        ? null
        : bounded(json.description, `${field}.description`, 1, DESCRIPTION_MAX);
  }
  if (json.labels !== undefined) {
    file.labels = json.labels === null ? null : labels(json.labels, `${field}.labels`);
  }
  return file;
}

function labels(value: unknown, field: string): V0FileLabel[] {
  const seen = new Set<string>();
  return array(value, field).map((item, index) => {
    const label = oneOf(item, `${field}[${index}]`, V0_FILE_LABELS);
    if (seen.has(label)) {
      throw new FieldRuleError(
        `${field}[${index}] repeats the label ${show(label)}.`,
        `${field}[${index}]=${show(label)}`,
      );
    }
    seen.add(label);
    return label;
  });
}

function fileSource(value: unknown, field: string): V0FileSource {
  const json = object(value, field);
  const url = bounded(json.url, `${field}.url`, 1, URL_MAX);
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
    throw new FieldRuleError(
      `${field}.url must be an http or https URL; not ${show(url)}.`,
      `${field}.url=${show(url)}`,
    );
  }
  if (json.expandArchive !== undefined && typeof json.expandArchive !== 'boolean') {
    throw new FieldRuleError(
      `${field}.expandArchive must be true or false, not ${show(json.expandArchive)}.`,
    );
  }
  return {
    url,
    ...(json.expandArchive !== undefined && { expandArchive: json.expandArchive }),
  };
}
