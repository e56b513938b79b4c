import { Queryable } from '../queryable';

/** The plan's code, as a workbook's title names it; the plan must exist. */
export async function planCodeOf(db: Queryable, planId: string): Promise<string> {
  const [{ code }]: { code: string }[] = await db.query(`SELECT code FROM plans WHERE id = $1`, [planId]);
  return code;
}
