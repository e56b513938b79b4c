import type { NotificationKind } from '../../entities/notification.entity';
import { Queryable } from '../queryable';

/** A notice as the inbox shows it. */
export interface InboxNoticeRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  planId: string | null;
  reportId: string | null;
  taskId: string | null;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxPage {
  unreadOnly: boolean;
  limit: number;
  offset: number;
}

/** One page of a person's inbox, newest first. */
export async function listInboxNotices(db: Queryable, userId: string, page: InboxPage): Promise<InboxNoticeRow[]> {
  return db.query(
    `SELECT id, kind, title, body, plan_id AS "planId", report_id AS "reportId", task_id AS "taskId", link, created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 AND ($2 = false OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
    [userId, page.unreadOnly, page.limit, page.offset],
  );
}

export async function countUnreadNotices(db: Queryable, userId: string): Promise<number> {
  const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  return row.n;
}

/** Marks the person's own notice read (kept at the first reading); undefined when it is not theirs or unknown. */
export async function markNoticeRead(db: Queryable, userId: string, id: string): Promise<InboxNoticeRow | undefined> {
  const [rows]: [InboxNoticeRow[], number] = await db.query(
    `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING id, kind, title, body, plan_id AS "planId", report_id AS "reportId", task_id AS "taskId", link, created_at AS "createdAt", read_at AS "readAt"`,
    [id, userId],
  );
  return rows[0];
}

/** Marks every unread notice of the person read; returns how many. */
export async function markAllNoticesRead(db: Queryable, userId: string): Promise<number> {
  const [, updated]: [unknown[], number] = await db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  return updated;
}
