import type { PlanDeadlines } from '@app/domain';
import { Queryable } from '../queryable';

/** Whether a plan already has this code. */
export async function planCodeExists(db: Queryable, code: string): Promise<boolean> {
  const exists = await db.query(`SELECT 1 FROM plans WHERE code = $1`, [code]);
  return exists.length > 0;
}

/** A plan's status; undefined when no plan has this id. */
export async function findPlanStatus(db: Queryable, planId: string): Promise<string | undefined> {
  const [plan]: { status: string }[] = await db.query(`SELECT status FROM plans WHERE id = $1`, [planId]);
  return plan?.status;
}

/** The deadlines a plan has, read under the row's lock so an edit knows what it replaces even when two edits race. */
export async function lockPlanDeadlines(db: Queryable, planId: string): Promise<PlanDeadlines> {
  const [{ deadlines }]: { deadlines: PlanDeadlines }[] = await db.query(`SELECT deadlines FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
  return deadlines;
}

export async function updatePlanDeadlines(db: Queryable, planId: string, deadlines: PlanDeadlines): Promise<void> {
  await db.query(`UPDATE plans SET deadlines = $2, version = version + 1, updated_at = now() WHERE id = $1`, [planId, JSON.stringify(deadlines)]);
}

/** The launch is requested: the plan runs on the workflow version current now. */
export async function markPlanLaunching(db: Queryable, planId: string, workflowVersion: number): Promise<void> {
  await db.query(`UPDATE plans SET status = 'launching', workflow_version = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
    planId,
    workflowVersion,
  ]);
}

/** The worker created the plan's reports. */
export async function markPlanLaunched(db: Queryable, planId: string): Promise<void> {
  await db.query(`UPDATE plans SET status = 'launched', launched_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [planId]);
}

/** A completed migration moves the plan itself to the new workflow version. */
export async function setPlanWorkflowVersion(db: Queryable, planId: string, workflowVersion: number): Promise<void> {
  await db.query(`UPDATE plans SET workflow_version = $2, version = version + 1, updated_at = now() WHERE id = $1`, [planId, workflowVersion]);
}
