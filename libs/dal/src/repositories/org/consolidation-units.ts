import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A unit as a consolidation names it. */
export interface ConsolidatingUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** A unit as the document it adopts is issued from it: its code and name, kind and place. */
export interface IssuingUnit {
  code: string;
  name: string;
  kind: UnitKind;
  place: string;
}

/** A unit by id, or null. */
export async function consolidatingUnitById(db: Queryable, unitId: string): Promise<ConsolidatingUnit | null> {
  const [unit]: ConsolidatingUnit[] = await db.query(`SELECT id, code, name, kind FROM org_units WHERE id = $1`, [unitId]);
  return unit ?? null;
}

/** A unit below `rootUnitId` by its code, or null (a unit outside the plan's tree is not found). */
export async function consolidatingUnitByCode(db: Queryable, code: string, rootUnitId: string): Promise<ConsolidatingUnit | null> {
  const [unit]: ConsolidatingUnit[] = await db.query(`SELECT id, code, name, kind FROM org_units WHERE code = $1 AND $2 = ANY(ancestor_ids)`, [
    code,
    rootUnitId,
  ]);
  return unit ?? null;
}

/** The kinds of the units. */
export async function kindsOfUnits(db: Queryable, unitIds: readonly string[]): Promise<{ id: string; kind: UnitKind }[]> {
  return db.query(`SELECT id, kind FROM org_units WHERE id = ANY($1::uuid[])`, [unitIds]);
}

/** The codes of the units, sorted. */
export async function codesOfUnits(db: Queryable, unitIds: readonly string[]): Promise<string[]> {
  const codes: { code: string }[] = await db.query(`SELECT code FROM org_units WHERE id = ANY($1::uuid[]) ORDER BY code`, [unitIds]);
  return codes.map((c) => c.code);
}

/** A unit's name, or null. */
export async function nameOfUnit(db: Queryable, unitId: string): Promise<string | null> {
  const [unit]: { name: string }[] = await db.query(`SELECT name FROM org_units WHERE id = $1`, [unitId]);
  return unit?.name ?? null;
}

/** A unit's code and name, or null. */
export async function codeAndNameOfUnit(db: Queryable, unitId: string): Promise<{ code: string; name: string } | null> {
  const [unit]: { code: string; name: string }[] = await db.query(`SELECT code, name FROM org_units WHERE id = $1`, [unitId]);
  return unit ?? null;
}

/** A unit as its adopted documents are issued from it. */
export async function issuingUnitOf(db: Queryable, unitId: string): Promise<IssuingUnit> {
  const [unit]: IssuingUnit[] = await db.query(`SELECT code, name, kind, place FROM org_units WHERE id = $1`, [unitId]);
  return unit;
}
