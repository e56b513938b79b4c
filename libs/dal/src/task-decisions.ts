import { EntityManager } from 'typeorm';

/** Marks decisions as applied by the worker, so the reconciler stops queueing them. */
export async function markDecisionsApplied(em: EntityManager, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await em.query(`UPDATE tasks SET applied_at = now() WHERE id = ANY($1::uuid[]) AND applied_at IS NULL AND state = 'completed'`, [taskIds]);
}

/** Cancels the open tasks of one round of a stage when it resolves (report or plan level). */
export async function cancelOpenTasks(em: EntityManager, where: { reportId: string | null; planId: string; stage: string; round: number }): Promise<void> {
  await em.query(
    `UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
      WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2 AND stage = $3 AND round = $4 AND state = 'open'`,
    [where.planId, where.reportId, where.stage, where.round],
  );
}
