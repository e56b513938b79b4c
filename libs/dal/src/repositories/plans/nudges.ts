import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A unit named in a nudge, with its report in the plan. */
export interface NudgedUnitRow {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: UnitKind;
  ancestor_ids: string[];
  report_id: string;
  stage: string;
  due_at: Date | null;
  workflow_key: string;
  workflow_version: number;
}

/** An open task of a nudged report held by an active person: who the nudge reaches. */
export interface NudgeHolderRow {
  report_id: string;
  task_id: string;
  kind: string;
  assignee_id: string;
}

/** The plan's reports of the units with these codes, by depth and code; units without one are left out. */
export async function listNudgedUnits(db: Queryable, planId: string, unitCodes: readonly string[]): Promise<NudgedUnitRow[]> {
  return db.query(
    `SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.ancestor_ids,
              r.id AS report_id, r.stage, r.due_at, p.workflow_key, r.workflow_version
         FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id
        WHERE r.plan_id = $1 AND u.code = ANY ($2::varchar[]) ORDER BY u.depth, u.code`,
    [planId, unitCodes],
  );
}

export async function listNudgeHolders(db: Queryable, reportIds: readonly string[]): Promise<NudgeHolderRow[]> {
  return db.query(
    `SELECT t.report_id, t.id AS task_id, t.kind, t.assignee_id FROM tasks t JOIN users a ON a.id = t.assignee_id
        WHERE t.report_id = ANY ($1::uuid[]) AND t.state = 'open' AND a.active`,
    [reportIds],
  );
}

/** Whether the unit was nudged in the plan on this Hà Nội day. */
export async function unitNudgedOn(db: Queryable, planId: string, unitId: string, day: string): Promise<boolean> {
  const [already] = await db.query(`SELECT 1 FROM plan_nudges WHERE plan_id = $1 AND unit_id = $2 AND day = $3`, [planId, unitId, day]);
  return Boolean(already);
}

/**
 * Records the unit's nudge of the day; false when someone else's nudge of the same day got in
 * first (the key lets one in, so two people nudging at once send one nudge).
 */
export async function recordPlanNudge(
  db: Queryable,
  nudge: { planId: string; unitId: string; day: string; reportId: string; actorId: string; recipients: number },
): Promise<boolean> {
  const won: unknown[] = await db.query(
    `INSERT INTO plan_nudges (plan_id, unit_id, day, report_id, actor_id, recipients) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING 1`,
    [nudge.planId, nudge.unitId, nudge.day, nudge.reportId, nudge.actorId, nudge.recipients],
  );
  return won.length > 0;
}
