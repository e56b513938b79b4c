import type { SectionMap, UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** The texts the working group wrote as the root level's own report; undefined before it wrote any. */
export async function findLevelReportSections(db: Queryable, planId: string, unitId: string): Promise<{ sections: SectionMap } | undefined> {
  const [row]: { sections: SectionMap }[] = await db.query(`SELECT sections FROM level_reports WHERE plan_id = $1 AND unit_id = $2`, [planId, unitId]);
  return row;
}

/** A unit's kind and the root's (they set the plan's deadline) and the dates of the unit's collection, if it has one. */
export interface CollectionDatesRow {
  kind: UnitKind;
  root_kind: UnitKind;
  cut_off_at: Date | null;
  collected_at: Date | null;
}

/** Undefined for an unknown unit code; the dates are null while the unit has no collection. */
export async function findCollectionDates(db: Queryable, planId: string, rootUnitId: string, unitCode: string): Promise<CollectionDatesRow | undefined> {
  const [row]: CollectionDatesRow[] = await db.query(
    `SELECT u.kind, root.kind AS root_kind, c.cut_off_at, c.collected_at
         FROM org_units u JOIN org_units root ON root.id = $2
         LEFT JOIN consolidations c ON c.plan_id = $1 AND c.unit_id = u.id
        WHERE u.code = $3`,
    [planId, rootUnitId, unitCode],
  );
  return row;
}
