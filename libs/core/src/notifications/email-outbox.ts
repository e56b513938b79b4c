import { EntityManager } from 'typeorm';
import { appendOutbox } from '@app/dal';
import { JobName } from '@app/jobs';
import { CreatedNotification } from './new-notification';

/** The e-mail jobs of notices just created, recorded in the same transaction; returns the outbox ids. */
export function emailInOutbox(em: EntityManager, created: readonly CreatedNotification[]): Promise<string[]> {
  return appendOutbox(em, created.map(({ id }) => ({ name: JobName.SendEmail, data: { notificationId: id } })));
}
