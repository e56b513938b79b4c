import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { claimNotificationEmail, listStrandedNotificationEmails, markNotificationEmailSent, recordNotificationEmailFailure } from '@app/dal';
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
    const claimed = await claimNotificationEmail(this.db, notificationId);
    if (!claimed) return 'already-handled';
    try {
      const text = emailWithLink(claimed.body, claimed.link ? publicLink(this.config.PUBLIC_URL, claimed.link) : null);
      await this.mailer.send({ to: { name: claimed.full_name, address: claimed.email }, subject: claimed.title, text });
    } catch (error) {
      await recordNotificationEmailFailure(
        this.db,
        notificationId,
        finalAttempt ? 'failed' : 'pending',
        String((error as Error).message ?? error).slice(0, 1000),
      );
      throw error;
    }
    await markNotificationEmailSent(this.db, notificationId);
    return 'sent';
  }

  /** Notices whose e-mail waits without a job (Redis lost it, or a worker died mid-send). */
  async pendingIds(limit: number): Promise<string[]> {
    return listStrandedNotificationEmails(this.db, limit);
  }
}
