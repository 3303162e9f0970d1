import type { DataDomainView } from '../data-domain-view.js';

/** UFDL's DataDomain JSON; key order is part of the wire contract. */
export interface DataDomainJson {
  pk: number;
  name: string;
  description: string;
}

export function dataDomainJson(domain: DataDomainView): DataDomainJson {
  return { pk: domain.id, name: domain.name, description: domain.description };
}
