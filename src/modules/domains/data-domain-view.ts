import type { DataDomain } from './data-domain.entity.js';

/** A data domain as every face and module reads it (datasets show the description). */
export interface DataDomainView {
  readonly id: number;
  /** The two-letter code (`ic`, `od`, ...). */
  readonly name: string;
  readonly description: string;
}

export function dataDomainView(domain: DataDomain): DataDomainView {
  return { id: domain.id, name: domain.name, description: domain.description };
}
