import type { Indicators, SectionContent, SectionMap } from '@app/domain';
import { Queryable } from '../queryable';

/** One unit's texts of one outline item, as a consolidated section attributes them. */
export interface UnitSectionRow {
  unitCode: string;
  unitName: string;
  parts: SectionContent | null;
}

/** The texts of the reports taken in, read only for the reports asked for (they are by far the largest part). */
export async function sectionsOfReports(db: Queryable, reportIds: readonly string[]): Promise<{ id: string; sections: SectionMap }[]> {
  return db.query(`SELECT id, sections FROM reports WHERE id = ANY($1::uuid[])`, [reportIds]);
}

/** The texts of one outline item of the reports, each report's other items never read. */
export async function sectionOfReports(db: Queryable, reportIds: readonly string[], sectionKey: string): Promise<{ id: string; sections: SectionMap }[]> {
  return db.query(`SELECT id, jsonb_build_object($2::text, sections -> $2) AS sections FROM reports WHERE id = ANY($1::uuid[])`, [reportIds, sectionKey]);
}

/** One outline item's texts of the reports, with their units' codes and names: a consolidated section read on its own. */
export async function unitSectionsOfReports(db: Queryable, reportIds: readonly string[], sectionKey: string): Promise<UnitSectionRow[]> {
  return db.query(
    `SELECT u.code AS "unitCode", u.name AS "unitName", r.sections -> $2 AS parts FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = ANY($1::uuid[])`,
    [reportIds, sectionKey],
  );
}

/** The figures of the reports. */
export async function indicatorsOfReports(db: Queryable, reportIds: readonly string[]): Promise<{ id: string; indicators: Indicators }[]> {
  return db.query(`SELECT id, indicators FROM reports WHERE id = ANY($1::uuid[])`, [reportIds]);
}
