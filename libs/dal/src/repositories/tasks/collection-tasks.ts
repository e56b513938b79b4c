import { Queryable } from '../queryable';

/** Whether the report's round still has an open drafting task (its draft may still be pre-filled). */
export async function draftingTaskOpen(db: Queryable, reportId: string, round: number): Promise<boolean> {
  const drafting: unknown[] = await db.query(`SELECT 1 FROM tasks WHERE report_id = $1 AND round = $2 AND kind = 'draft' AND state = 'open' LIMIT 1`, [
    reportId,
    round,
  ]);
  return drafting.length > 0;
}

/** The report a task decided on, where it stands now; null for a task of the plan's own or an unknown one. */
export async function reportOfTask(db: Queryable, taskId: string): Promise<{ plan_id: string; id: string; stage: string } | null> {
  const [row]: { plan_id: string; id: string; stage: string }[] = await db.query(
    `SELECT r.plan_id, r.id, r.stage FROM tasks t JOIN reports r ON r.id = t.report_id WHERE t.id = $1`,
    [taskId],
  );
  return row ?? null;
}
