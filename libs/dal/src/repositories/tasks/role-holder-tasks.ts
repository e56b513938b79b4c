import type { Role, StageKind } from '@app/domain';
import { Queryable } from '../queryable';

/** An open task cancelled because its holder lost the role (report_id null for a plan-level task). */
export interface CancelledRoleTaskRow {
  id: string;
  report_id: string | null;
  round: number;
  stage: string;
  plan_id: string;
}

/** A task for a new holder of a stage's role, in the report's current round. */
export interface NewRoleHolderTask {
  planId: string;
  reportId: string;
  unitId: string;
  scopeUnitId: string;
  round: number;
  assigneeId: string;
  dueAt: Date | null;
  stage: string;
  kind: StageKind;
  role: Role;
}

/** Cancels the open tasks a person held by this role at this scope unit; answers those cancelled. */
export async function cancelOpenTasksOfFormerRoleHolder(db: Queryable, userId: string, unitId: string, role: Role): Promise<CancelledRoleTaskRow[]> {
  const [cancelled]: [CancelledRoleTaskRow[], number] = await db.query(
    `UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
        WHERE assignee_id = $1 AND scope_unit_id = $2 AND role = $3 AND state = 'open'
        RETURNING id, report_id, round, stage, plan_id`,
    [userId, unitId, role],
  );
  return cancelled;
}

/** Gives a new role holder their task; undefined when they hold it already. */
export async function insertTaskForNewRoleHolder(db: Queryable, task: NewRoleHolderTask): Promise<string | undefined> {
  const [created]: { id: string }[] = await db.query(
    `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
    [task.planId, task.reportId, task.unitId, task.scopeUnitId, task.round, task.assigneeId, task.dueAt, task.stage, task.kind, task.role],
  );
  return created?.id;
}

/** New holders join a plan-level stage's open round beside the others, with its due date; answers the tasks created. */
export async function joinOpenPlanStageRound(db: Queryable, planId: string, stage: string, userIds: readonly string[]): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
       SELECT t.plan_id, NULL, t.unit_id, t.scope_unit_id, t.round, u.id, t.due_at, t.stage, t.kind, t.role
         FROM (SELECT * FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND state = 'open' ORDER BY round DESC LIMIT 1) t
        CROSS JOIN unnest($3::uuid[]) AS u(id)
       ON CONFLICT DO NOTHING RETURNING id`,
    [planId, stage, userIds],
  );
  return rows.map((r) => r.id);
}
