import { EntityManager } from 'typeorm';
import { appendOutbox, insertPasswordLinks, revokeOpenPasswordLinks } from '@app/dal';
import type { PasswordLinkReason } from '@app/domain';
import { JobName } from '@app/jobs';

export interface NewPasswordLinks {
  userIds: readonly string[];
  reason: PasswordLinkReason;
  /** Who asked for them (an administrator, or whoever sent the import). */
  requestedBy: string;
  importId?: string;
}

/**
 * Records a set-password link for each person, in the caller's transaction, with its e-mail job in
 * the outbox; a person's links not yet used are revoked, so only the newest works. The token is made
 * when the e-mail is sent (PasswordLinkDelivery). Returns the outbox ids, to relay after the commit.
 */
export async function issuePasswordLinks(em: EntityManager, links: NewPasswordLinks): Promise<string[]> {
  const userIds = [...new Set(links.userIds)];
  if (userIds.length === 0) return [];
  await revokeOpenPasswordLinks(em, userIds);
  const linkIds = await insertPasswordLinks(em, { userIds, reason: links.reason, requestedBy: links.requestedBy, importId: links.importId ?? null });
  return appendOutbox(
    em,
    linkIds.map((linkId) => ({ name: JobName.SendPasswordLink, data: { linkId } })),
  );
}
