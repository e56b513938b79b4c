import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A unit as an import or the workbook compares it: its fields, the parent by code. */
export interface StoredUnitRow {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  place: string;
}

/** A unit's id by its code. */
export interface UnitIdRow {
  id: string;
  code: string;
}

/** A unit's parent, both by code (null at the root). */
export interface UnitParentCodeRow {
  code: string;
  parent: string | null;
}

/** A unit's parent, both by id, to recompute the tree's paths. */
export interface UnitParentLinkRow {
  id: string;
  parentId: string | null;
}

/** A unit as the workbook's export writes it, with its depth to write parents first. */
export interface ExportUnitRow extends StoredUnitRow {
  depth: number;
}

/** The stored units an import names, locked: the import compares them and then writes them. */
export async function lockStoredUnitsByCode(db: Queryable, codes: readonly string[]): Promise<StoredUnitRow[]> {
  return db.query(
    `SELECT u.code, u.name, u.kind, p.code AS parent, u.place FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id WHERE u.code = ANY($1) FOR UPDATE OF u`,
    [codes],
  );
}

/** The stored units an upload names, read for its preview (nothing is written). */
export async function storedUnitsByCode(db: Queryable, codes: readonly string[]): Promise<StoredUnitRow[]> {
  return db.query(
    `SELECT u.code, u.name, u.kind, p.code AS parent, u.place FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id WHERE u.code = ANY($1)`,
    [codes],
  );
}

/** Inserts the imported units by code; a stored one is updated only where its name or kind differs. */
export async function upsertImportedUnits(db: Queryable, units: { codes: string[]; names: string[]; kinds: string[] }): Promise<void> {
  await db.query(
    `INSERT INTO org_units (code, name, kind)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, updated_at = now()
          WHERE org_units.name IS DISTINCT FROM EXCLUDED.name OR org_units.kind IS DISTINCT FROM EXCLUDED.kind`,
    [units.codes, units.names, units.kinds],
  );
}

/** Writes the places the import gives, where they differ. */
export async function placeImportedUnits(db: Queryable, codes: string[], places: (string | undefined)[]): Promise<void> {
  await db.query(
    `UPDATE org_units u SET place = i.place, updated_at = now() FROM unnest($1::varchar[], $2::varchar[]) AS i(code, place)
        WHERE u.code = i.code AND u.place IS DISTINCT FROM i.place`,
    [codes, places],
  );
}

export async function unitIdsByCode(db: Queryable, codes: readonly string[]): Promise<UnitIdRow[]> {
  return db.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [codes]);
}

export async function unitCodesById(db: Queryable, ids: readonly string[]): Promise<UnitIdRow[]> {
  return db.query(`SELECT id, code FROM org_units WHERE id = ANY($1::uuid[])`, [ids]);
}

/** Sets each unit's parent (null for a root), where it differs. */
export async function setUnitParents(db: Queryable, unitIds: (string | undefined)[], parentIds: (string | null | undefined)[]): Promise<void> {
  await db.query(
    `UPDATE org_units u SET parent_id = p.parent_id
         FROM unnest($1::uuid[], $2::uuid[]) AS p(id, parent_id)
        WHERE u.id = p.id AND u.parent_id IS DISTINCT FROM p.parent_id`,
    [unitIds, parentIds],
  );
}

export async function unitParentLinks(db: Queryable): Promise<UnitParentLinkRow[]> {
  return db.query(`SELECT id, parent_id AS "parentId" FROM org_units`);
}

/** Writes each unit's ancestors (a Postgres array literal of ids, root first) and its depth, where they differ. */
export async function setUnitAncestors(db: Queryable, unitIds: string[], paths: string[]): Promise<void> {
  await db.query(
    `UPDATE org_units u SET ancestor_ids = p.path::uuid[], depth = cardinality(p.path::uuid[]) - 1
         FROM unnest($1::uuid[], $2::text[]) AS p(id, path)
        WHERE u.id = p.id AND u.ancestor_ids IS DISTINCT FROM p.path::uuid[]`,
    [unitIds, paths],
  );
}

/** Every unit with its parent's code: the tree an import or an upload is checked against. */
export async function unitParentCodes(db: Queryable): Promise<UnitParentCodeRow[]> {
  return db.query(`SELECT u.code, p.code AS parent FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id`);
}

/** The whole tree for the workbook's export, parents first (each level by code). */
export async function unitsForExport(db: Queryable): Promise<ExportUnitRow[]> {
  return db.query(
    `SELECT u.code, u.name, u.kind, p.code AS parent, u.place, u.depth FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id ORDER BY u.depth, u.code`,
  );
}

/** The ids of a unit's children, by code. */
export async function childUnitIds(db: Queryable, unitId: string): Promise<string[]> {
  const children: { id: string }[] = await db.query(`SELECT id FROM org_units WHERE parent_id = $1 ORDER BY code`, [unitId]);
  return children.map((c) => c.id);
}

/** A unit's kind; undefined when no unit has this id. */
export async function unitKindOf(db: Queryable, unitId: string): Promise<UnitKind | undefined> {
  const [unit]: { kind: UnitKind }[] = await db.query(`SELECT kind FROM org_units WHERE id = $1`, [unitId]);
  return unit?.kind;
}

/** How many units and people are stored. */
export interface StoredOrgCounts {
  units: number;
  users: number;
}

/** How many units and people are stored, for an upload's "not in the file" counts. */
export async function countUnitsAndUsers(db: Queryable): Promise<StoredOrgCounts> {
  const [counts]: StoredOrgCounts[] = await db.query(`SELECT (SELECT count(*)::int FROM org_units) AS units, (SELECT count(*)::int FROM users) AS users`);
  return counts;
}
