import { EntityManager } from 'typeorm';
import type { StageKind, StageVote, TaskState } from '@app/domain';

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

/** A task as its holder's decision needs it, locked, with whether its holder already decided another task of its round. */
export interface TaskForDecision {
  id: string;
  planId: string;
  reportId: string | null;
  stage: string;
  kind: StageKind;
  round: number;
  state: TaskState;
  scopeUnitId: string;
  assigneeId: string;
  /** One voice each: a task that reached someone who had already decided in the round (an old delegation). */
  decidedElsewhere: boolean;
}

/**
 * The task locked for its holder's decision (FOR NO KEY UPDATE, so two requests on one task queue
 * up), with the one-voice check in the same statement.
 */
export async function lockTaskForDecision(em: EntityManager, taskId: string): Promise<TaskForDecision | undefined> {
  const [task]: TaskForDecision[] = await em.query(
    `SELECT t.id, t.plan_id AS "planId", t.report_id AS "reportId", t.stage, t.kind, t.round, t.state, t.scope_unit_id AS "scopeUnitId",
            t.assignee_id AS "assigneeId",
            EXISTS (SELECT 1 FROM tasks o WHERE o.plan_id = t.plan_id AND o.report_id IS NOT DISTINCT FROM t.report_id AND o.stage = t.stage
                       AND o.round = t.round AND o.assignee_id = t.assignee_id AND o.id <> t.id AND o.state = 'completed') AS "decidedElsewhere"
       FROM tasks t WHERE t.id = $1 FOR NO KEY UPDATE OF t`,
    [taskId],
  );
  return task;
}
