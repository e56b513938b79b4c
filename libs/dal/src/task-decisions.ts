import { EntityManager } from 'typeorm';
import { appendAuditEvents } from './audit.repository';

/** Marks decisions as applied by the worker, so the reconciler stops queueing them. */
export async function markDecisionsApplied(em: EntityManager, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await em.query(`UPDATE tasks SET applied_at = now() WHERE id = ANY($1::uuid[]) AND applied_at IS NULL AND state = 'completed'`, [taskIds]);
}

/** Why a round's open tasks are cancelled when its stage is decided, as the trail says it. */
export const STAGE_DECIDED_REASON = 'giai đoạn đã được quyết định';

/**
 * Cancels the open tasks of one round of a stage when it resolves (report or plan level), and audits
 * whose turn was withdrawn: a reviewer who finds a task gone from the inbox can see why in the trail.
 */
export async function cancelOpenTasks(
  em: EntityManager,
  where: { reportId: string | null; planId: string; stage: string; round: number },
  reason = STAGE_DECIDED_REASON,
): Promise<string[]> {
  const cancelled: { id: string; username: string }[] = await em.query(
    `WITH cancelled AS (
       UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
        WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2 AND stage = $3 AND round = $4 AND state = 'open'
       RETURNING id, assignee_id)
     SELECT c.id, u.username FROM cancelled c JOIN users u ON u.id = c.assignee_id ORDER BY u.username`,
    [where.planId, where.reportId, where.stage, where.round],
  );
  if (cancelled.length === 0) return [];
  await appendAuditEvents(em, [
    {
      actorId: null,
      actor: 'system',
      action: 'tasks_cancelled',
      planId: where.planId,
      reportId: where.reportId,
      fromStage: where.stage,
      comment: `Hủy việc của ${cancelled.map((t) => t.username).join(', ')}: ${reason}`,
      data: { taskIds: cancelled.map((t) => t.id), round: where.round },
    },
  ]);
  return cancelled.map((t) => t.id);
}
