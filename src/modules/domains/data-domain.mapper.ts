import type { DataDomain } from './data-domain.entity.js';

/** UFDL's DataDomain JSON; key order is part of the wire contract. */
export interface DataDomainJson {
  pk: number;
  name: string;
  description: string;
}

export function toDataDomainJson(domain: DataDomain): DataDomainJson {
  return { pk: domain.id, name: domain.name, description: domain.description };
}
