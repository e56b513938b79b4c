import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A unit as a Party document names it, with its parent's kind and name (null at the root). */
export interface DocumentUnitRow {
  id: string;
  code: string;
  kind: UnitKind;
  name: string;
  place: string;
  parent_kind: UnitKind | null;
  parent_name: string | null;
}

/** A unit by its code, or by its id. */
export async function findDocumentUnit(db: Queryable, key: string, by: 'code' | 'id'): Promise<DocumentUnitRow | undefined> {
  const [row]: DocumentUnitRow[] = await db.query(
    `SELECT u.id, u.code, u.kind, u.name, u.place, p.kind AS parent_kind, p.name AS parent_name FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
        WHERE ${by === 'id' ? 'u.id = $1::uuid' : 'u.code = $1'}`,
    [key],
  );
  return row;
}

/**
 * The code of the unit that collects a unit's report for a plan: the nearest unit above it, within
 * the plan's tree, whose kind consolidates (`consolidateAt`), else the plan's root.
 */
export async function findCollectingUnitCode(db: Queryable, unitId: string, rootUnitId: string, consolidateAt: readonly UnitKind[]): Promise<string> {
  const [row]: { code: string }[] = await db.query(
    `SELECT a.code FROM org_units u JOIN org_units a ON a.id = ANY(u.ancestor_ids)
        WHERE u.id = $1 AND a.id <> u.id AND $2 = ANY(a.ancestor_ids) AND (a.id = $2 OR a.kind = ANY($3::varchar[]))
        ORDER BY a.depth DESC LIMIT 1`,
    [unitId, rootUnitId, consolidateAt],
  );
  if (row) return row.code;
  const [root]: { code: string }[] = await db.query(`SELECT code FROM org_units WHERE id = $1`, [rootUnitId]);
  return root.code;
}
