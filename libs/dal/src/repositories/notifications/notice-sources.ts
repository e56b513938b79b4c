import type { LabelledStage, StageKind, UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A workflow version a notice names stages of. */
export interface WorkflowRef {
  workflow_key: string;
  workflow_version: number;
}

/** A task as the notices about it read it: its holder, stage, unit, plan and workflow version. */
export interface TaskNoticeRow {
  id: string;
  assignee_id: string;
  kind: StageKind;
  stage: string;
  due_at: Date | null;
  report_id: string | null;
  plan_id: string;
  plan_code: string;
  workflow_key: string;
  workflow_version: number;
  unit_kind: UnitKind;
  unit_name: string;
  root_kind: UnitKind;
  root_name: string;
}

/** A delegated task, with its version (a key per hand-over) and who held it before (full name). */
export interface DelegatedTaskNoticeRow extends TaskNoticeRow {
  version: number;
  from_name: string | null;
}

/** A returned report as its drafters' notice names it. */
export interface ReturnedReportNoticeRow {
  plan_id: string;
  plan_code: string;
  workflow_key: string;
  workflow_version: number;
  unit_kind: UnitKind;
  unit_name: string;
  due_at: Date | null;
}

/** An adoption as its notice names it; `stage` is the report's stage after it (null for the root's own report). */
export interface AdoptionNoticeRow {
  plan_code: string;
  workflow_key: string;
  workflow_version: number;
  unit_kind: UnitKind;
  unit_name: string;
  stage: string | null;
}

/** The stages of a workflow version, keyed by its key and version. */
export interface WorkflowStagesRow {
  key: string;
  version: number;
  stages: LabelledStage[];
}

/** The tasks, each with what its notice names; one read for a launch's ten thousand tasks. */
export async function listTaskNoticeRows(db: Queryable, taskIds: readonly string[]): Promise<TaskNoticeRow[]> {
  return db.query(
    `SELECT t.id, t.assignee_id, t.kind, t.stage, t.due_at, t.report_id, t.plan_id, p.code AS plan_code,
            p.workflow_key, COALESCE(r.workflow_version, p.workflow_version) AS workflow_version,
            u.kind AS unit_kind, u.name AS unit_name, root.kind AS root_kind, root.name AS root_name
       FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.unit_id JOIN org_units root ON root.id = p.root_unit_id
       LEFT JOIN reports r ON r.id = t.report_id
      WHERE t.id = ANY($1::uuid[])`,
    [taskIds],
  );
}

export async function listDelegatedTaskNoticeRows(db: Queryable, taskIds: readonly string[]): Promise<DelegatedTaskNoticeRow[]> {
  return db.query(
    `SELECT t.id, t.version, t.assignee_id, t.kind, t.stage, t.due_at, t.report_id, t.plan_id, p.code AS plan_code,
            p.workflow_key, COALESCE(r.workflow_version, p.workflow_version) AS workflow_version,
            u.kind AS unit_kind, u.name AS unit_name, root.kind AS root_kind, root.name AS root_name, f.full_name AS from_name
       FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.unit_id JOIN org_units root ON root.id = p.root_unit_id
       LEFT JOIN reports r ON r.id = t.report_id LEFT JOIN users f ON f.id = t.delegated_from
      WHERE t.id = ANY($1::uuid[])`,
    [taskIds],
  );
}

export async function findReturnedReportNoticeRow(db: Queryable, reportId: string): Promise<ReturnedReportNoticeRow | undefined> {
  const [report]: ReturnedReportNoticeRow[] = await db.query(
    `SELECT r.plan_id, p.code AS plan_code, p.workflow_key, r.workflow_version, u.kind AS unit_kind, u.name AS unit_name, r.due_at
       FROM reports r JOIN plans p ON p.id = r.plan_id JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1`,
    [reportId],
  );
  return report;
}

/** The drafters of the report's unit, by id. */
export async function listReportDrafterIds(db: Queryable, reportId: string): Promise<string[]> {
  const drafters: { user_id: string }[] = await db.query(
    `SELECT a.user_id FROM role_assignments a JOIN reports r ON r.unit_id = a.unit_id WHERE r.id = $1 AND a.role = 'drafter' ORDER BY a.user_id`,
    [reportId],
  );
  return drafters.map((d) => d.user_id);
}

/** The plan, the adopting unit and (for a unit's report) the report's stage; undefined for an unknown plan. */
export async function findAdoptionNoticeRow(db: Queryable, planId: string, unitId: string, reportId: string | null): Promise<AdoptionNoticeRow | undefined> {
  const [row]: AdoptionNoticeRow[] = await db.query(
    `SELECT p.code AS plan_code, p.workflow_key, COALESCE(r.workflow_version, p.workflow_version) AS workflow_version,
            u.kind AS unit_kind, u.name AS unit_name, r.stage
       FROM plans p JOIN org_units u ON u.id = $2 LEFT JOIN reports r ON r.id = $3::uuid
      WHERE p.id = $1`,
    [planId, unitId, reportId],
  );
  return row;
}

/** The people holding any of the roles at the unit, each once, by id. */
export async function listUnitRoleHolderIds(db: Queryable, unitId: string, roles: readonly string[]): Promise<string[]> {
  const people: { user_id: string }[] = await db.query(
    `SELECT DISTINCT user_id FROM role_assignments WHERE unit_id = $1 AND role = ANY($2::varchar[]) ORDER BY user_id`,
    [unitId, roles],
  );
  return people.map((p) => p.user_id);
}

/** The stages of the given workflow versions, in one query. */
export async function listWorkflowVersionStages(db: Queryable, versions: readonly WorkflowRef[]): Promise<WorkflowStagesRow[]> {
  return db.query(
    `SELECT w.key, w.version, w.stages FROM workflow_definitions w
       JOIN unnest($1::varchar[], $2::int[]) AS v(key, version) ON v.key = w.key AND v.version = w.version`,
    [versions.map((r) => r.workflow_key), versions.map((r) => r.workflow_version)],
  );
}

/** A person's full name as notices name them; undefined for an unknown id. */
export async function findUserFullName(db: Queryable, userId: string): Promise<string | undefined> {
  const [user]: { full_name: string }[] = await db.query(`SELECT full_name FROM users WHERE id = $1`, [userId]);
  return user?.full_name;
}
