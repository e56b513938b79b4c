import type { PasswordLinkReason } from '@app/domain';
import { Queryable } from '../queryable';

/** A link claimed for its e-mail: where and to whom it goes, and until when it works. */
export interface ClaimedPasswordLinkRow {
  email: string;
  full_name: string;
  username: string;
  reason: PasswordLinkReason;
  expires_at: Date;
}

/** A link used up: whose password it sets. */
export interface UsedPasswordLinkRow {
  user_id: string;
  username: string;
  reason: PasswordLinkReason;
}

/** Revokes these people's links not yet used, so none of them works any longer. */
export async function revokeOpenPasswordLinks(db: Queryable, userIds: readonly string[]): Promise<void> {
  await db.query(`UPDATE password_links SET revoked_at = now() WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL`, [userIds]);
}

/** Records one link per person; answers their ids. */
export async function insertPasswordLinks(
  db: Queryable,
  links: { userIds: readonly string[]; reason: PasswordLinkReason; requestedBy: string; importId: string | null },
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO password_links (user_id, reason, requested_by, import_id)
     SELECT u, $2, $3, $4 FROM unnest($1::uuid[]) AS u RETURNING id`,
    [links.userIds, links.reason, links.requestedBy, links.importId],
  );
  return rows.map((r) => r.id);
}

/**
 * Claims a link's e-mail (pending, or a send that stalled 5 minutes) and writes the new token's
 * hash and expiry; undefined when it is handled already, used or revoked.
 */
export async function claimPasswordLinkEmail(db: Queryable, linkId: string, tokenHash: Buffer, days: number): Promise<ClaimedPasswordLinkRow | undefined> {
  return db
    .query(
      `UPDATE password_links l SET email_state = 'sending', email_claimed_at = now(), email_attempts = email_attempts + 1,
              token_hash = $2, expires_at = now() + make_interval(days => $3)
         FROM users u
        WHERE l.id = $1 AND u.id = l.user_id AND l.used_at IS NULL AND l.revoked_at IS NULL
          AND (l.email_state = 'pending' OR (l.email_state = 'sending' AND l.email_claimed_at < now() - interval '5 minutes'))
        RETURNING u.email, u.full_name, u.username, l.reason, l.expires_at`,
      [linkId, tokenHash, days],
    )
    .then((result: [ClaimedPasswordLinkRow[], number]) => result[0][0]);
}

/** A send failed: the token never delivered is forgotten, and the e-mail waits again (or has failed for good). */
export async function recordPasswordLinkEmailFailure(db: Queryable, linkId: string, state: 'failed' | 'pending', error: string): Promise<void> {
  await db.query(`UPDATE password_links SET email_state = $2, email_error = $3, token_hash = NULL WHERE id = $1`, [linkId, state, error]);
}

export async function markPasswordLinkEmailed(db: Queryable, linkId: string): Promise<void> {
  await db.query(`UPDATE password_links SET email_state = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`, [linkId]);
}

/** Links whose e-mail waits without a job (Redis lost it, or a worker died mid-send). */
export async function pendingPasswordLinkIds(db: Queryable, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM password_links
        WHERE used_at IS NULL AND revoked_at IS NULL
          AND ((email_state = 'pending' AND created_at < now() - interval '30 seconds')
            OR (email_state = 'sending' AND email_claimed_at < now() - interval '5 minutes'))
        ORDER BY created_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

/** The usable link with this token's hash (not used, revoked or expired, its person active): its id. */
export async function findUsablePasswordLinkId(db: Queryable, tokenHash: Buffer): Promise<string | undefined> {
  const [link]: { id: string }[] = await db.query(
    `SELECT l.id FROM password_links l JOIN users u ON u.id = l.user_id
        WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND u.active`,
    [tokenHash],
  );
  return link?.id;
}

/** Uses the link up if it is still usable; undefined when it no longer is. */
export async function usePasswordLink(db: Queryable, linkId: string): Promise<UsedPasswordLinkRow | undefined> {
  return db
    .query(
      `UPDATE password_links l SET used_at = now() FROM users u
          WHERE l.id = $1 AND u.id = l.user_id AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND u.active
          RETURNING l.user_id, u.username, l.reason`,
      [linkId],
    )
    .then((result: [UsedPasswordLinkRow[], number]) => result[0][0]);
}

/** Revokes a person's other links not yet used, once one of them set the password. */
export async function revokeOtherPasswordLinks(db: Queryable, userId: string, usedLinkId: string): Promise<void> {
  await db.query(`UPDATE password_links SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND used_at IS NULL AND revoked_at IS NULL`, [
    userId,
    usedLinkId,
  ]);
}
