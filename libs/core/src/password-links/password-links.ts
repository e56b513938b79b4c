import { EntityManager } from 'typeorm';
import { appendOutbox } from '@app/dal';
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
  await em.query(`UPDATE password_links SET revoked_at = now() WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL AND revoked_at IS NULL`, [userIds]);
  const rows: { id: string }[] = await em.query(
    `INSERT INTO password_links (user_id, reason, requested_by, import_id)
     SELECT u, $2, $3, $4 FROM unnest($1::uuid[]) AS u RETURNING id`,
    [userIds, links.reason, links.requestedBy, links.importId ?? null],
  );
  return appendOutbox(
    em,
    rows.map((r) => ({ name: JobName.SendPasswordLink, data: { linkId: r.id } })),
  );
}
