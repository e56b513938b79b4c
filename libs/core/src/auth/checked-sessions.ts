import { SessionClaims } from '@app/domain';

/** A session the database confirmed open, kept until a revocation notice, its expiry or the time bound. */
interface CheckedSession {
  userId: string;
  username: string;
  tokenVersion: number;
  keptUntil: number;
}

/** How long a confirmed session is trusted without the database, at most: a bound should a notice ever go astray. */
const KEPT_MS = 5 * 60_000;
/** Sessions kept at most; the oldest go first (a Map keeps insertion order). */
const MAX_KEPT = 100_000;

/**
 * The sessions this API process has confirmed open, so that a request costs no query. It is trusted
 * only while revocation notices are heard (`heard(true)`); a notice, or losing the channel that
 * brings them, forgets at once. A check that began before a notice never stores its answer: the
 * answer may be older than the revocation (`ticket` / `keep`).
 */
export class CheckedSessions {
  private readonly sessions = new Map<string, CheckedSession>();
  /** The kept sessions of each user, so that a user's change forgets theirs without a scan. */
  private readonly sessionsOfUser = new Map<string, Set<string>>();
  private listening = false;
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The session's user when it was confirmed with these claims and nothing since revoked it. */
  find(claims: SessionClaims): { id: string; username: string } | null {
    if (!this.listening) return null;
    const kept = this.sessions.get(claims.sessionId);
    if (!kept) return null;
    if (kept.userId !== claims.userId || kept.tokenVersion !== claims.tokenVersion || kept.keptUntil <= this.now()) {
      this.drop(claims.sessionId);
      return null;
    }
    return { id: kept.userId, username: kept.username };
  }

  /** Taken before asking the database; `keep` stores the answer only if no notice came in between. */
  ticket(): number {
    return this.generation;
  }

  keep(ticket: number, claims: SessionClaims, username: string): void {
    if (!this.listening || ticket !== this.generation) return;
    if (this.sessions.size >= MAX_KEPT) this.drop(this.sessions.keys().next().value as string);
    // Never past the token's own expiry: the JWT check refuses it then anyway, and the entry goes.
    const keptUntil = Math.min(this.now() + KEPT_MS, claims.expiresAt * 1000);
    this.drop(claims.sessionId);
    this.sessions.set(claims.sessionId, { userId: claims.userId, username, tokenVersion: claims.tokenVersion, keptUntil });
    const ofUser = this.sessionsOfUser.get(claims.userId) ?? new Set<string>();
    this.sessionsOfUser.set(claims.userId, ofUser.add(claims.sessionId));
  }

  /** A session ended (logout) or was deleted. */
  forgetSession(sessionId: string): void {
    this.generation++;
    this.drop(sessionId);
  }

  /** A user's password, activity or roles changed: every session of theirs goes. */
  forgetUser(userId: string): void {
    this.generation++;
    for (const sessionId of this.sessionsOfUser.get(userId) ?? []) this.sessions.delete(sessionId);
    this.sessionsOfUser.delete(userId);
  }

  /** Whether notices are heard; a change either way forgets everything (notices may have been missed). */
  heard(listening: boolean): void {
    this.generation++;
    this.sessions.clear();
    this.sessionsOfUser.clear();
    this.listening = listening;
  }

  private drop(sessionId: string): void {
    const kept = this.sessions.get(sessionId);
    if (!kept) return;
    this.sessions.delete(sessionId);
    const ofUser = this.sessionsOfUser.get(kept.userId);
    ofUser?.delete(sessionId);
    if (ofUser?.size === 0) this.sessionsOfUser.delete(kept.userId);
  }

  get size(): number {
    return this.sessions.size;
  }
}
