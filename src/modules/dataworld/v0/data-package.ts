import { formatOf, mediaTypeOf } from './media-type.js';

/** A file as its data package resource describes it. */
export interface PackagedFile {
  readonly filename: string;
  /** sha256 of the bytes, hex (blob handles are sha256 digests). */
  readonly handle: string;
  readonly size: number;
}

/** The dataset fields a data package carries. */
export interface PackagedDataset {
  /** The dataset id (slug): a valid Frictionless package name as it is. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly licence?: { readonly name: string; readonly url: string };
}

export interface DataPackageResource {
  name: string;
  title: string;
  path: string;
  format?: string;
  mediatype: string;
  bytes: number;
  hash: string;
  schema?: { fields: { name: string; type: 'string' }[] };
}

/** Where the files sit, relative to datapackage.json (data.world's layout). */
export const DATA_FOLDER = 'data/';

/** How much of a CSV is read for its header line; a longer header gets no schema. */
export const CSV_HEAD_BYTES = 64 * 1024;

/** What Frictionless allows as a licence `name` (an Open Definition id such as `CC-BY-4.0`). */
const LICENSE_NAME = /^[-a-zA-Z0-9._]+$/;

/**
 * Resource names as data.world gives them: the file name without its extension, lower-case,
 * every other run of characters a hyphen (`Sales 2024.csv` -> `sales-2024`); a name already
 * taken gets `-2`, `-3`... Names must be unique within a package.
 */
export class ResourceNames {
  private readonly taken = new Set<string>();

  next(filename: string): string {
    const format = formatOf(filename);
    const stem = format === undefined ? filename : filename.slice(0, -(format.length + 1));
    const base =
      stem
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'file';
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) {
      name = `${base}-${n}`;
    }
    this.taken.add(name);
    return name;
  }
}

/** A file's resource, without a schema (see {@link csvSchema}). */
export function resourceOf(file: PackagedFile, name: string): DataPackageResource {
  const format = formatOf(file.filename);
  return {
    name,
    title: file.filename,
    path: DATA_FOLDER + file.filename,
    ...(format === undefined ? {} : { format }),
    mediatype: mediaTypeOf(file.filename),
    bytes: file.size,
    hash: `sha256:${file.handle}`,
  };
}

/** Whether a resource is a CSV whose header line may give it a schema. */
export function isCsv(resource: DataPackageResource): boolean {
  return resource.format === 'csv' && resource.bytes > 0;
}

/**
 * A Table Schema naming the columns of the CSV's header line, every one a string (nothing
 * is inferred from the values: that would mean reading the whole file). `head` is the file's
 * start, `whole` whether it is all of the file. Undefined when the header does not end within
 * `head`, is not valid UTF-8, or names a column twice or not at all.
 */
export function csvSchema(
  head: Buffer,
  whole: boolean,
): { fields: { name: string; type: 'string' }[] } | undefined {
  const text = new TextDecoder('utf-8', { ignoreBOM: false, fatal: false }).decode(head);
  const names = headerRecord(text, whole);
  if (names === undefined || names.length === 0) {
    return undefined;
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '' || name.includes('\uFFFD') || seen.has(name)) {
      return undefined;
    }
    seen.add(name);
  }
  return { fields: names.map((name) => ({ name, type: 'string' as const })) };
}

/** The first CSV record's values (RFC 4180 quoting), or undefined when it does not end here. */
function headerRecord(text: string, whole: boolean): string[] | undefined {
  const values: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        value += char;
      }
    } else if (char === '"' && value === '') {
      quoted = true;
    } else if (char === ',') {
      values.push(value);
      value = '';
    } else if (char === '\n' || char === '\r') {
      values.push(value);
      return values;
    } else {
      value += char;
    }
  }
  if (!whole || quoted) {
    return undefined;
  }
  values.push(value);
  return values;
}

/** A licence as a Frictionless `licenses` item: it needs a `name` or a `path`. */
function licenseOf(licence: { name: string; url: string }) {
  const item: { name?: string; path?: string; title: string } = { title: licence.name };
  if (LICENSE_NAME.test(licence.name)) {
    item.name = licence.name;
  }
  if (/^https?:\/\//.test(licence.url)) {
    item.path = licence.url;
  }
  return item.name === undefined && item.path === undefined ? undefined : item;
}

/** The descriptor (datapackage.json) of a dataset and its files' resources, as UTF-8 JSON. */
export function dataPackageJson(
  dataset: PackagedDataset,
  resources: readonly DataPackageResource[],
): Buffer {
  const license = dataset.licence && licenseOf(dataset.licence);
  const descriptor = {
    name: dataset.id,
    title: dataset.title,
    ...(dataset.description === '' ? {} : { description: dataset.description }),
    ...(license === undefined ? {} : { licenses: [license] }),
    resources,
  };
  return Buffer.from(JSON.stringify(descriptor, null, 2));
}
