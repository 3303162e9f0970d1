import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import type { DataDomain } from './data-domain.entity.js';
import { toDataDomainJson, type DataDomainJson } from './data-domain.mapper.js';
import { DomainsRepository } from './domains.repository.js';

export const DOMAIN_FILTER: FilterResource = {
  name: 'domain',
  table: 'data_domains',
  primaryKey: 'id',
  fields: {
    pk: { column: 'id', type: 'int' },
    name: { column: 'name', type: 'string' },
    description: { column: 'description', type: 'string' },
  },
};

/** A data domain as other modules need to know it (datasets show the description). */
export interface DataDomainRef {
  readonly id: number;
  /** The two-letter code. */
  readonly name: string;
  readonly description: string;
}

/** The data domains are fixed (seeded by migration): this module only reads them. */
@Injectable()
export class DomainsService {
  constructor(private readonly domains: DomainsRepository) {}

  async list(request: ListRequest): Promise<ListResult<DataDomainJson>> {
    return executeList(this.domains.listQuery('d'), 'd', DOMAIN_FILTER, request, (domains) =>
      domains.map(toDataDomainJson),
    );
  }

  async get(pk: number): Promise<DataDomainJson> {
    const domain = await this.domains.findById(pk);
    if (!domain) {
      throw new NotFoundError();
    }
    return toDataDomainJson(domain);
  }

  async findRef(pk: number): Promise<DataDomainRef | undefined> {
    const domain = await this.domains.findById(pk);
    return domain ? toRef(domain) : undefined;
  }

  async findRefByName(name: string): Promise<DataDomainRef | undefined> {
    const domain = await this.domains.findByName(name);
    return domain ? toRef(domain) : undefined;
  }
}

function toRef(domain: DataDomain): DataDomainRef {
  return { id: domain.id, name: domain.name, description: domain.description };
}
