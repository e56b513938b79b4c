import { Queryable } from '../queryable';

/** The plan's current consolidation round (the working group's). */
export async function consolidationRoundOf(db: Queryable, planId: string): Promise<number> {
  const [{ round }]: { round: number }[] = await db.query(`SELECT consolidation_round AS round FROM plans WHERE id = $1`, [planId]);
  return round;
}

/** The plan completed, unless it already was. */
export async function markPlanCompleted(db: Queryable, planId: string): Promise<void> {
  await db.query(
    `UPDATE plans SET status = 'completed', completed_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND status <> 'completed'`,
    [planId],
  );
}
