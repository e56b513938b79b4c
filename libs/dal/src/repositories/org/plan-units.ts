import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';
import { unitKindOf } from './units';

/** A plan's root unit as its progress tree starts from it. */
export interface PlanRootUnitRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** A unit the caller holds a role on, as a plan's progress lists the caller's scope. */
export interface ScopeUnitRow {
  unitId: string;
  unitCode: string;
  unitName: string;
}

/** The id of the unit with this code (a new plan's root); undefined when there is none. */
export async function findPlanRootUnitIdByCode(db: Queryable, code: string): Promise<string | undefined> {
  const [root]: { id: string }[] = await db.query(`SELECT id FROM org_units WHERE code = $1`, [code]);
  return root?.id;
}

/** The kind of a plan's root unit: deadlines and due dates depend on it. The root is a foreign key, so it exists. */
export async function planRootUnitKind(db: Queryable, rootUnitId: string): Promise<UnitKind> {
  const kind = await unitKindOf(db, rootUnitId);
  if (!kind) throw new Error(`The plan's root unit ${rootUnitId} does not exist`);
  return kind;
}

export async function readPlanRootUnit(db: Queryable, rootUnitId: string): Promise<PlanRootUnitRow> {
  const [root]: PlanRootUnitRow[] = await db.query(`SELECT id, code, name, kind FROM org_units WHERE id = $1`, [rootUnitId]);
  return root;
}

/** The code of a report's unit, as a migration lists the report. */
export async function reportUnitCode(db: Queryable, unitId: string): Promise<string> {
  const [unit]: { code: string }[] = await db.query(`SELECT code FROM org_units WHERE id = $1`, [unitId]);
  return unit.code;
}

export async function listScopeUnits(db: Queryable, unitIds: readonly string[]): Promise<ScopeUnitRow[]> {
  return db.query(`SELECT id AS "unitId", code AS "unitCode", name AS "unitName" FROM org_units WHERE id = ANY ($1::uuid[]) ORDER BY depth, code`, [unitIds]);
}
