import { Queryable } from '../queryable';

/** What the e-mail of a claimed notice says, and to whom. */
export interface ClaimedEmailRow {
  title: string;
  body: string;
  link: string | null;
  email: string;
  full_name: string;
}

/**
 * Claims a notice's e-mail for sending (pending → sending), or takes over a claim left for five
 * minutes by a worker that died mid-send; undefined when it is sent, failed or being sent.
 */
export async function claimNotificationEmail(db: Queryable, notificationId: string): Promise<ClaimedEmailRow | undefined> {
  const [rows]: [ClaimedEmailRow[], number] = await db.query(
    `UPDATE notifications n SET email_state = 'sending', email_claimed_at = now(), email_attempts = email_attempts + 1
         FROM users u
        WHERE n.id = $1 AND u.id = n.user_id
          AND (n.email_state = 'pending' OR (n.email_state = 'sending' AND n.email_claimed_at < now() - interval '5 minutes'))
        RETURNING n.title, n.body, n.link, u.email, u.full_name`,
    [notificationId],
  );
  return rows[0];
}

/** A failed send: back to pending for the queue's retry, or failed on the last attempt, keeping the error. */
export async function recordNotificationEmailFailure(db: Queryable, notificationId: string, state: 'pending' | 'failed', error: string): Promise<void> {
  await db.query(`UPDATE notifications SET email_state = $2, email_error = $3 WHERE id = $1`, [notificationId, state, error]);
}

export async function markNotificationEmailSent(db: Queryable, notificationId: string): Promise<void> {
  await db.query(`UPDATE notifications SET email_state = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`, [notificationId]);
}

/** Notices whose e-mail waits without a job (Redis lost it, or a worker died mid-send), oldest first. */
export async function listStrandedNotificationEmails(db: Queryable, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM notifications
        WHERE (email_state = 'pending' AND created_at < now() - interval '30 seconds')
           OR (email_state = 'sending' AND email_claimed_at < now() - interval '5 minutes')
        ORDER BY created_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}
