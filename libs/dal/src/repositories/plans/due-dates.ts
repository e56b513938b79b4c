import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** An unfinished report with what its stage's due date is computed from. */
export interface UnfinishedReportRow {
  id: string;
  kind: UnitKind;
  stage: string;
  workflow_version: number;
  stage_entered_at: Date;
}

/** An open task whose due date a deadline change moved. */
export interface MovedTaskRow {
  id: string;
  old_due_at: Date | null;
}

/** A collection still open, with its unit's kind to find its cut-off. */
export interface CollectingConsolidationRow {
  id: string;
  kind: UnitKind;
}

/** An open task of a round whose due date a migration set: `moved` when the date changed. */
export interface RetimedTaskRow {
  id: string;
  old_due_at: Date | null;
  moved: boolean;
}

export async function listUnfinishedReportsForDueDates(db: Queryable, planId: string): Promise<UnfinishedReportRow[]> {
  return db.query(
    `SELECT r.id, u.kind, r.stage, r.workflow_version, r.stage_entered_at FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND r.stage <> 'done'`,
    [planId],
  );
}

/** Sets each report's due date in one statement (a launch sets thousands). */
export async function setReportDueDates(db: Queryable, reportIds: readonly string[], dueAts: readonly (Date | null | undefined)[]): Promise<void> {
  await db.query(`UPDATE reports r SET due_at = d.due_at FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, due_at) WHERE r.id = d.id`, [reportIds, dueAts]);
}

/** Finished reports are due no more. */
export async function clearReportDueDates(db: Queryable, reportIds: readonly string[]): Promise<void> {
  await db.query(`UPDATE reports SET due_at = NULL WHERE id = ANY($1::uuid[])`, [reportIds]);
}

/**
 * Open tasks follow their report's due date; the plan-level consolidation task follows
 * `consolidationDue`. Locked first and changed only where the date differs; answers the tasks moved.
 */
export async function moveOpenTaskDueDates(db: Queryable, planId: string, consolidationDue: Date | null): Promise<MovedTaskRow[]> {
  return db
    .query(
      `WITH target AS (
         SELECT t.id, t.due_at AS old_due_at, CASE WHEN t.report_id IS NULL THEN $2::timestamptz ELSE r.due_at END AS due_at
           FROM tasks t LEFT JOIN reports r ON r.id = t.report_id
          WHERE t.plan_id = $1 AND t.state = 'open' FOR NO KEY UPDATE OF t)
       UPDATE tasks t SET due_at = target.due_at, updated_at = now(), version = t.version + 1
         FROM target WHERE t.id = target.id AND t.due_at IS DISTINCT FROM target.due_at
       RETURNING t.id, target.old_due_at`,
      [planId, consolidationDue],
    )
    .then((result) => result[0]);
}

export async function listCollectingConsolidations(db: Queryable, planId: string): Promise<CollectingConsolidationRow[]> {
  return db.query(`SELECT c.id, u.kind FROM consolidations c JOIN org_units u ON u.id = c.unit_id WHERE c.plan_id = $1 AND c.status = 'collecting'`, [planId]);
}

/** Sets each collection's cut-off, passed as instants: a date PostgreSQL refuses would otherwise fail the whole update. */
export async function setConsolidationCutOffs(db: Queryable, consolidationIds: readonly string[], cutOffs: readonly (Date | null)[]): Promise<void> {
  await db.query(`UPDATE consolidations c SET cut_off_at = d.cut_off_at FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, cut_off_at) WHERE c.id = d.id`, [
    consolidationIds,
    cutOffs,
  ]);
}

/** When a report entered its stage: a migration computes its due date again from it. */
export async function readReportStageEnteredAt(db: Queryable, reportId: string): Promise<Date> {
  const [row]: { stage_entered_at: Date }[] = await db.query(`SELECT stage_entered_at FROM reports WHERE id = $1`, [reportId]);
  return row.stage_entered_at;
}

/** Sets one report's due date unless it already has it. */
export async function setReportDueDate(db: Queryable, reportId: string, dueAt: Date | null): Promise<void> {
  await db.query(`UPDATE reports SET due_at = $2 WHERE id = $1 AND due_at IS DISTINCT FROM $2::timestamptz`, [reportId, dueAt]);
}

/**
 * Sets `dueAt` on the open tasks of one round of a stage (report or plan level), locked first, and
 * answers every one of them, marking those whose date changed.
 */
export async function retimeOpenRoundTasks(
  db: Queryable,
  round: { planId: string; reportId: string | null; stage: string; round: number },
  dueAt: Date | null,
): Promise<RetimedTaskRow[]> {
  return db.query(
    `WITH target AS (
         SELECT id, due_at AS old_due_at FROM tasks
          WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2 AND stage = $3 AND round = $4 AND state = 'open' FOR NO KEY UPDATE),
       moved AS (
         UPDATE tasks t SET due_at = $5, updated_at = now(), version = t.version + 1
           FROM target WHERE t.id = target.id AND t.due_at IS DISTINCT FROM $5::timestamptz RETURNING t.id)
       SELECT target.id, target.old_due_at, target.id IN (SELECT id FROM moved) AS moved FROM target`,
    [round.planId, round.reportId, round.stage, round.round, dueAt],
  );
}
