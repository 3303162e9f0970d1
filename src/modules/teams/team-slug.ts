/** data.world's owner rule: lower-case letters, digits and single hyphens, 3-31 characters. */
export const TEAM_SLUG_MAX = 31;
export const SLUG_PATTERN = /^[a-z0-9](?:-(?!-)|[a-z0-9])+[a-z0-9]$/;

/**
 * The slug a name derives to (dataworld-v0 spec, B section 4): lower-case, whitespace and
 * hyphen runs become one `-`, every other character outside [a-z0-9-] is dropped, `-` trimmed,
 * cut to `max`. May come back shorter than 3 characters: the caller decides what then.
 */
export function deriveSlug(name: string, max: number): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\s-]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  return trimHyphens(base.slice(0, max));
}

/** The n-th candidate for a base (n = 1: the base itself), cut so the suffix still fits. */
export function slugCandidate(base: string, n: number, max: number): string {
  if (n === 1) {
    return base;
  }
  const suffix = `-${n}`;
  return `${trimHyphens(base.slice(0, max - suffix.length))}${suffix}`;
}

function trimHyphens(value: string): string {
  return value.replace(/^-+|-+$/g, '');
}
