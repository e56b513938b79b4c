import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A report of the plan with where its unit sits in the tree: what the plan's consolidating groups are built from. */
export interface GroupReportRow {
  report_id: string;
  unit_id: string;
  parent_id: string | null;
  kind: UnitKind;
  stage: string;
}

/** The same, with the unit's code and name, as a level's report cites its units. */
export interface NamedGroupReportRow extends GroupReportRow {
  code: string;
  name: string;
}

/** A report of the plan as the consolidated view and its completeness table read it (no texts). */
export interface ConsolidationMemberRow {
  id: string;
  unit_id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  stage: string;
  indicators: Record<string, number>;
  returned_count: number;
  first_submitted_at: Date | null;
}

/** Every report of the plan with its unit's place in the tree. */
export async function planReportsInTree(db: Queryable, planId: string): Promise<GroupReportRow[]> {
  return db.query(
    `SELECT r.id AS report_id, u.id AS unit_id, u.parent_id, u.kind, r.stage FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1`,
    [planId],
  );
}

/** Every report of the plan with its unit's place in the tree, code and name: one lean read (no texts, no figures). */
export async function planReportsWithUnitNames(db: Queryable, planId: string): Promise<NamedGroupReportRow[]> {
  return db.query(
    `SELECT r.id AS report_id, u.id AS unit_id, u.parent_id, u.code, u.name, u.kind, r.stage
       FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1`,
    [planId],
  );
}

/** Every report of the plan with its figures, how often it was returned and when it was first submitted, in unit code order. */
export async function consolidationMembersOf(db: Queryable, planId: string): Promise<ConsolidationMemberRow[]> {
  return db.query(
    `SELECT r.id, u.id AS unit_id, u.code, u.name, u.kind, u.parent_id, r.stage, r.indicators, r.returned_count,
              (SELECT min(submitted_at) FROM report_snapshots s WHERE s.report_id = r.id) AS first_submitted_at
         FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 ORDER BY u.code`,
    [planId],
  );
}
