import { Queryable } from '../queryable';

/** Whether any plan is launched: with none, a change of roles has no stage under way to reach. */
export async function anyPlanLaunched(db: Queryable): Promise<boolean> {
  const running: unknown[] = await db.query(`SELECT 1 FROM plans WHERE status = 'launched' LIMIT 1`);
  return running.length > 0;
}
