import { orderedObjectJson } from '../../common/http/ordered-json.js';
import type { Dataset } from './dataset.entity.js';

/** A JSON string token: a quote, then escapes or anything but a quote or backslash, a quote. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * The files of one dataset version, filename -> blob handle, in the order they were added.
 * Held as PostgreSQL aggregated it (JSON object text) or as a map: a version may hold 100,000
 * files, and the common answer sends the text as it came. Names that look like integers
 * (`"1"`) and `__proto__` keep their place, which a plain object would not give them.
 */
export class DatasetFiles {
  private constructor(
    private readonly text: string | undefined,
    private readonly map: ReadonlyMap<string, string> | undefined,
  ) {}

  static readonly NONE = DatasetFiles.fromMap(new Map());

  /** From a flat JSON object of strings (as `json_object_agg(filename, handle)` writes it). */
  static fromJson(text: string): DatasetFiles {
    return new DatasetFiles(text, undefined);
  }

  static fromMap(map: ReadonlyMap<string, string>): DatasetFiles {
    return new DatasetFiles(undefined, map);
  }

  /** The files as one JSON object, filename -> handle, in order. */
  toJson(): string {
    return this.text ?? orderedObjectJson(this.map!);
  }

  /** `[filename, handle]` pairs in order. */
  *entries(): IterableIterator<[string, string]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    // A flat object of strings: its string tokens alternate between name and handle.
    let name: string | undefined;
    for (const [token] of this.text!.matchAll(JSON_STRING)) {
      const value = JSON.parse(token) as string;
      if (name === undefined) {
        name = value;
      } else {
        yield [name, value];
        name = undefined;
      }
    }
  }

  /** Roughly the memory the files hold, in characters: what a cache weighs them by. */
  get weight(): number {
    if (this.text !== undefined) {
      return this.text.length;
    }
    let weight = 0;
    for (const [name, handle] of this.map!) {
      weight += name.length + handle.length;
    }
    return weight;
  }
}

/**
 * A dataset version as both API faces read it: its record, what decides who may see it (team,
 * visibility) and its files.
 */
export interface DatasetView {
  readonly id: number;
  readonly name: string;
  readonly version: number;
  readonly previousVersion: number;
  readonly description: string;
  readonly projectId: number;
  readonly teamId: number;
  readonly licenceId: number;
  readonly isPublic: boolean;
  readonly domainId: number | null;
  /** The domain's description ("Image Classification"), as UFDL names a domain. */
  readonly domainDescription: string | null;
  readonly tags: string;
  readonly slug: string;
  readonly summary: string | null;
  readonly creatorId: number | null;
  readonly creationTime: Date;
  readonly deletionTime: Date | null;
  /** When its metadata or files last changed (`/v0`'s `updated`; `/v1` shows none). */
  readonly modificationTime: Date;
  /** The file manifest (shared by copies until one of them changes its files). */
  readonly manifestId: number;
  readonly files: DatasetFiles;
}

/** The view of a dataset loaded with its domain, and its files. */
export function datasetView(dataset: Dataset, files: DatasetFiles): DatasetView {
  return {
    id: dataset.id,
    name: dataset.name,
    version: dataset.version,
    previousVersion: dataset.previousVersion,
    description: dataset.description,
    projectId: dataset.projectId,
    teamId: dataset.teamId,
    licenceId: dataset.licenceId,
    isPublic: dataset.isPublic,
    domainId: dataset.domainId,
    domainDescription: dataset.domain?.description ?? null,
    tags: dataset.tags,
    slug: dataset.slug,
    summary: dataset.summary,
    creatorId: dataset.creatorId,
    creationTime: dataset.creationTime,
    deletionTime: dataset.deletionTime,
    modificationTime: dataset.modificationTime,
    manifestId: dataset.manifestId,
    files,
  };
}
