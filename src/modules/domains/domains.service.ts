import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { FilterResource } from '../../common/filter-spec/index.js';
import { executeList, type ListRequest, type ListResult } from '../../common/http/list.js';
import { dataDomainView, type DataDomainView } from './data-domain-view.js';
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

/** The data domains are fixed (seeded by migration): this module only reads them. */
@Injectable()
export class DomainsService {
  constructor(private readonly domains: DomainsRepository) {}

  async list(request: ListRequest): Promise<ListResult<DataDomainView>> {
    return executeList(this.domains.listQuery('d'), 'd', DOMAIN_FILTER, request, (domains) =>
      domains.map(dataDomainView),
    );
  }

  async get(pk: number): Promise<DataDomainView> {
    const domain = await this.findRef(pk);
    if (!domain) {
      throw new NotFoundError();
    }
    return domain;
  }

  async findRef(pk: number): Promise<DataDomainView | undefined> {
    const domain = await this.domains.findById(pk);
    return domain ? dataDomainView(domain) : undefined;
  }

  async findRefByName(name: string): Promise<DataDomainView | undefined> {
    const domain = await this.domains.findByName(name);
    return domain ? dataDomainView(domain) : undefined;
  }
}
