import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

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
  /** Flagged for the reconciler to queue a decision (approvers or rules changed). */
  needs_decision: boolean;
}

const REPORT_FOR_DECISION = `
  SELECT r.id, r.plan_id, r.unit_id, u.parent_id, u.kind, r.stage, r.round, r.version, r.workflow_version, r.needs_decision
    FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1`;

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

/**
 * Takes the report's row lock for the writes of a decision made on what was read at `version`; false
 * when the report has moved on since (PostgreSQL re-reads the row after waiting for the lock), and
 * then nothing is locked.
 */
export async function lockReportAtVersion(db: Queryable, reportId: string, version: number): Promise<boolean> {
  const locked: unknown[] = await db.query(`SELECT 1 FROM reports WHERE id = $1 AND version = $2 FOR NO KEY UPDATE`, [reportId, version]);
  return locked.length > 0;
}

/** The report's stage is being decided now: the reconciler no longer needs to queue it. */
export async function clearReportNeedsDecision(db: Queryable, reportId: string): Promise<void> {
  await db.query(`UPDATE reports SET needs_decision = false WHERE id = $1 AND needs_decision`, [reportId]);
}

/** Flags the report as having nobody to act on its stage; false when it was already flagged. */
export async function flagReportUnassigned(db: Queryable, reportId: string): Promise<boolean> {
  const [, flagged]: [unknown[], number] = await db.query(`UPDATE reports SET unassigned = true WHERE id = $1 AND NOT unassigned`, [reportId]);
  return flagged > 0;
}

export interface ReportStageMove {
  reportId: string;
  toStage: string;
  /** The version read under the lock: a move never lands on a report changed meanwhile. */
  version: number;
  returned: boolean;
  returnReason: string | null;
}

/**
 * Moves the report to a stage in a new round (a return counts and keeps its reason); returns the
 * new round, undefined when the version no longer matches.
 */
export async function moveReportToStage(db: Queryable, move: ReportStageMove): Promise<number | undefined> {
  const [rows]: [{ round: number }[], number] = await db.query(
    `UPDATE reports SET stage = $2, round = round + 1, version = version + 1, unassigned = false, stage_entered_at = now(), updated_at = now(),
              returned_count = returned_count + $4, last_return_reason = COALESCE($5, last_return_reason)
        WHERE id = $1 AND version = $3 RETURNING round`,
    [move.reportId, move.toStage, move.version, move.returned ? 1 : 0, move.returned ? move.returnReason : null],
  );
  return rows[0]?.round;
}
