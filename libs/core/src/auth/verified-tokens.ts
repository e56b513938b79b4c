import { SessionClaims } from '@app/domain';

/** Tokens kept at most; the oldest go first (a Map keeps insertion order). About 0.5 KB each. */
const MAX_KEPT = 10_000;

/**
 * The claims of bearer tokens whose signature this process has verified, until they expire. A
 * signature check (HMAC and two JSON parses) was a tenth of the API's CPU for a cheap GET, and
 * its answer for the same string cannot change while the process lives with the same secret.
 * Only the signature is remembered: the session behind it is still checked on every request
 * (CheckedSessions, which revocations clear), so a signed-out token fails at once.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, SessionClaims>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The claims of a token verified before and not yet expired; null means verify it. */
  find(token: string): SessionClaims | null {
    const claims = this.tokens.get(token);
    if (!claims) return null;
    if (claims.expiresAt * 1000 <= this.now()) {
      this.tokens.delete(token);
      return null;
    }
    return claims;
  }

  keep(token: string, claims: SessionClaims): void {
    if (this.tokens.size >= MAX_KEPT) this.tokens.delete(this.tokens.keys().next().value as string);
    this.tokens.set(token, claims);
  }

  get size(): number {
    return this.tokens.size;
  }
}
