import { Injectable } from '@nestjs/common';

/** Tokens kept at most; the oldest goes first. */
const MAX_TOKENS = 10_000;

/**
 * Access tokens whose signature and expiry passport-jwt has checked, with their claims, until
 * they expire. A token is a signed, immutable string: verified once, it verifies the same way
 * until its `exp`, so the HMAC and passport's per-request set-up (a fifth of a cached dataset
 * GET's CPU) need not run again. Only the check of the token is remembered: the user behind it
 * is looked up on every request (deactivation still takes effect at once), and any other string,
 * a tampered copy included, goes through passport.
 */
@Injectable()
export class VerifiedTokens {
  private readonly tokens = new Map<string, { claims: unknown; expiresAt: number }>();

  /** The claims of a token verified before and not expired since, else undefined. */
  claimsOf(token: string): unknown {
    const entry = this.tokens.get(token);
    if (entry === undefined) {
      return undefined;
    }
    // jsonwebtoken's rule: expired once the current whole second reaches `exp`.
    if (Math.floor(Date.now() / 1000) >= entry.expiresAt) {
      this.tokens.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  /** Called with claims passport-jwt has just verified. Tokens without `exp` are not kept. */
  remember(token: string, claims: unknown): void {
    const exp = (claims as { exp?: unknown } | null)?.exp;
    if (typeof exp !== 'number') {
      return;
    }
    if (this.tokens.size >= MAX_TOKENS) {
      this.tokens.delete(this.tokens.keys().next().value as string);
    }
    this.tokens.set(token, { claims, expiresAt: exp });
  }
}
