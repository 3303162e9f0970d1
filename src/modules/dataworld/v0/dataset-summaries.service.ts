import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../common/auth/auth-user.js';
import { DatasetFilesService } from '../../dataset-files/dataset-files.service.js';
import {
  DatasetsService,
  type LineageHead,
  type LineagePage,
  type LineageSelection,
} from '../../datasets/datasets.service.js';
import { LicencesService } from '../../licences/licences.service.js';
import { datasetStatusOf, SourcesService } from '../../sources/sources.service.js';
import { TeamAccessService } from '../../teams/team-access.service.js';
import { TeamsService } from '../../teams/teams.service.js';
import type { DatasetSummaryParts } from './dataset.presenter.js';
import type { DatasetKey } from './dataset-key.js';
import type { PageCursor } from './list-page.js';

/** Which datasets a `/v0` list shows: one owner's, or those of the caller's teams at a role. */
export type SummaryListSelection =
  | { readonly owner: string }
  /** `own`: teams where the caller is A; `contributing`: teams where the caller is W. */
  | { readonly role: 'own' | 'contributing' };

/** One page of summaries, and where the next starts when more remain. */
export interface SummaryPage {
  readonly records: DatasetSummaryParts[];
  readonly next?: PageCursor;
}

/**
 * Gathers what data.world's dataset summary shows from the domain services: the dataset, its
 * files and sources, status, licence and the caller's access. A page of any length costs the
 * same few queries (batched by dataset, never one per record).
 */
@Injectable()
export class DatasetSummariesService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly files: DatasetFilesService,
    private readonly sources: SourcesService,
    private readonly licences: LicencesService,
    private readonly access: TeamAccessService,
    private readonly teams: TeamsService,
  ) {}

  /** The summary of `owner/id`: 404 when unknown or not readable by the caller. */
  async summary(caller: Caller, key: DatasetKey): Promise<DatasetSummaryParts> {
    const { dataset } = await this.datasets.findBySlug(caller, key.owner, key.id);
    const [parts] = await this.assemble(caller, [{ ...dataset, owner: key.owner }]);
    return parts;
  }

  /**
   * A page of the lineages `selection` names that the caller may read, in (owner, id) order.
   * An unknown owner is 404; the caller's own lists need a caller (401).
   */
  async list(
    caller: Caller,
    selection: SummaryListSelection,
    page: LineagePage,
  ): Promise<SummaryPage> {
    const lineages: LineageSelection =
      'owner' in selection
        ? { team: (await this.teams.findBySlug(selection.owner)).id }
        : { memberAt: selection.role === 'own' ? ['A'] : ['W'] };
    // One row past the page says whether another page follows.
    const heads = await this.datasets.listLineages(caller, lineages, {
      ...page,
      limit: page.limit + 1,
    });
    const more = heads.length > page.limit;
    const records = await this.assemble(caller, heads.slice(0, page.limit));
    const last = records.at(-1)?.dataset;
    return more && last ? { records, next: { owner: last.owner, slug: last.slug } } : { records };
  }

  private async assemble(
    caller: Caller,
    heads: readonly LineageHead[],
  ): Promise<DatasetSummaryParts[]> {
    const ids = heads.map((head) => head.id);
    const [files, sources, licences, access] = await Promise.all([
      this.files.fileDetailsOf(ids),
      this.sources.listSourcesOf(ids),
      this.licences.findRefs(heads.map((head) => head.licenceId)),
      this.access.accessLevels(caller, heads),
    ]);
    return heads.map((head, index) => ({
      dataset: head,
      licenceName: licences.get(head.licenceId)?.dataworldName,
      // From the same read as the files' sources, so that the two always agree.
      status: datasetStatusOf(sources.get(head.id) ?? []),
      access: access[index],
      files: files.get(head.id) ?? [],
      sources: sources.get(head.id) ?? [],
    }));
  }
}
