/**
 * The claims of an access token the engine accepts: whose (`sub`), which session (`sid`), which
 * generation of the user's sessions (`tv`, the user's token version when it was signed), and an
 * expiry. A token missing any of them, or with ids that are not UUIDs, is no session of ours, however
 * well it is signed: a token without `exp` would never expire, and a subject that is not a UUID
 * would only reach the database to be refused there.
 */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  tokenVersion: number;
  expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims of a verified token payload, or null when it lacks one or has one of the wrong form. */
export function sessionClaimsOf(payload: unknown): SessionClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { sub, sid, tv, exp } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !UUID.test(sub)) return null;
  if (typeof sid !== 'string' || !UUID.test(sid)) return null;
  // The version is a PostgreSQL integer: a larger one is no version of ours.
  if (typeof tv !== 'number' || !Number.isInteger(tv) || tv < 0 || tv > 2_147_483_647) return null;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  return { userId: sub, sessionId: sid, tokenVersion: tv, expiresAt: exp };
}
