import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { PasswordLinkReason, publicLink, setPasswordMail, setPasswordPath } from '@app/domain';
import { Mailer } from '../notifications/mailer';
import { newPasswordLinkToken } from './password-link-token';

interface Claimed {
  email: string;
  full_name: string;
  username: string;
  reason: PasswordLinkReason;
  expires_at: Date;
}

/**
 * Sends a set-password link's e-mail once (job `password-link.send`), as EmailDelivery sends a
 * notice's: the row is claimed (pending → sending) before the SMTP call and marked sent after it,
 * so a job run twice sends nothing the second time. The token is made at the claim and only its
 * hash written, so the clear token exists nowhere but in the e-mail; a failed send forgets the hash
 * (that token was never delivered) and a retry makes a new one. A link revoked or used meanwhile is
 * not sent.
 */
@Injectable()
export class PasswordLinkDelivery {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async deliver(linkId: string, finalAttempt: boolean): Promise<string> {
    const { token, hash } = newPasswordLinkToken();
    const [claimed]: Claimed[] = await this.db
      .query(
        `UPDATE password_links l SET email_state = 'sending', email_claimed_at = now(), email_attempts = email_attempts + 1,
              token_hash = $2, expires_at = now() + make_interval(days => $3)
         FROM users u
        WHERE l.id = $1 AND u.id = l.user_id AND l.used_at IS NULL AND l.revoked_at IS NULL
          AND (l.email_state = 'pending' OR (l.email_state = 'sending' AND l.email_claimed_at < now() - interval '5 minutes'))
        RETURNING u.email, u.full_name, u.username, l.reason, l.expires_at`,
        [linkId, hash, this.config.SET_PASSWORD_LINK_DAYS],
      )
      .then((result) => result[0]);
    if (!claimed) return 'already-handled';
    const mail = setPasswordMail({
      fullName: claimed.full_name,
      username: claimed.username,
      link: publicLink(this.config.PUBLIC_URL, setPasswordPath(token)),
      expiresAt: new Date(claimed.expires_at),
      reason: claimed.reason,
    });
    try {
      await this.mailer.send({ to: { name: claimed.full_name, address: claimed.email }, subject: mail.subject, text: mail.text });
    } catch (error) {
      await this.db.query(`UPDATE password_links SET email_state = $2, email_error = $3, token_hash = NULL WHERE id = $1`, [
        linkId,
        finalAttempt ? 'failed' : 'pending',
        String((error as Error).message ?? error).slice(0, 1000),
      ]);
      throw error;
    }
    await this.db.query(`UPDATE password_links SET email_state = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`, [linkId]);
    return 'sent';
  }

  /** Links whose e-mail waits without a job (Redis lost it, or a worker died mid-send). */
  async pendingIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM password_links
        WHERE used_at IS NULL AND revoked_at IS NULL
          AND ((email_state = 'pending' AND created_at < now() - interval '30 seconds')
            OR (email_state = 'sending' AND email_claimed_at < now() - interval '5 minutes'))
        ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
