import type { Licence } from './licence.entity.js';
import type { SubdescriptorNames } from './licences.repository.js';

/** A licence with the names of its sub-descriptors, each list in sub-descriptor id order. */
export interface LicenceView {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly permissions: readonly string[];
  readonly conditions: readonly string[];
  readonly limitations: readonly string[];
  readonly domains: readonly string[];
}

export function licenceView(licence: Licence, names: SubdescriptorNames): LicenceView {
  return {
    id: licence.id,
    name: licence.name,
    url: licence.url,
    permissions: names.permissions,
    conditions: names.conditions,
    limitations: names.limitations,
    domains: names.domains,
  };
}
