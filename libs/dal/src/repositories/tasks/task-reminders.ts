import type { StageKind, UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** An open task with what its notices need to say: plan, unit, stage, holder. */
export interface OpenTaskContext {
  taskId: string;
  state: string;
  dueAt: Date | null;
  stage: string;
  kind: StageKind;
  /** The report's stage entry the task belongs to: an escalation is told once per report, stage and round. */
  round: number;
  planId: string;
  planCode: string;
  reminders: { before: string[]; escalateAfter?: string };
  workflowKey: string;
  workflowVersion: number;
  reportId: string | null;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  parentId: string | null;
  rootUnitId: string;
  rootName: string;
  rootKind: UnitKind;
  assigneeId: string;
  assigneeName: string;
  assigneeUsername: string;
}

/** One open task of a person due a digest, with what its line says. */
export interface DigestTaskLine {
  user_id: string;
  full_name: string;
  plan_code: string;
  workflow_key: string;
  workflow_version: number;
  stage: string;
  unit_name: string;
  unit_kind: UnitKind;
  root_name: string;
  root_kind: UnitKind;
  due_at: Date | null;
  created_at: Date;
}

/** A round of a stage whose late tasks are escalated together: a report's, or the plan's own when `reportId` is null. */
export interface EscalatedRound {
  planId: string;
  reportId: string | null;
  stage: string;
  round: number;
}

export async function loadTaskContexts(db: Queryable, taskIds: readonly string[]): Promise<OpenTaskContext[]> {
  if (taskIds.length === 0) return [];
  return db.query(
    `SELECT t.id AS "taskId", t.state, t.due_at AS "dueAt", t.stage, t.kind, t.round, p.id AS "planId", p.code AS "planCode", p.reminders,
            p.workflow_key AS "workflowKey", COALESCE(r.workflow_version, p.workflow_version) AS "workflowVersion",
            t.report_id AS "reportId", u.id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", u.parent_id AS "parentId",
            p.root_unit_id AS "rootUnitId", root.name AS "rootName", root.kind AS "rootKind",
            t.assignee_id AS "assigneeId", a.full_name AS "assigneeName", a.username AS "assigneeUsername"
       FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.unit_id JOIN org_units root ON root.id = p.root_unit_id
       JOIN users a ON a.id = t.assignee_id
       LEFT JOIN reports r ON r.id = t.report_id
      WHERE t.id = ANY($1::uuid[])`,
    [taskIds],
  );
}

/** The full names of who still holds an open task of the round, by name (a name twice when two people share it). */
export async function openRoundHolderNames(db: Queryable, round: EscalatedRound): Promise<{ full_name: string }[]> {
  return round.reportId
    ? db.query(
        `SELECT a.full_name FROM tasks t JOIN users a ON a.id = t.assignee_id
          WHERE t.report_id = $1 AND t.stage = $2 AND t.round = $3 AND t.state = 'open' ORDER BY a.full_name, a.id`,
        [round.reportId, round.stage, round.round],
      )
    : db.query(
        `SELECT a.full_name FROM tasks t JOIN users a ON a.id = t.assignee_id
          WHERE t.plan_id = $1 AND t.report_id IS NULL AND t.stage = $2 AND t.round = $3 AND t.state = 'open' ORDER BY a.full_name, a.id`,
        [round.planId, round.stage, round.round],
      );
}

/**
 * The open tasks of everyone with an open task (opened by `openedBy`, when given) who has no digest
 * for `day` yet, by person and due date: the people due a digest are found first, then their tasks.
 */
export async function listDigestTaskLines(db: Queryable, day: string, openedBy: Date | null): Promise<DigestTaskLine[]> {
  return db.query(
    `WITH due AS (
         SELECT DISTINCT assignee_id FROM tasks WHERE state = 'open' AND ($2::timestamptz IS NULL OR created_at <= $2)
       ), unsent AS (
         SELECT assignee_id FROM due WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = 'digest:' || due.assignee_id || ':' || $1)
       )
       SELECT t.assignee_id AS user_id, a.full_name, p.code AS plan_code, p.workflow_key, COALESCE(r.workflow_version, p.workflow_version) AS workflow_version,
              t.stage, u.name AS unit_name, u.kind AS unit_kind, root.name AS root_name, root.kind AS root_kind, t.due_at, t.created_at
         FROM tasks t JOIN unsent ON unsent.assignee_id = t.assignee_id
         JOIN users a ON a.id = t.assignee_id JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.unit_id
         JOIN org_units root ON root.id = p.root_unit_id
         LEFT JOIN reports r ON r.id = t.report_id
        WHERE t.state = 'open'
        ORDER BY t.assignee_id, t.due_at NULLS LAST`,
    [day, openedBy],
  );
}
