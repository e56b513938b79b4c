import { EntityManager } from 'typeorm';
import type { StageVote } from '@app/domain';

/** Where one round of one stage lives: a report's, or the plan's own (consolidation, the Standing Committee). */
export interface RoundKey {
  planId: string;
  reportId: string | null;
  stage: string;
  round: number;
}

/**
 * Locks every task of a round, in id order so that two changes of the same round queue up rather
 * than deadlock, and returns them: who may still join the round (delegation, reassignment) is then
 * decided on rows nobody else can change until the transaction ends.
 */
export async function lockRound(em: EntityManager, key: RoundKey): Promise<StageVote[]> {
  return em.query(
    `SELECT id, assignee_id AS "assigneeId", state, decision FROM tasks
      WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2 AND stage = $3 AND round = $4
      ORDER BY id FOR NO KEY UPDATE`,
    [key.planId, key.reportId, key.stage, key.round],
  );
}

/** Whether the person has already decided another task of the task's round. */
export async function decidedElsewhereInRound(em: EntityManager, key: RoundKey & { taskId: string }, userId: string): Promise<boolean> {
  const rows = await em.query(
    `SELECT 1 FROM tasks WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2 AND stage = $3 AND round = $4
        AND assignee_id = $5 AND id <> $6 AND state = 'completed' LIMIT 1`,
    [key.planId, key.reportId, key.stage, key.round, userId, key.taskId],
  );
  return rows.length > 0;
}
