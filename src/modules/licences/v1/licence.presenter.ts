import type { Licence } from './licence.entity.js';
import type { SubdescriptorNames } from './licences.repository.js';

/** UFDL's licence JSON; key order is part of the wire contract (LicenceSerialiser's fields). */
export interface LicenceJson {
  pk: number;
  name: string;
  url: string;
  permissions: string[];
  conditions: string[];
  limitations: string[];
  domains: string[];
}

export function toLicenceJson(licence: Licence, names: SubdescriptorNames): LicenceJson {
  return {
    pk: licence.id,
    name: licence.name,
    url: licence.url,
    permissions: names.permissions,
    conditions: names.conditions,
    limitations: names.limitations,
    domains: names.domains,
  };
}
