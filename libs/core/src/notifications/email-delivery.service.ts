import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { emailWithLink, publicLink } from '@app/domain';
import { Mailer } from './mailer';

/**
 * Sends a notification's e-mail once, with the address of the page that acts on it (PUBLIC_URL and
 * the notice's link) under its text. The row is claimed (pending → sending) before the SMTP call
 * and marked sent after it, so a job that runs twice sends nothing the second time; a failure puts
 * it back to pending for the queue's retry, or marks it failed on the last attempt.
 */
@Injectable()
export class EmailDelivery {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async deliver(notificationId: string, finalAttempt: boolean): Promise<string> {
    const [claimed] = await this.db
      .query(
        `UPDATE notifications n SET email_state = 'sending', email_claimed_at = now(), email_attempts = email_attempts + 1
         FROM users u
        WHERE n.id = $1 AND u.id = n.user_id
          AND (n.email_state = 'pending' OR (n.email_state = 'sending' AND n.email_claimed_at < now() - interval '5 minutes'))
        RETURNING n.title, n.body, n.link, u.email, u.full_name`,
        [notificationId],
      )
      .then((result) => result[0]);
    if (!claimed) return 'already-handled';
    try {
      const text = emailWithLink(claimed.body, claimed.link ? publicLink(this.config.PUBLIC_URL, claimed.link) : null);
      await this.mailer.send({ to: { name: claimed.full_name, address: claimed.email }, subject: claimed.title, text });
    } catch (error) {
      await this.db.query(`UPDATE notifications SET email_state = $2, email_error = $3 WHERE id = $1`, [
        notificationId,
        finalAttempt ? 'failed' : 'pending',
        String((error as Error).message ?? error).slice(0, 1000),
      ]);
      throw error;
    }
    await this.db.query(`UPDATE notifications SET email_state = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`, [notificationId]);
    return 'sent';
  }

  /** Notices whose e-mail waits without a job (Redis lost it, or a worker died mid-send). */
  async pendingIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM notifications
        WHERE (email_state = 'pending' AND created_at < now() - interval '30 seconds')
           OR (email_state = 'sending' AND email_claimed_at < now() - interval '5 minutes')
        ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
