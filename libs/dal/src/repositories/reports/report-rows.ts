import type { Indicators, OutlineSection, SectionMap } from '@app/domain';
import { Queryable } from '../queryable';

/** A report with its unit and the plan's outline: what reading or editing one report needs. */
export interface ReportRow {
  id: string;
  plan_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  stage: string;
  workflow_version: number;
  round: number;
  returned_count: number;
  last_return_reason: string | null;
  sections: SectionMap;
  indicators: Indicators;
  unassigned: boolean;
  due_at: Date | null;
  stage_entered_at: Date;
  updated_at: Date;
  /** Bumped by a submission, a move and the consolidation's writes (not by drafters' edits): what a guarded edit checks. */
  version: number;
  outline: OutlineSection[];
  term: string;
  indicator_names: string[];
}

/** A report in a list: no section texts (a Bloc has thousands of reports) and no plan outline. */
export type ReportSummaryRow = Omit<ReportRow, 'sections' | 'outline' | 'term' | 'indicator_names' | 'stage_entered_at' | 'version'>;

export interface ReportListFilter {
  planId: string | null;
  unitId: string | null;
  stage: string | null;
}

const REPORT_SELECT = `
  SELECT r.id, r.plan_id, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.stage, r.workflow_version, r.round,
         r.returned_count, r.last_return_reason, r.sections, r.indicators, r.unassigned, r.due_at, r.stage_entered_at, r.updated_at, r.version,
         p.outline, p.term, p.indicator_names
    FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id`;

/**
 * Reports matching the filter that the user may see: all for an admin, else those on or below a unit
 * the user holds a role on.
 */
export async function listVisibleReports(db: Queryable, filter: ReportListFilter, admin: boolean, userId: string): Promise<ReportSummaryRow[]> {
  return db.query(
    `SELECT r.id, r.plan_id, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.stage, r.workflow_version, r.round,
              r.returned_count, r.last_return_reason, r.indicators, r.unassigned, r.due_at, r.updated_at
         FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE ($1::uuid IS NULL OR r.plan_id = $1) AND ($2::uuid IS NULL OR r.unit_id = $2) AND ($3::varchar IS NULL OR r.stage = $3)
          AND ($4 OR u.ancestor_ids && ARRAY(SELECT unit_id FROM role_assignments WHERE user_id = $5))
        ORDER BY u.depth, u.code`,
    [filter.planId, filter.unitId, filter.stage, admin, userId],
  );
}

/**
 * One report with its unit and plan. `lock` takes the row lock an edit or a submit holds until its
 * transaction ends (NO KEY UPDATE: tasks and snapshots referencing the report can still be inserted).
 */
export async function findReport(db: Queryable, id: string, lock = false): Promise<ReportRow | undefined> {
  const [row]: ReportRow[] = await db.query(`${REPORT_SELECT} WHERE r.id = $1 ${lock ? 'FOR NO KEY UPDATE OF r' : ''}`, [id]);
  return row;
}
