import { Queryable } from '../queryable';

/** Where a plan's plan-level work stands: its status and latest consolidation round. */
export interface PlanRoundRow {
  status: string;
  round: number;
}

/** What the plan-level stages' rules read besides the tasks: the reports waiting, the root's collection, the role holders. */
export interface PlanStageFactsRow {
  waiting: number;
  collected: boolean;
  consolidators: number;
  reviewers: number;
}

export async function readPlanRound(db: Queryable, planId: string): Promise<PlanRoundRow> {
  const [current]: PlanRoundRow[] = await db.query(`SELECT status, consolidation_round AS round FROM plans WHERE id = $1`, [planId]);
  return current;
}

/** Counted in one statement so the facts are of one moment. */
export async function readPlanStageFacts(
  db: Queryable,
  at: { planId: string; rootUnitId: string; consolidationStage: string; consolidationRole: string },
): Promise<PlanStageFactsRow> {
  const [facts]: PlanStageFactsRow[] = await db.query(
    `SELECT (SELECT count(*)::int FROM reports WHERE plan_id = $1 AND stage = $3) AS waiting,
            EXISTS (SELECT 1 FROM consolidations WHERE plan_id = $1 AND unit_id = $2 AND status <> 'collecting') AS collected,
            (SELECT count(*)::int FROM role_assignments WHERE unit_id = $2 AND role = $4) AS consolidators,
            (SELECT count(*)::int FROM role_assignments WHERE unit_id = $2 AND role = 'reviewer') AS reviewers`,
    [at.planId, at.rootUnitId, at.consolidationStage, at.consolidationRole],
  );
  return facts;
}

/**
 * A plan's status under a share lock: a report reaching consolidation waits for a completion under
 * way (its UPDATE of the row), and a completion waits for the entries under way, but entries do not
 * wait for each other, so the final approvals of a whole Bloc do not queue behind one row. The
 * caller must not take the row's exclusive lock later in the same transaction: two entries doing
 * so would each wait for the other's share.
 */
export async function sharePlanStatus(db: Queryable, planId: string): Promise<string> {
  const [locked]: { status: string }[] = await db.query(`SELECT status FROM plans WHERE id = $1 FOR SHARE`, [planId]);
  return locked.status;
}

/** A plan's status under the row's lock: a report reaching consolidation waits for a completion under way. */
export async function lockPlanStatus(db: Queryable, planId: string): Promise<string> {
  const [locked]: { status: string }[] = await db.query(`SELECT status FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
  return locked.status;
}

/** A plan's latest consolidation round under the row's lock: only one round opens at a time. */
export async function lockPlanConsolidationRound(db: Queryable, planId: string): Promise<number> {
  const [locked]: { consolidation_round: number }[] = await db.query(`SELECT consolidation_round FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
  return locked.consolidation_round;
}

/** The lock the opening of a round takes, taken by a migration so that no round opens while one moves. */
export async function lockPlanForRoundMove(db: Queryable, planId: string): Promise<void> {
  await db.query(`SELECT 1 FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
}

export async function setPlanConsolidationRound(db: Queryable, planId: string, round: number): Promise<void> {
  await db.query(`UPDATE plans SET consolidation_round = $2, updated_at = now() WHERE id = $1`, [planId, round]);
}
