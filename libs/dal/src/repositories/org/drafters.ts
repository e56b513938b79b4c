import { Queryable } from '../queryable';

/** Whether the user holds the drafter role on the unit itself (a role above it does not count). */
export async function isDrafterOfUnit(db: Queryable, userId: string, unitId: string): Promise<boolean> {
  const [drafter]: unknown[] = await db.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND unit_id = $2 AND role = 'drafter'`, [userId, unitId]);
  return drafter !== undefined;
}
