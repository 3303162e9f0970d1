import type { FileDetails } from '../../dataset-files/dataset-files.service.js';
import type { LineageHead } from '../../datasets/datasets.service.js';
import type { DatasetSyncStatus, SourceView } from '../../sources/sources.service.js';
import type { TeamAccess } from '../../teams/team-access.service.js';

/** The licence name data.world shows for a licence it has no name for (spec Part A, Fields). */
const OTHER_LICENCE = 'Other';

export type V0AccessLevel = 'NONE' | 'READ' | 'WRITE' | 'ADMIN';

const ACCESS_LEVELS: Record<TeamAccess, V0AccessLevel> = {
  read: 'READ',
  write: 'WRITE',
  admin: 'ADMIN',
};

/** Everything one dataset's summary is made of, as the domain services give it. */
export interface DatasetSummaryParts {
  readonly dataset: LineageHead;
  /** The licence's data.world name; null or absent shows as `Other`. */
  readonly licenceName: string | null | undefined;
  readonly status: DatasetSyncStatus;
  readonly access: TeamAccess | undefined;
  /** The version's files, in the order they were added. */
  readonly files: readonly FileDetails[];
  /** The version's sourced files, fetched or not. */
  readonly sources: readonly SourceView[];
}

/** data.world's FileSourceSummaryResponse (the parts Strata keeps). */
export interface FileSourceJson {
  url: string;
  expandArchive: boolean;
  syncStatus: SourceView['syncStatus'];
  lastSyncStart?: string;
  lastSyncSuccess?: string;
  lastSyncFailure?: string;
  syncSummary?: string;
}

/** data.world's FileSummaryResponse. */
export interface FileSummaryJson {
  name: string;
  /** Absent while a sourced file has not been fetched (decision 13). */
  sizeInBytes?: number;
  created: string;
  updated: string;
  description?: string;
  labels?: string[];
  source?: FileSourceJson;
}

/** data.world's DatasetSummaryResponse. */
export interface DatasetSummaryJson {
  owner: string;
  id: string;
  title: string;
  description?: string;
  summary?: string;
  tags: string[];
  license: string;
  visibility: 'OPEN' | 'PRIVATE';
  status: DatasetSyncStatus;
  accessLevel: V0AccessLevel;
  isProject: false;
  version: string;
  created: string;
  updated: string;
  files: FileSummaryJson[];
}

/** data.world's PaginatedDatasetResults. */
export interface DatasetPageJson {
  count: number;
  records: DatasetSummaryJson[];
  nextPageToken?: string;
}

/** The v1 tags string as a list: split on `,`, trimmed, empties dropped (spec Part A, Fields). */
export function splitTags(tags: string): string[] {
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

export function accessLevelJson(access: TeamAccess | undefined): V0AccessLevel {
  return access === undefined ? 'NONE' : ACCESS_LEVELS[access];
}

export function datasetSummaryJson(parts: DatasetSummaryParts): DatasetSummaryJson {
  const { dataset } = parts;
  return {
    owner: dataset.owner,
    id: dataset.slug,
    title: dataset.name,
    ...(dataset.description !== '' && { description: dataset.description }),
    ...(dataset.summary !== null && dataset.summary !== '' && { summary: dataset.summary }),
    tags: splitTags(dataset.tags),
    license: parts.licenceName ?? OTHER_LICENCE,
    visibility: dataset.isPublic ? 'OPEN' : 'PRIVATE',
    status: parts.status,
    accessLevel: accessLevelJson(parts.access),
    isProject: false,
    version: String(dataset.version),
    created: dataset.creationTime.toISOString(),
    updated: dataset.modificationTime.toISOString(),
    files: filesJson(parts.files, parts.sources),
  };
}

/**
 * The stored files in the order they were added, each with its source if it has one, then the
 * sourced files not fetched yet (by name): they have no bytes, so no size (decision 13).
 */
function filesJson(
  files: readonly FileDetails[],
  sources: readonly SourceView[],
): FileSummaryJson[] {
  const sourceOf = new Map(sources.map((source) => [source.filename, source]));
  const answer = files.map((file) => fileJson(file.name, file, sourceOf.get(file.name), file.size));
  const stored = new Set(files.map((file) => file.name));
  for (const source of sources) {
    if (!stored.has(source.filename)) {
      answer.push(fileJson(source.filename, source, source, undefined));
    }
  }
  return answer;
}

function fileJson(
  name: string,
  details: {
    readonly created: Date;
    readonly updated: Date;
    readonly description: string | null;
    readonly labels: readonly string[] | null;
  },
  source: SourceView | undefined,
  size: number | undefined,
): FileSummaryJson {
  return {
    name,
    ...(size !== undefined && { sizeInBytes: size }),
    created: details.created.toISOString(),
    updated: details.updated.toISOString(),
    ...(details.description !== null &&
      details.description !== '' && { description: details.description }),
    ...(details.labels !== null && details.labels.length > 0 && { labels: [...details.labels] }),
    ...(source && { source: sourceJson(source) }),
  };
}

function sourceJson(source: SourceView): FileSourceJson {
  return {
    url: source.url,
    expandArchive: source.expandArchive,
    syncStatus: source.syncStatus,
    ...(source.lastSyncStart && { lastSyncStart: source.lastSyncStart.toISOString() }),
    ...(source.lastSyncSuccess && { lastSyncSuccess: source.lastSyncSuccess.toISOString() }),
    ...(source.lastSyncFailure && { lastSyncFailure: source.lastSyncFailure.toISOString() }),
    ...(source.syncSummary && { syncSummary: source.syncSummary }),
  };
}

/** A page of summaries; `nextPageToken` only when another page follows. */
export function datasetPageJson(
  records: readonly DatasetSummaryParts[],
  nextPageToken: string | undefined,
): DatasetPageJson {
  return {
    count: records.length,
    records: records.map(datasetSummaryJson),
    ...(nextPageToken !== undefined && { nextPageToken }),
  };
}
