import { EntityManager } from 'typeorm';

/** What planning a task's notices needs, and nothing more: scheduling reads many of these. */
export interface SchedulingRow {
  taskId: string;
  dueAt: Date;
  stage: string;
  reminders: { before: string[]; escalateAfter?: string };
  workflowKey: string;
  workflowVersion: number;
}

const SELECT = `
  SELECT t.id AS "taskId", t.due_at AS "dueAt", t.stage, p.reminders, p.workflow_key AS "workflowKey",
         COALESCE(r.workflow_version, p.workflow_version) AS "workflowVersion"
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN reports r ON r.id = t.report_id`;

/** The given tasks whatever their state or due date: enough to know their reminder settings. */
export function loadTaskSettingsRows(em: EntityManager, taskIds: readonly string[]): Promise<Omit<SchedulingRow, 'dueAt'>[]> {
  return em.query(`${SELECT} WHERE t.id = ANY($1::uuid[])`, [taskIds]);
}

/** Open tasks with a due date among the given ids. */
export function loadSchedulingRows(em: EntityManager, taskIds: readonly string[]): Promise<SchedulingRow[]> {
  return em.query(`${SELECT} WHERE t.id = ANY($1::uuid[]) AND t.state = 'open' AND t.due_at IS NOT NULL`, [taskIds]);
}

/** The next page of every open task with a due date, in id order. */
export function pageOfOpenTasks(em: EntityManager, after: string, limit: number): Promise<SchedulingRow[]> {
  return em.query(`${SELECT} WHERE t.state = 'open' AND t.due_at IS NOT NULL AND t.id > $1 ORDER BY t.id LIMIT $2`, [after, limit]);
}
