import { Queryable } from '../queryable';

/** The holders of the consolidator role at a unit: its working group. */
export async function consolidatorsOfUnit(db: Queryable, unitId: string): Promise<string[]> {
  const people: { user_id: string }[] = await db.query(`SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'consolidator'`, [unitId]);
  return people.map((p) => p.user_id);
}

/** Whether the person consolidates, reviews or approves at the unit or a unit above it: who reads its consolidation. */
export async function readsConsolidationOf(db: Queryable, userId: string, unitId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM role_assignments r JOIN org_units u ON u.id = $2
        WHERE r.user_id = $1 AND r.unit_id = ANY(u.ancestor_ids) AND r.role IN ('consolidator', 'reviewer', 'approver') LIMIT 1`,
    [userId, unitId],
  );
  return rows.length > 0;
}
