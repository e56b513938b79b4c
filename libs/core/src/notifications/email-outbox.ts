import { EntityManager } from 'typeorm';
import { appendOutbox } from '@app/dal';
import { JobName } from '@app/jobs';
import { relayAfterCommit } from '../queue/relay-after-commit';
import { CreatedNotification } from './new-notification';

/**
 * The e-mail jobs of notices just created, recorded in the same transaction and relayed once it
 * commits; returns the outbox ids.
 */
export async function emailInOutbox(em: EntityManager, created: readonly CreatedNotification[]): Promise<string[]> {
  const ids = await appendOutbox(
    em,
    created.map(({ id }) => ({ name: JobName.SendEmail, data: { notificationId: id } })),
  );
  relayAfterCommit(em, ids);
  return ids;
}
