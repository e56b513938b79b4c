import { Queryable } from '../queryable';

/** A report under way whose stage a new role holder at a unit may have to act on. */
export interface RoleChangeCandidateRow {
  id: string;
  plan_id: string;
  unit_id: string;
  parent_id: string | null;
  stage: string;
  round: number;
  workflow_version: number;
  workflow_key: string;
  root_unit_id: string;
  due_at: Date | null;
}

/** The reports of launched plans, not done, at the unit, below it, or of a plan rooted there. */
export async function reportsTouchedByRoleAtUnit(db: Queryable, unitId: string): Promise<RoleChangeCandidateRow[]> {
  return db.query(
    `SELECT r.id, r.plan_id, r.unit_id, u.parent_id, r.stage, r.round, r.workflow_version, p.workflow_key, p.root_unit_id, r.due_at
         FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id
        WHERE p.status = 'launched' AND r.stage <> 'done' AND (r.unit_id = $1 OR u.parent_id = $1 OR p.root_unit_id = $1)`,
    [unitId],
  );
}

/** Marks reports whose stage must be decided again (the reconciler finds them if the job is lost). */
export async function markReportsNeedingDecision(db: Queryable, reportIds: readonly string[]): Promise<void> {
  await db.query(`UPDATE reports SET needs_decision = true WHERE id = ANY($1::uuid[])`, [reportIds]);
}

/** A report that had nobody to act on its stage has someone now. */
export async function markReportAssigned(db: Queryable, reportId: string): Promise<void> {
  await db.query(`UPDATE reports SET unassigned = false WHERE id = $1 AND unassigned`, [reportId]);
}

/** The latest due date the plan's reports at this stage carry; null when none does. */
export async function latestDueAtOfReportsAtStage(db: Queryable, planId: string, stage: string): Promise<Date | null> {
  const [waiting]: { due_at: Date | null }[] = await db.query(`SELECT max(due_at) AS due_at FROM reports WHERE plan_id = $1 AND stage = $2`, [planId, stage]);
  return waiting?.due_at ?? null;
}
