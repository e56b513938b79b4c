import type { Role, StageVote } from '@app/domain';
import { Queryable } from '../queryable';

export type StageVoteRow = StageVote & { comment: string | null };

/** Every task of a report's round with its decision, decided ones first in the order they were decided: what the stage's rule counts. */
export async function listStageVotesOfReport(db: Queryable, reportId: string, stage: string, round: number): Promise<StageVoteRow[]> {
  return db.query(
    `SELECT id, state, decision, comment, assignee_id AS "assigneeId" FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST, id`,
    [reportId, stage, round],
  );
}

/** The task's round and the role and unit whose holders may take it, for proposing someone to delegate to. */
export interface TaskRoundRow {
  planId: string;
  reportId: string | null;
  stage: string;
  round: number;
  role: Role;
  scopeUnitId: string;
  assigneeId: string;
}

export async function findTaskRound(db: Queryable, taskId: string): Promise<TaskRoundRow | undefined> {
  const [task]: TaskRoundRow[] = await db.query(
    `SELECT plan_id AS "planId", report_id AS "reportId", stage, round, role, scope_unit_id AS "scopeUnitId", assignee_id AS "assigneeId" FROM tasks WHERE id = $1`,
    [taskId],
  );
  return task;
}
