import { Queryable } from '../queryable';

/** A report of a plan as a workflow migration plans it: where it stands and on which version. */
export interface MigratingReportRow {
  id: string;
  unit_code: string;
  unit_id: string;
  parent_id: string | null;
  stage: string;
  round: number;
  workflow_version: number;
}

/** Every report of a plan, by unit code: a migration's preview and count. */
export async function listReportsForMigration(db: Queryable, planId: string): Promise<MigratingReportRow[]> {
  return db.query(
    `SELECT r.id, u.code AS unit_code, r.unit_id, u.parent_id, r.stage, r.round, r.workflow_version
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1 ORDER BY u.code`,
    [planId],
  );
}

/** The next page of a plan's unfinished reports not yet on `toVersion`, in id order after `after`. */
export async function nextReportIdsToMigrate(db: Queryable, planId: string, toVersion: number, after: string, limit: number): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM reports WHERE plan_id = $1 AND stage <> 'done' AND workflow_version <> $2 AND id > $3 ORDER BY id LIMIT $4`, [
    planId,
    toVersion,
    after,
    limit,
  ]);
}

/** A migration moves a report to another stage of the new version, in a new round; answers that round. */
export async function moveMigratedReport(db: Queryable, reportId: string, toStage: string, toVersion: number): Promise<number> {
  const [rows]: [{ round: number }[], number] = await db.query(
    `UPDATE reports SET stage = $2, workflow_version = $3, round = round + 1, version = version + 1, unassigned = false,
              needs_decision = false, stage_entered_at = now(), updated_at = now()
        WHERE id = $1 RETURNING round`,
    [reportId, toStage, toVersion],
  );
  return rows[0].round;
}

/** A report keeps its stage on the new version; `redecide` flags it to be decided again under the new rule. */
export async function setMigratedReportVersion(db: Queryable, reportId: string, toVersion: number, redecide: boolean): Promise<void> {
  await db.query(`UPDATE reports SET workflow_version = $2, version = version + 1, updated_at = now(), needs_decision = needs_decision OR $3 WHERE id = $1`, [
    reportId,
    toVersion,
    redecide,
  ]);
}

/** The reports of a plan that entered `stage` of `version` since `since`. */
export async function reportsEnteredStageSince(db: Queryable, at: { planId: string; version: number; stage: string; since: Date }): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM reports WHERE plan_id = $1 AND workflow_version = $2 AND stage = $3 AND stage_entered_at >= $4`, [
    at.planId,
    at.version,
    at.stage,
    at.since,
  ]);
}

/** A report's stage and unit code; undefined when no report has this id. */
export async function findReportStageAndUnitCode(db: Queryable, reportId: string): Promise<{ stage: string; unit_code: string } | undefined> {
  const [report]: { stage: string; unit_code: string }[] = await db.query(
    `SELECT r.stage, u.code AS unit_code FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1`,
    [reportId],
  );
  return report;
}
