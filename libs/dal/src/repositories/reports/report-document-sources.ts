import type { Indicators, SectionMap } from '@app/domain';
import { Queryable } from '../queryable';

/** What a report's document is made of: its texts and figures, and its unit's code. */
export interface ReportDocumentSourceRow {
  plan_id: string;
  code: string;
  sections: SectionMap;
  indicators: Indicators;
}

export async function findReportDocumentSource(db: Queryable, reportId: string): Promise<ReportDocumentSourceRow | undefined> {
  const [row]: ReportDocumentSourceRow[] = await db.query(
    `SELECT r.plan_id, u.code, r.sections, r.indicators FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1`,
    [reportId],
  );
  return row;
}

/** The texts of a unit's own report in a plan; undefined when the unit has none. */
export async function findUnitReportSections(db: Queryable, planId: string, unitId: string): Promise<{ sections: SectionMap } | undefined> {
  const [row]: { sections: SectionMap }[] = await db.query(`SELECT sections FROM reports WHERE plan_id = $1 AND unit_id = $2`, [planId, unitId]);
  return row;
}

/** The figures of a set of reports, by unit, in unit code order; `parentId` tells the units directly below a level. */
export interface ReportFiguresRow {
  unitCode: string;
  unitName: string;
  parentId: string | null;
  indicators: Indicators;
}

export async function listReportFiguresByUnit(db: Queryable, reportIds: readonly string[]): Promise<ReportFiguresRow[]> {
  return db.query(
    `SELECT u.code AS "unitCode", u.name AS "unitName", u.parent_id AS "parentId", r.indicators
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = ANY($1::uuid[]) ORDER BY u.code`,
    [reportIds],
  );
}
