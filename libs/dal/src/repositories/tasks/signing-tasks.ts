import { Queryable } from '../queryable';

/** The fields of a task the choice of a signer depends on. */
export interface SigningTask {
  id: string;
  planId: string;
  reportId: string | null;
  stage: string;
  scopeUnitId: string;
  assigneeId: string;
}

/** A task as the choice of its signer reads it, or null. */
export async function signingTaskById(db: Queryable, taskId: string): Promise<SigningTask | null> {
  const [task]: SigningTask[] = await db.query(
    `SELECT id, plan_id AS "planId", report_id AS "reportId", stage, scope_unit_id AS "scopeUnitId", assignee_id AS "assigneeId" FROM tasks WHERE id = $1`,
    [taskId],
  );
  return task ?? null;
}

/** The signer chosen last by an approver of the round (the plan's own round when reportId is null), or null. */
export async function chosenSignerOfRound(
  db: Queryable,
  round: { planId: string; reportId: string | null; stage: string; round: number },
): Promise<string | null> {
  const [row]: { chosen_signer_id: string }[] = await db.query(
    `SELECT chosen_signer_id FROM tasks
        WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2::uuid AND stage = $3 AND round = $4 AND decision = 'approve' AND chosen_signer_id IS NOT NULL
        ORDER BY completed_at DESC, updated_at DESC LIMIT 1`,
    [round.planId, round.reportId, round.stage, round.round],
  );
  return row?.chosen_signer_id ?? null;
}
