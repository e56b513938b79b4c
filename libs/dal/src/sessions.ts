import { EntityManager } from 'typeorm';

/**
 * Sessions of signed-in people. An access token names its session (`sid`) and the user's token
 * version when it was signed (`tv`); the API accepts it only while the session is open and the
 * version unchanged (one indexed query per request, in AuthService.actorOf).
 */

/** Records a new session at login, with the expiry of the token that carries it. */
export async function startSession(em: EntityManager, session: { id: string; userId: string; address: string; expiresAt: Date }): Promise<void> {
  // Sessions that expired on their own are of no further use; the user's own are cleared as they sign in again.
  await em.query(`DELETE FROM user_sessions WHERE user_id = $1 AND expires_at < now() - interval '1 day'`, [session.userId]);
  await em.query(`INSERT INTO user_sessions (id, user_id, address, expires_at) VALUES ($1, $2, $3, $4)`, [
    session.id,
    session.userId,
    session.address.slice(0, 100),
    session.expiresAt,
  ]);
}

/** Ends one session (a logout). Answers whether it was still open. */
export async function endSession(em: EntityManager, sessionId: string): Promise<boolean> {
  const [, count] = await em.query(`UPDATE user_sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL`, [sessionId]);
  return count > 0;
}

/**
 * Ends every session of these users at once, in the caller's transaction: after a password change,
 * a deactivation or the removal of a role. Raising the token version also refuses a token whose
 * login was under way while this transaction ran (it carries the old version).
 */
export async function endSessionsOf(em: EntityManager, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await em.query(`UPDATE users SET token_version = token_version + 1 WHERE id = ANY($1::uuid[])`, [ids]);
  await em.query(`UPDATE user_sessions SET ended_at = now() WHERE user_id = ANY($1::uuid[]) AND ended_at IS NULL`, [ids]);
}
