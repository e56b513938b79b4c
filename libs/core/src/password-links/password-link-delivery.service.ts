import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { claimPasswordLinkEmail, markPasswordLinkEmailed, pendingPasswordLinkIds, recordPasswordLinkEmailFailure } from '@app/dal';
import { publicLink, setPasswordMail, setPasswordPath } from '@app/domain';
import { Mailer } from '../notifications/mailer';
import { newPasswordLinkToken } from './password-link-token';

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
    const claimed = await claimPasswordLinkEmail(this.db, linkId, hash, this.config.SET_PASSWORD_LINK_DAYS);
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
      await recordPasswordLinkEmailFailure(this.db, linkId, finalAttempt ? 'failed' : 'pending', String((error as Error).message ?? error).slice(0, 1000));
      throw error;
    }
    await markPasswordLinkEmailed(this.db, linkId);
    return 'sent';
  }

  /** Links whose e-mail waits without a job (Redis lost it, or a worker died mid-send). */
  async pendingIds(limit: number): Promise<string[]> {
    return pendingPasswordLinkIds(this.db, limit);
  }
}
