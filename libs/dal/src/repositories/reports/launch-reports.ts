import type { UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A report a launch created, with what its first stage's assignment needs of its unit. */
export interface LaunchCreatedReportRow {
  id: string;
  unit_id: string;
  parent_id: string | null;
  kind: UnitKind;
  round: number;
}

/** A task of a launched report's first stage, as json_agg gives it (its due date as text). */
export interface LaunchedTaskJson {
  id: string;
  assignee: string;
  kind: string;
  state: string;
  dueAt: string | null;
}

/** A report of a launched plan with the tasks of its current stage and round. */
export interface LaunchedReportRow {
  id: string;
  unit_id: string;
  code: string;
  stage: string;
  workflow_version: number;
  due_at: Date | null;
  tasks: LaunchedTaskJson[] | null;
}

/** A report of a plan as its progress shows it, with its unit. */
export interface ProgressReportRow {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  kind: string;
  depth: number;
  parent_id: string | null;
  report_id: string;
  stage: string;
  due_at: Date | null;
  unassigned: boolean;
  returned_count: number;
}

/** One report per unit below the root, in the first stage; a unit that already has one keeps it, so a repeat creates nothing. */
export async function insertLaunchReports(
  db: Queryable,
  launch: { planId: string; rootUnitId: string; firstStage: string; workflowVersion: number },
): Promise<LaunchCreatedReportRow[]> {
  return db.query(
    `WITH created AS (
           INSERT INTO reports (plan_id, unit_id, stage, workflow_version)
           SELECT $1, u.id, $3, $4 FROM org_units u WHERE $2 = ANY(u.ancestor_ids) AND u.id <> $2
           ON CONFLICT (plan_id, unit_id) DO NOTHING
           RETURNING id, unit_id, round)
         SELECT c.id, c.unit_id, u.parent_id, u.kind, c.round FROM created c JOIN org_units u ON u.id = c.unit_id`,
    [launch.planId, launch.rootUnitId, launch.firstStage, launch.workflowVersion],
  );
}

/** Every report of a plan by unit code, each with the tasks of its current stage and round. */
export async function listLaunchedReports(db: Queryable, planId: string): Promise<LaunchedReportRow[]> {
  return db.query(
    `SELECT r.id, r.unit_id, u.code, r.stage, r.workflow_version, r.due_at,
              (SELECT json_agg(json_build_object('id', t.id, 'assignee', a.username, 'kind', t.kind, 'state', t.state, 'dueAt', t.due_at) ORDER BY a.username)
                 FROM tasks t JOIN users a ON a.id = t.assignee_id
                WHERE t.report_id = r.id AND t.stage = r.stage AND t.round = r.round) AS tasks
         FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1
        ORDER BY u.code`,
    [planId],
  );
}

/** The reports of a plan whose units lie under one of `scopeIds` (every report when null), by depth and code. */
export async function listProgressReports(db: Queryable, planId: string, scopeIds: readonly string[] | null): Promise<ProgressReportRow[]> {
  return db.query(
    `SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind, u.depth, u.parent_id, r.id AS report_id, r.stage,
                r.due_at, r.unassigned, r.returned_count
           FROM reports r JOIN org_units u ON u.id = r.unit_id
          WHERE r.plan_id = $1 AND ($2::uuid[] IS NULL OR u.ancestor_ids && $2::uuid[]) ORDER BY u.depth, u.code`,
    [planId, scopeIds],
  );
}

/** Reports nobody can act on at their stage are flagged, so they show as unassigned instead of silently waiting. */
export async function flagReportsUnassigned(db: Queryable, reportIds: readonly string[]): Promise<void> {
  await db.query(`UPDATE reports SET unassigned = true WHERE id = ANY($1::uuid[])`, [reportIds]);
}
