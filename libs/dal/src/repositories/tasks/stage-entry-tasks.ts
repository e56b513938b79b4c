import type { PlanStageTask, StageVote } from '@app/domain';
import { Queryable } from '../queryable';

/** New tasks of one stage, column by column (one entry per task). */
export interface NewStageTasks {
  planId: string;
  stage: string;
  kind: string;
  role: string;
  reportIds: (string | null)[];
  unitIds: string[];
  scopeUnitIds: string[];
  rounds: number[];
  assigneeIds: string[];
  dueAts: (Date | null)[];
}

/** A plan-level task of the latest consolidation round, as the plan-level stages' rules read it. */
export interface PlanStageTaskRow extends PlanStageTask {
  stage: string;
}

/** How many plan-level tasks of a stage's latest round are open and done. */
export interface PlanLevelTaskCountRow {
  stage: string;
  round: number;
  open: number;
  done: number;
}

/** The plan's open consolidation round: its number, when it opened and the role its tasks were given to. */
export interface OpenConsolidationRoundRow {
  round: number;
  created_at: Date;
  role: string;
}

/** An open task of a report's round, by its holder's username. */
export interface OpenRoundTaskRow {
  taskId: string;
  assignee: string;
  stage: string;
}

/** Inserts the tasks in one statement; a task already there is skipped. Answers the ids created. */
export async function insertStageTasks(db: Queryable, tasks: NewStageTasks): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
         SELECT $1, t.report_id, t.unit_id, t.scope_unit_id, t.round, t.assignee_id, t.due_at, $2, $3, $4
           FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::int[], $9::uuid[], $10::timestamptz[])
             AS t(report_id, unit_id, scope_unit_id, round, assignee_id, due_at)
         ON CONFLICT DO NOTHING RETURNING id`,
    [tasks.planId, tasks.stage, tasks.kind, tasks.role, tasks.reportIds, tasks.unitIds, tasks.scopeUnitIds, tasks.rounds, tasks.assigneeIds, tasks.dueAts],
  );
  return rows.map((r) => r.id);
}

/** The plan-level tasks of one round at the given stages, with whether the worker applied their decision. */
export async function listPlanStageTasksOfRound(db: Queryable, planId: string, round: number, stages: readonly string[]): Promise<PlanStageTaskRow[]> {
  return db.query(
    `SELECT stage, state, applied_at IS NOT NULL AS applied FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND round = $2 AND stage = ANY($3::text[])`,
    [planId, round, stages],
  );
}

/** Open and done plan-level tasks of each stage's latest round. */
export async function countPlanLevelTasks(db: Queryable, planId: string): Promise<PlanLevelTaskCountRow[]> {
  return db.query(
    `SELECT DISTINCT ON (stage) stage, round, count(*) FILTER (WHERE state = 'open')::int AS open,
              count(*) FILTER (WHERE state = 'completed')::int AS done
         FROM tasks WHERE plan_id = $1 AND report_id IS NULL GROUP BY stage, round ORDER BY stage, round DESC`,
    [planId],
  );
}

/** The latest round of the plan's consolidation stage with an open task; undefined when none is open. */
export async function findOpenConsolidationRound(db: Queryable, planId: string, stage: string): Promise<OpenConsolidationRoundRow | undefined> {
  const [open]: OpenConsolidationRoundRow[] = await db.query(
    `SELECT round, min(created_at) AS created_at, min(role) AS role FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND state = 'open' GROUP BY round ORDER BY round DESC LIMIT 1`,
    [planId, stage],
  );
  return open;
}

/** Moves every task of a plan-level round, decided ones too, to another stage key; answers how many moved. */
export async function moveConsolidationRoundTasks(
  db: Queryable,
  round: { planId: string; fromStage: string; round: number; toStage: string },
): Promise<number> {
  const [, moved]: [unknown, number] = await db.query(
    `UPDATE tasks SET stage = $4, updated_at = now(), version = version + 1 WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND round = $3`,
    [round.planId, round.fromStage, round.round, round.toStage],
  );
  return moved;
}

/** The votes of a report's round at a stage, decided ones first in the order they were decided: the tally counts each person's first. */
export async function listReportRoundVotes(db: Queryable, reportId: string, stage: string, round: number): Promise<StageVote[]> {
  return db.query(
    `SELECT id, state, decision, assignee_id AS "assigneeId" FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST, id`,
    [reportId, stage, round],
  );
}

/** The open tasks of a report's round, by username. */
export async function listOpenRoundTasksOfReport(db: Queryable, reportId: string, round: number): Promise<OpenRoundTaskRow[]> {
  return db.query(
    `SELECT t.id AS "taskId", u.username AS assignee, t.stage FROM tasks t JOIN users u ON u.id = t.assignee_id
        WHERE t.report_id = $1 AND t.round = $2 AND t.state = 'open' ORDER BY u.username`,
    [reportId, round],
  );
}
