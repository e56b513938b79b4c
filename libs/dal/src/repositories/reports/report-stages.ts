import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';
import { withdrawnTasksSql } from '../../task-decisions';
import { postgresErrorCode } from '../../transaction';
import type { StageVoteRow } from '../tasks/stage-votes';

/** A report as deciding its stage needs it, with its unit's place in the tree. */
export interface ReportForDecisionRow {
  id: string;
  plan_id: string;
  unit_id: string;
  parent_id: string | null;
  kind: UnitKind;
  stage: string;
  round: number;
  version: number;
  workflow_version: number;
  /** The plan's workflow, whose version `workflow_version` is. */
  workflow_key: string;
  /** Flagged for the reconciler to queue a decision (approvers or rules changed). */
  needs_decision: boolean;
  /** The kind of the plan's root unit, which a move's due dates need. */
  root_kind: UnitKind;
}

const REPORT_COLUMNS = `r.id, r.plan_id, r.unit_id, u.parent_id, u.kind, r.stage, r.round, r.version, r.workflow_version, p.workflow_key, r.needs_decision,
  (SELECT root.kind FROM org_units root WHERE root.id = p.root_unit_id) AS root_kind`;

const REPORT_FOR_DECISION = `
  SELECT ${REPORT_COLUMNS}
    FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id WHERE r.id = $1`;

/** A completed task as the worker applies its decision: the task, its report, and the votes of the report's round. */
export interface VoteForDecision {
  task: { id: string; planId: string; state: string; applied: boolean; reportId: string | null; stage: string; round: number; assigneeId: string };
  /** Undefined for a task of the plan (consolidation) or a report that no longer exists. */
  report?: ReportForDecisionRow;
  /**
   * Every task of the report's current stage and round, decided ones first in the order they were
   * decided (as `listStageVotesOfReport`); undefined unless the task is completed, not yet applied,
   * and of that stage and round.
   */
  votes?: StageVoteRow[];
}

/**
 * Everything a vote's decision reads before it knows whether it has anything to write, in one
 * statement: most votes of a committee only wait for the others, and then this read and the
 * marking of the vote as applied are all they cost.
 */
export async function readVoteForDecision(db: Queryable, taskId: string): Promise<VoteForDecision | undefined> {
  const [row]: (Partial<ReportForDecisionRow> & {
    task_id: string;
    task_plan_id: string;
    task_state: string;
    task_applied: boolean;
    task_report_id: string | null;
    task_stage: string;
    task_round: number;
    task_assignee_id: string;
    votes: StageVoteRow[] | null;
  })[] = await db.query(
    `SELECT t.id AS task_id, t.plan_id AS task_plan_id, t.state AS task_state, t.applied_at IS NOT NULL AS task_applied, t.report_id AS task_report_id,
            t.stage AS task_stage, t.round AS task_round, t.assignee_id AS task_assignee_id, ${REPORT_COLUMNS},
            CASE WHEN t.state = 'completed' AND t.applied_at IS NULL AND r.stage = t.stage AND r.round = t.round THEN (
              SELECT coalesce(json_agg(json_build_object('id', v.id, 'state', v.state, 'decision', v.decision, 'comment', v.comment, 'assigneeId', v.assignee_id)
                                       ORDER BY v.completed_at NULLS LAST, v.id), '[]')
                FROM tasks v WHERE v.report_id = r.id AND v.stage = r.stage AND v.round = r.round
            ) END AS votes
       FROM tasks t
       LEFT JOIN reports r ON r.id = t.report_id
       LEFT JOIN org_units u ON u.id = r.unit_id
       LEFT JOIN plans p ON p.id = r.plan_id
      WHERE t.id = $1`,
    [taskId],
  );
  if (!row) return undefined;
  const task = {
    id: row.task_id,
    planId: row.task_plan_id,
    state: row.task_state,
    applied: row.task_applied,
    reportId: row.task_report_id,
    stage: row.task_stage,
    round: row.task_round,
    assigneeId: row.task_assignee_id,
  };
  const report: ReportForDecisionRow | undefined = row.id
    ? {
        id: row.id,
        plan_id: row.plan_id!,
        unit_id: row.unit_id!,
        parent_id: row.parent_id ?? null,
        kind: row.kind!,
        stage: row.stage!,
        round: row.round!,
        version: row.version!,
        workflow_version: row.workflow_version!,
        workflow_key: row.workflow_key!,
        needs_decision: row.needs_decision!,
        root_kind: row.root_kind!,
      }
    : undefined;
  return { task, report, votes: row.votes ?? undefined };
}

/**
 * The report, locked for the rest of the caller's transaction: two decisions on one report (two
 * approvers at once, the worker and the reconciler) are taken one after the other.
 */
export async function lockReportForDecision(db: Queryable, reportId: string): Promise<ReportForDecisionRow | undefined> {
  const [report]: ReportForDecisionRow[] = await db.query(`${REPORT_FOR_DECISION} FOR NO KEY UPDATE OF r`, [reportId]);
  return report;
}

/** The report as a decision reads it before deciding, without a lock: see `lockReportAtVersion`. */
export async function readReportForDecision(db: Queryable, reportId: string): Promise<ReportForDecisionRow | undefined> {
  const [report]: ReportForDecisionRow[] = await db.query(REPORT_FOR_DECISION, [reportId]);
  return report;
}

/** What asking for a report's row lock at a version found: see `lockReportAtVersion`. */
export type ReportLockAtVersion = 'locked' | 'moved-on' | 'busy';

/**
 * Takes the report's row lock for the writes of a decision made on what was read at `version`,
 * without waiting for it: `moved-on` when the report changed since (nothing is locked), `busy` when
 * another transaction holds the row, and then the caller's transaction is aborted and must end.
 * A decision that would wait here is nearly always a vote of a round that another vote is moving
 * right now: waiting held a connection and a worker's slot for a decision that ends as stale.
 */
export async function lockReportAtVersion(db: Queryable, reportId: string, version: number): Promise<ReportLockAtVersion> {
  try {
    const locked: unknown[] = await db.query(`SELECT 1 FROM reports WHERE id = $1 AND version = $2 FOR NO KEY UPDATE NOWAIT`, [reportId, version]);
    return locked.length > 0 ? 'locked' : 'moved-on';
  } catch (error) {
    if (postgresErrorCode(error) === LOCK_NOT_AVAILABLE) return 'busy';
    throw error;
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

/** The report's stage is being decided now: the reconciler no longer needs to queue it. */
export async function clearReportNeedsDecision(db: Queryable, reportId: string): Promise<void> {
  await db.query(`UPDATE reports SET needs_decision = false WHERE id = $1 AND needs_decision`, [reportId]);
}

/** Flags the report as having nobody to act on its stage; false when it was already flagged. */
export async function flagReportUnassigned(db: Queryable, reportId: string): Promise<boolean> {
  const [, flagged]: [unknown[], number] = await db.query(`UPDATE reports SET unassigned = true WHERE id = $1 AND NOT unassigned`, [reportId]);
  return flagged > 0;
}

/** A decision's move of one report out of the round it was decided in, with what its audit records. */
export interface ReportStageMove {
  reportId: string;
  planId: string;
  fromStage: string;
  /** The round decided: its tasks still open are cancelled. */
  round: number;
  toStage: string;
  /** The version read under the lock: a move never lands on a report changed meanwhile. */
  version: number;
  /** The report's due date in the stage it enters (null: none, or done). */
  dueAt: Date | null;
  returned: boolean;
  returnReason: string | null;
  /** Who decided (null: the engine), and the task whose decision it was. */
  actorId: string | null;
  taskId: string | null;
  /** Why the round's open tasks were cancelled, as the trail says it. */
  cancelReason: string;
}

/**
 * Moves the report to a stage in a new round, in one statement: the round's open tasks cancelled,
 * the report moved (a return counts and keeps its reason) with its new due date, and both audited
 * in the same statement, the cancelled tasks first (whose turn was withdrawn, by username, with
 * the SQL `cancelOpenTasks` uses), then the transition. Nothing is written when the version no longer
 * matches; returns the new round, undefined then.
 */
/** The round's open tasks, withdrawn only if the report moved, written as cancelOpenTasks writes it. */
const MOVE_WITHDRAWS = withdrawnTasksSql({ plan: '$2', report: '$1', stage: '$3', round: '$4', reason: '$12', guard: 'EXISTS (SELECT 1 FROM moved)' });

export async function moveReportToStage(db: Queryable, move: ReportStageMove): Promise<number | undefined> {
  const [row]: { round: number }[] = await db.query(
    `WITH moved AS (
       UPDATE reports SET stage = $5, round = round + 1, version = version + 1, unassigned = false, stage_entered_at = now(), updated_at = now(),
              returned_count = returned_count + $8, last_return_reason = COALESCE($9, last_return_reason), due_at = $7
        WHERE id = $1 AND version = $6 RETURNING round),
     ${MOVE_WITHDRAWS.ctes},
     audited AS (
       INSERT INTO audit_events (actor_id, actor, action, plan_id, report_id, task_id, from_stage, to_stage, comment, data)
       SELECT actor_id, actor, action, $2, $1, task_id, $3, to_stage, comment, data FROM (
         ${MOVE_WITHDRAWS.auditRow}
         UNION ALL
         SELECT 2, $10::uuid, COALESCE((SELECT username FROM users WHERE id = $10::uuid), 'system'), 'transition', $11::uuid, $5::varchar,
                CASE WHEN $8 = 1 THEN $9::text END, NULL::jsonb
           FROM moved) AS e
        ORDER BY ord)
     SELECT round FROM moved`,
    [
      move.reportId,
      move.planId,
      move.fromStage,
      move.round,
      move.toStage,
      move.version,
      move.dueAt,
      move.returned ? 1 : 0,
      move.returned ? move.returnReason : null,
      move.actorId,
      move.taskId,
      move.cancelReason,
    ],
  );
  return row?.round;
}
