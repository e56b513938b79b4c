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
 * and relays the jobs once it commits.
 */
export async function notifyWithEmail(em: EntityManager, notices: readonly NewNotification[]): Promise<Notified> {
  if (notices.length === 0) return { created: [], outbox: [] };
  const { created, outboxIds } = await insertNotificationsWithEmail(em, notices, JobName.SendEmail);
  relayAfterCommit(em, outboxIds);
  return { created, outbox: outboxIds };
}
