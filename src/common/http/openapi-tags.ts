/**
 * Swagger UI's sections, one per resource, in the order a person meets them: obtain a token,
 * make a team, a project and a dataset, put files in, describe them, version, administer.
 * The document lists its tags in this order; controllers name theirs from here.
 */
export const OPENAPI_TAGS = [
  { name: 'auth', description: 'Obtain, refresh and verify access tokens (JWT)' },
  { name: 'tokens', description: "Long-lived API tokens of the caller's own (`strata_pat_...`)" },
  { name: 'users', description: 'Accounts' },
  { name: 'teams', description: 'Teams and their memberships: who may read or write' },
  { name: 'projects', description: "A team's projects, which hold datasets" },
  { name: 'datasets', description: 'Datasets: create, find, update, delete' },
  { name: 'files', description: "A dataset's files: upload, read, download, delete" },
  { name: 'metadata', description: 'Per-file metadata' },
  { name: 'versioning', description: 'Copy as a new version, merge, clear' },
  { name: 'history', description: "A dataset's versions and what changed between two" },
  { name: 'licences', description: 'Licences a dataset may carry' },
  { name: 'domains', description: 'Data domains' },
  { name: 'admin', description: 'Site admins only: hard deletes, reinstating' },
  { name: 'data.world v0', description: "data.world's dataset API" },
  { name: 'health', description: 'Liveness, readiness and Prometheus metrics' },
] as const;

export type OpenApiTag = (typeof OPENAPI_TAGS)[number]['name'];
