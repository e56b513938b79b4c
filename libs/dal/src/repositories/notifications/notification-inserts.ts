import type { NotificationKind } from '../../entities/notification.entity';
import { Queryable } from '../queryable';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  planId?: string | null;
  reportId?: string | null;
  taskId?: string | null;
  /** The web app's page that acts on it (page-links.ts); its e-mail links there under PUBLIC_URL. */
  link?: string | null;
  /** The idempotency key: a notice whose key exists already is not created again. */
  dedupKey: string;
}

export interface CreatedNotification {
  id: string;
  dedupKey: string;
}

/** Notices per INSERT: a launch tells ten thousand people at once; each statement's arrays stay bounded. */
const NOTICES_PER_INSERT = 2000;

/** Inserts notices, skipping those whose key exists; returns the ones created. */
export async function insertNotifications(db: Queryable, notices: readonly NewNotification[]): Promise<CreatedNotification[]> {
  const created: CreatedNotification[] = [];
  for (let start = 0; start < notices.length; start += NOTICES_PER_INSERT) {
    const chunk = notices.slice(start, start + NOTICES_PER_INSERT);
    const rows: CreatedNotification[] = await db.query(
      `INSERT INTO notifications (user_id, kind, title, body, plan_id, report_id, task_id, dedup_key, link)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::varchar[], $9::varchar[])
       ON CONFLICT (dedup_key) DO NOTHING RETURNING id, dedup_key AS "dedupKey"`,
      [
        chunk.map((n) => n.userId),
        chunk.map((n) => n.kind),
        chunk.map((n) => n.title),
        chunk.map((n) => n.body),
        chunk.map((n) => n.planId ?? null),
        chunk.map((n) => n.reportId ?? null),
        chunk.map((n) => n.taskId ?? null),
        chunk.map((n) => n.dedupKey),
        chunk.map((n) => n.link ?? null),
      ],
    );
    created.push(...rows);
  }
  return created;
}
