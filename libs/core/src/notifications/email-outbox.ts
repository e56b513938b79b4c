import { EntityManager } from 'typeorm';
import { insertNotificationsWithEmail } from '@app/dal';
import { JobName } from '@app/jobs';
import { relayAfterCommit } from '../queue/relay-after-commit';
import { CreatedNotification, NewNotification } from './new-notification';

/** The notices a call created (a notice whose key exists is not created again), and the outbox ids of their e-mails. */
export interface Notified {
  created: CreatedNotification[];
  outbox: string[];
}

/**
 * Creates notices with their e-mail jobs, both in the caller's transaction and in one statement,
 * and relays the jobs once it commits (the caller need not relay `outbox` again).
 */
export async function notifyWithEmail(em: EntityManager, notices: readonly NewNotification[]): Promise<Notified> {
  if (notices.length === 0) return { created: [], outbox: [] };
  const { created, emails } = await insertNotificationsWithEmail(em, notices, JobName.SendEmail);
  const outbox = emails.map((e) => e.outboxId);
  relayAfterCommit(
    em,
    outbox,
    emails.map((e) => ({ name: JobName.SendEmail, data: { notificationId: e.notificationId } })),
  );
  return { created, outbox };
}
