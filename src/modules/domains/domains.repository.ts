import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';
import { DataDomain } from './data-domain.entity.js';

@Injectable()
export class DomainsRepository {
  private readonly domains: Repository<DataDomain>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.domains = dataSource.getRepository(DataDomain);
  }

  /** The base of `POST /v1/domains/list`; the filter compiler adds the caller's spec. */
  listQuery(alias: string): SelectQueryBuilder<DataDomain> {
    return this.domains.createQueryBuilder(alias);
  }

  findById(id: number): Promise<DataDomain | null> {
    return this.domains.findOneBy({ id });
  }

  findByName(name: string): Promise<DataDomain | null> {
    return this.domains.findOneBy({ name });
  }
}
