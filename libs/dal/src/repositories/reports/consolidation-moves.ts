import type { Indicators, SectionMap, UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A report waiting at the plan's consolidation stage, with its unit's place in the tree and its workflow's version. */
export interface WaitingReportRow {
  id: string;
  unit_id: string;
  parent_id: string | null;
  kind: UnitKind;
  workflow_version: number;
}

/** An intermediate unit's own report, as its pre-fill reads it. */
export interface ReportToPrefill {
  id: string;
  stage: string;
  round: number;
  sections: SectionMap;
  indicators: Indicators;
}

/** The unit's report in the plan, locked until the transaction ends so that its pre-fill and a drafter's save queue up; null when it has none. */
export async function lockReportForPrefill(db: Queryable, planId: string, unitId: string): Promise<ReportToPrefill | null> {
  const [report]: ReportToPrefill[] = await db.query(
    `SELECT r.id, r.stage, r.round, r.sections, r.indicators FROM reports r WHERE r.plan_id = $1 AND r.unit_id = $2 FOR NO KEY UPDATE`,
    [planId, unitId],
  );
  return report ?? null;
}

/** The pre-filled texts and figures of a report being drafted. */
export async function writePrefilledReport(db: Queryable, reportId: string, content: { sections: SectionMap; indicators: Indicators }): Promise<void> {
  await db.query(`UPDATE reports SET sections = $2, indicators = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
    reportId,
    JSON.stringify(content.sections),
    JSON.stringify(content.indicators),
  ]);
}

/** The plan's reports at `stage`, locked in id order (two completions queue up rather than deadlock), with their units. */
export async function lockReportsWaitingAt(db: Queryable, planId: string, stage: string): Promise<WaitingReportRow[]> {
  return db.query(
    `SELECT r.id, r.unit_id, u.parent_id, u.kind, r.workflow_version FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND r.stage = $2 ORDER BY r.id FOR NO KEY UPDATE OF r`,
    [planId, stage],
  );
}

/** Moves the reports to `toStage` in a new round; returns each one's new round. */
export async function moveReportsToStage(db: Queryable, reportIds: readonly string[], toStage: string): Promise<{ id: string; round: number }[]> {
  return db
    .query(
      `UPDATE reports SET stage = $2, round = round + 1, version = version + 1, stage_entered_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[]) RETURNING id, round`,
      [reportIds, toStage],
    )
    .then((result: [{ id: string; round: number }[], number]) => result[0]);
}

/** The workflow versions of the plan's reports not yet at `doneStage`. */
export async function workflowVersionsOfUnfinishedReports(db: Queryable, planId: string, doneStage: string): Promise<number[]> {
  const versions: { workflow_version: number }[] = await db.query(`SELECT DISTINCT workflow_version FROM reports WHERE plan_id = $1 AND stage <> $2`, [
    planId,
    doneStage,
  ]);
  return versions.map((v) => v.workflow_version);
}

/** The plan's reports at any of `stages`, locked in id order; returns their ids. */
export async function lockReportsAtStages(db: Queryable, planId: string, stages: readonly string[]): Promise<string[]> {
  const waiting: { id: string }[] = await db.query(`SELECT id FROM reports WHERE plan_id = $1 AND stage = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`, [
    planId,
    stages,
  ]);
  return waiting.map((r) => r.id);
}

/**
 * Moves the reports not yet at `doneStage` there in a new round, no longer due nor unassigned;
 * returns each one with the stage it left (read from the row as it was, joined to itself).
 */
export async function closeReportsAt(db: Queryable, reportIds: readonly string[], doneStage: string): Promise<{ id: string; from_stage: string }[]> {
  return db
    .query(
      `UPDATE reports r SET stage = $2, round = r.round + 1, version = r.version + 1, due_at = NULL, unassigned = false,
            stage_entered_at = now(), updated_at = now()
       FROM reports before WHERE before.id = r.id AND r.id = ANY($1::uuid[]) AND r.stage <> $2
     RETURNING r.id, before.stage AS from_stage`,
      [reportIds, doneStage],
    )
    .then((result: [{ id: string; from_stage: string }[], number]) => result[0]);
}
