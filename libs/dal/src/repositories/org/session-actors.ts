import { Queryable } from '../queryable';

/** Who a token speaks for, once its session is found open. */
export interface SessionUserRow {
  id: string;
  username: string;
}

/** The session's user, if the session is open, the user active and the token's version current: one indexed query per request. */
export async function findOpenSessionUser(
  db: Queryable,
  claims: { sessionId: string; userId: string; tokenVersion: number },
): Promise<SessionUserRow | undefined> {
  const [user]: SessionUserRow[] = await db.query(
    `SELECT u.id, u.username FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND u.active AND u.token_version = $3`,
    [claims.sessionId, claims.userId, claims.tokenVersion],
  );
  return user;
}
