import type { LicenceView } from '../licence-view.js';

/** UFDL's licence JSON; key order is part of the wire contract (LicenceSerialiser's fields). */
export interface LicenceJson {
  pk: number;
  name: string;
  url: string;
  permissions: readonly string[];
  conditions: readonly string[];
  limitations: readonly string[];
  domains: readonly string[];
}

export function licenceJson(licence: LicenceView): LicenceJson {
  return {
    pk: licence.id,
    name: licence.name,
    url: licence.url,
    permissions: licence.permissions,
    conditions: licence.conditions,
    limitations: licence.limitations,
    domains: licence.domains,
  };
}
