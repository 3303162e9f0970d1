import { createHash, randomBytes } from 'node:crypto';

/**
 * Every secret starts with this, so a leaked one is easy to recognise (secret scanners, logs)
 * and the auth guard knows it is not a JWT without trying to parse it.
 */
export const API_TOKEN_PREFIX = 'strata_pat_';

/** The prefix and 256 random bits in base64url (43 characters). */
const SECRET_FORMAT = /^strata_pat_[A-Za-z0-9_-]{43}$/;

export function isApiTokenSecret(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

export function newSecret(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What is stored and looked up: SHA-256 (hex) of the whole secret. The secret carries 256
 * random bits, so a fast hash is enough (there is nothing to guess), and finding the row by the
 * hash compares nothing an attacker could time byte by byte. Undefined for a string that cannot
 * be one of our secrets, so it costs no query.
 */
export function secretHash(secret: string): string | undefined {
  if (!SECRET_FORMAT.test(secret)) {
    return undefined;
  }
  return createHash('sha256').update(secret).digest('hex');
}
