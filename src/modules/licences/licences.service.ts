import { Injectable } from '@nestjs/common';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  RequestValidationError,
} from '../../common/errors/domain-error.js';
import { foreignKeyViolation } from '../../common/errors/pg-errors.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import type {
  CreateLicenceCommand,
  SubdescriptorModSpec,
  UpdateLicenceCommand,
} from './licence.commands.js';
import type { Licence } from './licence.entity.js';
import { licenceView, type LicenceView } from './licence-view.js';
import { emptySubdescriptorNames, LicencesRepository } from './licences.repository.js';

/** What may be filtered and ordered on (the sub-descriptor lists are not filterable). */
export const LICENCE_FILTER: FilterResource = {
  name: 'licence',
  table: 'licences',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    url: { column: 'url', type: 'string' },
  },
};

/** A licence as other modules need to know it (datasets, the data.world face). */
export interface LicenceRef {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  /** The data.world licence name it is shown as on `/v0`; null shows as `Other`. */
  readonly dataworldName: string | null;
}

const NAME_TAKEN = { name: ['licence with this name already exists.'] };
/** Attempts at a sub-descriptor add whose new names keep being deleted under it. */
const ADD_ATTEMPTS = 3;

@Injectable()
export class LicencesService {
  constructor(private readonly licences: LicencesRepository) {}

  async list(request: ListRequest): Promise<ListResult<LicenceView>> {
    return executeList(this.licences.listQuery('l'), 'l', LICENCE_FILTER, request, (licences) =>
      this.toViews(licences),
    );
  }

  async get(pk: number): Promise<LicenceView> {
    const [view] = await this.toViews([await this.find(pk)]);
    return view;
  }

  async findRef(pk: number): Promise<LicenceRef | undefined> {
    const licence = await this.licences.findById(pk);
    return licence ? toRef(licence) : undefined;
  }

  /** The licences of these ids that exist, by id: one query for a page of datasets. */
  async findRefs(ids: readonly number[]): Promise<Map<number, LicenceRef>> {
    if (ids.length === 0) {
      return new Map();
    }
    const licences = await this.licences.findByIds([...new Set(ids)]);
    return new Map(licences.map((licence) => [licence.id, toRef(licence)]));
  }

  async findRefByDataworldName(dataworldName: string): Promise<LicenceRef | undefined> {
    const licence = await this.licences.findByDataworldName(dataworldName);
    return licence ? toRef(licence) : undefined;
  }

  async create(command: CreateLicenceCommand): Promise<LicenceView> {
    const id = await this.licences.insertIfNameFree({ name: command.name, url: command.url });
    if (id === undefined) {
      throw new RequestValidationError(NAME_TAKEN);
    }
    return this.get(id);
  }

  /** PUT and PATCH: PUT's command simply has every field. */
  async update(pk: number, command: UpdateLicenceCommand): Promise<LicenceView> {
    const licence = await this.find(pk);
    const changes = {
      ...(command.name !== undefined && { name: command.name }),
      ...(command.url !== undefined && { url: command.url }),
    };
    if (changes.name !== undefined && changes.name !== licence.name) {
      // Checked first for the common case; the unique constraint settles races.
      if (await this.licences.findByName(changes.name)) {
        throw new RequestValidationError(NAME_TAKEN);
      }
    }
    if (Object.keys(changes).length > 0 && !(await this.licences.update(pk, changes))) {
      throw new RequestValidationError(NAME_TAKEN);
    }
    return this.get(pk);
  }

  async delete(pk: number): Promise<void> {
    const licence = await this.find(pk);
    try {
      await this.licences.delete(pk);
    } catch (error) {
      // Datasets reference licences without cascading: a licence in use stays.
      if (foreignKeyViolation(error)) {
        throw new ConflictError(`Cannot delete licence '${licence.name}': it is still in use.`);
      }
      throw error;
    }
  }

  /**
   * `PATCH /v1/licences/{pk}/subdescriptors`: adds or removes sub-descriptors by name or pk, in
   * one transaction. A new name is created on add; a sub-descriptor no licence uses any more
   * after a remove is deleted.
   */
  async modifySubdescriptors(pk: number, spec: SubdescriptorModSpec): Promise<LicenceView> {
    await this.licences.transaction(async (tx) => {
      if (!(await tx.lockLicence(pk))) {
        throw new NotFoundError();
      }
      const names = spec.names.filter((name): name is string => typeof name === 'string');
      const ids = spec.names.filter((name): name is number => typeof name === 'number');
      if (spec.method === 'remove') {
        const detached = await tx.detach(spec.type, pk, names, ids);
        await tx.deleteUnusedSubdescriptors(spec.type, detached);
        return;
      }
      const existing = await tx.lockSubdescriptorsByPk(spec.type, ids);
      const missing = ids.find((id) => !existing.has(id));
      if (missing !== undefined) {
        // Only names can create sub-descriptors; a pk must already exist (as in UFDL).
        throw new BadRequestError(
          `Bad value for modify_subdescriptors parameter 'names': ${missing}`,
        );
      }
      await tx.attach(spec.type, pk, [...existing, ...(await this.ensureNames(tx, spec, names))]);
    });
    return this.get(pk);
  }

  /** The ids of `names`, created where missing, retried while a concurrent remove deletes them. */
  private async ensureNames(
    tx: LicencesRepository,
    spec: SubdescriptorModSpec,
    names: string[],
  ): Promise<number[]> {
    if (names.length === 0) {
      return [];
    }
    for (let attempt = 1; ; attempt++) {
      const ids = await tx.ensureSubdescriptorsByName(spec.type, names);
      if (ids.size === names.length) {
        return [...ids.values()];
      }
      if (attempt === ADD_ATTEMPTS) {
        throw new ConflictError('The licence sub-descriptors changed concurrently; try again.');
      }
    }
  }

  private async find(pk: number): Promise<Licence> {
    const licence = await this.licences.findById(pk);
    if (!licence) {
      throw new NotFoundError();
    }
    return licence;
  }

  private async toViews(licences: Licence[]): Promise<LicenceView[]> {
    const names = await this.licences.findSubdescriptorNames(licences.map((l) => l.id));
    return licences.map((licence) =>
      licenceView(licence, names.get(licence.id) ?? emptySubdescriptorNames()),
    );
  }
}

function toRef(licence: Licence): LicenceRef {
  return {
    id: licence.id,
    name: licence.name,
    url: licence.url,
    dataworldName: licence.dataworldName,
  };
}
