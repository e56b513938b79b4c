import { Queryable } from '../queryable';

/** What planning a task's notices needs, and nothing more: scheduling reads many of these. */
export interface SchedulingRow {
  taskId: string;
  dueAt: Date;
  stage: string;
  reminders: { before: string[]; escalateAfter?: string };
  workflowKey: string;
  workflowVersion: number;
}

/** A notice already sent for a task of the page: a reminder (its key names the offset), or its stage's escalation. */
export type SentNoticeRow = { task_id: string; kind: 'reminder'; dedup_key: string } | { task_id: string; kind: 'escalation'; dedup_key: null };

const SELECT = `
  SELECT t.id AS "taskId", t.due_at AS "dueAt", t.stage, p.reminders, p.workflow_key AS "workflowKey",
         COALESCE(r.workflow_version, p.workflow_version) AS "workflowVersion"
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN reports r ON r.id = t.report_id`;

/** The given tasks whatever their state or due date: enough to know their reminder settings. */
export function loadTaskSettingsRows(db: Queryable, taskIds: readonly string[]): Promise<Omit<SchedulingRow, 'dueAt'>[]> {
  return db.query(`${SELECT} WHERE t.id = ANY($1::uuid[])`, [taskIds]);
}

/** Open tasks with a due date among the given ids. */
export function loadSchedulingRows(db: Queryable, taskIds: readonly string[]): Promise<SchedulingRow[]> {
  return db.query(`${SELECT} WHERE t.id = ANY($1::uuid[]) AND t.state = 'open' AND t.due_at IS NOT NULL`, [taskIds]);
}

/** The next page of every open task with a due date, in id order. */
export function pageOfOpenTasks(db: Queryable, after: string, limit: number): Promise<SchedulingRow[]> {
  return db.query(`${SELECT} WHERE t.state = 'open' AND t.due_at IS NOT NULL AND t.id > $1 ORDER BY t.id LIMIT $2`, [after, limit]);
}

/**
 * The reminders sent for the tasks, and an `escalation` row for each task whose report stage and
 * round (any of its open tasks) has been escalated: escalations go out once per report, stage and round.
 */
export async function sentReminderNotices(db: Queryable, taskIds: readonly string[]): Promise<SentNoticeRow[]> {
  return db.query(
    // Escalated stages are found from the escalation notices (few, with an index of their own),
    // not by joining every task of the page to its stage's other tasks: that join cost 0.3 s per
    // page of 5,000 and held back reminders firing during a reconcile pass.
    `WITH page AS (SELECT id, plan_id, report_id, stage, round FROM tasks WHERE id = ANY($1::uuid[])),
            escalated AS (
              SELECT DISTINCT o.plan_id, o.report_id, o.stage, o.round
                FROM notifications n JOIN tasks o ON o.id = n.task_id
               WHERE n.kind = 'escalation' AND o.plan_id IN (SELECT DISTINCT plan_id FROM page))
       SELECT task_id, kind, dedup_key FROM notifications WHERE task_id = ANY($1::uuid[]) AND kind = 'reminder'
       UNION ALL
       SELECT p.id, 'escalation', NULL FROM page p
        WHERE EXISTS (SELECT 1 FROM escalated e WHERE e.plan_id = p.plan_id AND e.stage = p.stage AND e.round = p.round
                         AND e.report_id IS NOT DISTINCT FROM p.report_id)`,
    [taskIds],
  );
}
