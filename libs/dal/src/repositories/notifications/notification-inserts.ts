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

/** Notices created, and the outbox rows of their e-mails. */
export interface NotifiedWithEmail {
  created: CreatedNotification[];
  /** One per notice created: the outbox row of its e-mail job. */
  emails: { outboxId: string; notificationId: string }[];
}

/**
 * Inserts notices, skipping those whose key exists, and for each one created an outbox row of its
 * e-mail job (`emailJob`, with `{ notificationId }`), in one statement per chunk: a stage's move
 * tells its new task holders and the report's people in two of them instead of four.
 */
export async function insertNotificationsWithEmail(db: Queryable, notices: readonly NewNotification[], emailJob: string): Promise<NotifiedWithEmail> {
  const result: NotifiedWithEmail = { created: [], emails: [] };
  for (let start = 0; start < notices.length; start += NOTICES_PER_INSERT) {
    const chunk = notices.slice(start, start + NOTICES_PER_INSERT);
    const rows: { id: string; dedupKey: string | null; notificationId: string | null }[] = await db.query(
      `WITH created AS (${INSERT_NOTICES} RETURNING id, dedup_key),
       queued AS (
         INSERT INTO outbox (job_name, payload, fire_at)
         SELECT $10, jsonb_build_object('notificationId', id), NULL::timestamptz FROM created ORDER BY id
         RETURNING id, payload->>'notificationId' AS notification_id
       )
       SELECT id::text AS id, dedup_key AS "dedupKey", NULL AS "notificationId" FROM created
       UNION ALL SELECT id::text, NULL, notification_id FROM queued`,
      [...noticeColumns(chunk), emailJob],
    );
    for (const row of rows) {
      if (row.notificationId !== null) result.emails.push({ outboxId: row.id, notificationId: row.notificationId });
      else result.created.push({ id: row.id, dedupKey: row.dedupKey! });
    }
  }
  return result;
}

const INSERT_NOTICES = `INSERT INTO notifications (user_id, kind, title, body, plan_id, report_id, task_id, dedup_key, link)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::varchar[], $9::varchar[])
       ON CONFLICT (dedup_key) DO NOTHING`;

function noticeColumns(chunk: readonly NewNotification[]): unknown[] {
  return [
    chunk.map((n) => n.userId),
    chunk.map((n) => n.kind),
    chunk.map((n) => n.title),
    chunk.map((n) => n.body),
    chunk.map((n) => n.planId ?? null),
    chunk.map((n) => n.reportId ?? null),
    chunk.map((n) => n.taskId ?? null),
    chunk.map((n) => n.dedupKey),
    chunk.map((n) => n.link ?? null),
  ];
}
