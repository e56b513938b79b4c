import type { StageVote } from '@app/domain';
import { Queryable } from '../queryable';

/** A vote of the Standing Committee's round, with the comment a return gives as its reason. */
export interface RootApprovalVote extends StageVote {
  comment: string | null;
}

/** The plan's own tasks (report_id NULL): the working group's consolidation and the Standing Committee's approval. */
export interface PlanStageRound {
  planId: string;
  stage: string;
  round: number;
}

/** Every task of a round of the plan's own stage, decided ones first in the order they were decided: the tally counts each person's first vote. */
export async function planStageVotes(db: Queryable, round: PlanStageRound): Promise<StageVote[]> {
  return db.query(
    `SELECT id, state, decision, assignee_id AS "assigneeId" FROM tasks
        WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST, id`,
    [round.planId, round.stage, round.round],
  );
}

/** The same votes of a Standing Committee's round, with their comments. */
export async function rootApprovalVotes(db: Queryable, round: PlanStageRound): Promise<RootApprovalVote[]> {
  return db.query(
    `SELECT id, state, decision, comment, assignee_id AS "assigneeId" FROM tasks
        WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST, id`,
    [round.planId, round.stage, round.round],
  );
}

/** Whether a task of the plan's own stage `stage` is open, in any round. */
export async function planStageTaskOpen(db: Queryable, planId: string, stage: string): Promise<boolean> {
  const open: unknown[] = await db.query(`SELECT 1 FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND state = 'open' LIMIT 1`, [
    planId,
    stage,
  ]);
  return open.length > 0;
}

/** Opens an approval task of the round for every reviewer of the root (its Standing Committee); returns the tasks created. */
export async function insertRootApprovalTasks(db: Queryable, round: PlanStageRound & { rootUnitId: string; dueAt: Date | null }): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
       SELECT $1, NULL, $2, $2, $3, user_id, $4, $5, 'approval', 'reviewer' FROM role_assignments WHERE unit_id = $2 AND role = 'reviewer'
       ON CONFLICT DO NOTHING RETURNING id`,
    [round.planId, round.rootUnitId, round.round, round.dueAt, round.stage],
  );
  return rows.map((r) => r.id);
}

/**
 * An approval task of the round for a new member of the Standing Committee, due when the round's
 * tasks are (or, before any, the latest task of the plan's own in that round). Null when they
 * already hold one.
 */
export async function insertRootApprovalTaskFor(db: Queryable, round: PlanStageRound & { rootUnitId: string }, userId: string): Promise<string | null> {
  const [task]: { id: string }[] = await db.query(
    `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
       SELECT $1, NULL, $2, $2, $3, $4,
              (SELECT due_at FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND round = $3 ORDER BY (stage = $5) DESC, created_at DESC LIMIT 1),
              $5, 'approval', 'reviewer'
       ON CONFLICT DO NOTHING RETURNING id`,
    [round.planId, round.rootUnitId, round.round, userId, round.stage],
  );
  return task?.id ?? null;
}

/** The person's open task of the working group's latest round, or null. */
export async function openConsolidationTaskOf(db: Queryable, planId: string, userId: string): Promise<string | null> {
  const [task]: { id: string }[] = await db.query(
    `SELECT id FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND kind = 'consolidation' AND assignee_id = $2 AND state = 'open' ORDER BY round DESC LIMIT 1`,
    [planId, userId],
  );
  return task?.id ?? null;
}
