import type { Indicators, SectionMap } from '@app/domain';
import { Queryable } from '../queryable';

export type LevelReportStatus = 'drafting' | 'submitted' | 'adopted';

/** A level report as the API reads it, with its unit and the username of its last editor. */
export interface LevelReportRow {
  id: string;
  plan_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  sections: SectionMap;
  indicators: Indicators;
  computed_indicators: Indicators;
  round: number;
  status: LevelReportStatus;
  returned_count: number;
  last_return_reason: string | null;
  version: number;
  updated_at: Date;
  updated_by_username: string | null;
  submitted_at: Date | null;
  adopted_at: Date | null;
}

/** What the submission of a level report compares: what it holds against what it was pre-filled and summed with. */
export interface LevelReportForSubmission {
  id: string;
  status: LevelReportStatus;
  indicators: Indicators;
  computed_indicators: Indicators;
  sections: SectionMap;
  prefilled_sections: SectionMap;
}

/** One version of a level report sent to the Standing Committee, in the shape of a report's versions. */
export interface LevelReportVersion {
  seq: number;
  round: number;
  sections: SectionMap;
  indicators: Indicators;
  submittedAt: Date;
  submittedBy: string | null;
}

/** The content a level report is submitted with, and what its untouched texts and figures follow from then on. */
export interface LevelReportSubmission {
  sections: SectionMap;
  prefilledSections: SectionMap;
  indicators: Indicators;
  sums: Indicators;
}

const LEVEL_REPORT_SELECT = `
  SELECT l.id, l.plan_id, l.unit_id, u.code AS unit_code, u.name AS unit_name, l.sections, l.indicators, l.computed_indicators, l.round,
         l.status, l.returned_count, l.last_return_reason, l.version, l.updated_at, e.username AS updated_by_username, l.submitted_at, l.adopted_at
    FROM level_reports l JOIN org_units u ON u.id = l.unit_id LEFT JOIN users e ON e.id = l.updated_by`;

/** A unit's level report in a plan, or null before it is created; `lock` holds its row until the transaction ends (an edit, a submission). */
export async function levelReportOf(db: Queryable, planId: string, unitId: string, lock: boolean): Promise<LevelReportRow | null> {
  const [row]: LevelReportRow[] = await db.query(`${LEVEL_REPORT_SELECT} WHERE l.plan_id = $1 AND l.unit_id = $2 ${lock ? 'FOR NO KEY UPDATE OF l' : ''}`, [
    planId,
    unitId,
  ]);
  return row ?? null;
}

/** Whether the unit's level report of the plan exists. */
export async function levelReportExists(db: Queryable, planId: string, unitId: string): Promise<boolean> {
  const exists: unknown[] = await db.query(`SELECT 1 FROM level_reports WHERE plan_id = $1 AND unit_id = $2`, [planId, unitId]);
  return exists.length > 0;
}

/**
 * Creates the unit's level report pre-filled with `sections` and `indicators` (also kept as what
 * it was pre-filled and summed with), in the plan's current consolidation round. Null when it
 * already exists.
 */
export async function insertLevelReport(
  db: Queryable,
  planId: string,
  unitId: string,
  start: { sections: SectionMap; indicators: Indicators },
): Promise<{ id: string } | null> {
  const [created]: { id: string }[] = await db.query(
    `INSERT INTO level_reports (plan_id, unit_id, sections, prefilled_sections, indicators, computed_indicators, round)
     SELECT $1, $2, $3, $3, $4, $4, consolidation_round FROM plans WHERE id = $1
     ON CONFLICT (plan_id, unit_id) DO NOTHING RETURNING id`,
    [planId, unitId, JSON.stringify(start.sections), JSON.stringify(start.indicators)],
  );
  return created ?? null;
}

/** The unit's level report for its submission, locked until the transaction ends. */
export async function lockLevelReportForSubmission(db: Queryable, planId: string, unitId: string): Promise<LevelReportForSubmission> {
  const [report]: LevelReportForSubmission[] = await db.query(
    `SELECT id, status, sections, prefilled_sections, indicators, computed_indicators FROM level_reports WHERE plan_id = $1 AND unit_id = $2 FOR NO KEY UPDATE`,
    [planId, unitId],
  );
  return report;
}

/** Keeps what was sent as the next snapshot of the level report; returns its number. */
export async function insertLevelReportSnapshot(
  db: Queryable,
  levelReportId: string,
  round: number,
  content: { sections: SectionMap; indicators: Indicators },
  submittedBy: string | null,
): Promise<number> {
  const [snapshot]: { seq: number }[] = await db.query(
    `INSERT INTO level_report_snapshots (level_report_id, seq, round, sections, indicators, submitted_by)
     SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5 FROM level_report_snapshots WHERE level_report_id = $1 RETURNING seq`,
    [levelReportId, round, JSON.stringify(content.sections), JSON.stringify(content.indicators), submittedBy],
  );
  return snapshot.seq;
}

/** The level report goes to the Standing Committee with this content; it is no longer edited. */
export async function markLevelReportSubmitted(db: Queryable, levelReportId: string, submission: LevelReportSubmission): Promise<void> {
  await db.query(
    `UPDATE level_reports SET status = 'submitted', sections = $4, prefilled_sections = $5, indicators = $2, computed_indicators = $3, submitted_at = now(),
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      levelReportId,
      JSON.stringify(submission.indicators),
      JSON.stringify(submission.sums),
      JSON.stringify(submission.sections),
      JSON.stringify(submission.prefilledSections),
    ],
  );
}

/** A submitted level report back to drafting in the plan's current consolidation round, with the reason; null when none was submitted. */
export async function returnLevelReportToDrafting(
  db: Queryable,
  planId: string,
  unitId: string,
  reason: string | null,
): Promise<{ id: string; round: number } | null> {
  const [returned]: { id: string; round: number }[] = await db
    .query(
      `UPDATE level_reports l SET status = 'drafting', round = p.consolidation_round, returned_count = l.returned_count + 1, last_return_reason = $3,
            version = l.version + 1, updated_at = now()
       FROM plans p WHERE p.id = l.plan_id AND l.plan_id = $1 AND l.unit_id = $2 AND l.status = 'submitted' RETURNING l.id, l.round`,
      [planId, unitId, reason],
    )
    .then((result) => result[0]);
  return returned ?? null;
}

/** A submitted level report adopted; null when none was submitted. */
export async function markLevelReportAdopted(db: Queryable, planId: string, unitId: string): Promise<{ id: string } | null> {
  const [adopted]: { id: string }[] = await db
    .query(
      `UPDATE level_reports SET status = 'adopted', adopted_at = now(), version = version + 1, updated_at = now()
      WHERE plan_id = $1 AND unit_id = $2 AND status = 'submitted' RETURNING id`,
      [planId, unitId],
    )
    .then((result) => result[0]);
  return adopted ?? null;
}

/** The working group's edit of a level report's texts (the whole map, as edited). */
export async function updateLevelReportSections(db: Queryable, levelReportId: string, sections: SectionMap, editorId: string): Promise<void> {
  await db.query(`UPDATE level_reports SET sections = $2, version = version + 1, updated_at = now(), updated_by = $3 WHERE id = $1`, [
    levelReportId,
    JSON.stringify(sections),
    editorId,
  ]);
}

/** The working group's edit of a level report's figures (all of them, as edited). */
export async function updateLevelReportIndicators(db: Queryable, levelReportId: string, indicators: Indicators, editorId: string): Promise<void> {
  await db.query(`UPDATE level_reports SET indicators = $2, version = version + 1, updated_at = now(), updated_by = $3 WHERE id = $1`, [
    levelReportId,
    JSON.stringify(indicators),
    editorId,
  ]);
}

/** Every version of a level report sent to the Standing Committee, oldest first. */
export async function levelReportVersions(db: Queryable, levelReportId: string): Promise<LevelReportVersion[]> {
  return db.query(
    `SELECT s.seq, s.round, s.sections, s.indicators, s.submitted_at AS "submittedAt", u.username AS "submittedBy"
         FROM level_report_snapshots s LEFT JOIN users u ON u.id = s.submitted_by WHERE s.level_report_id = $1 ORDER BY s.seq`,
    [levelReportId],
  );
}
