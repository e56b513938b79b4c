import { EntityManager } from 'typeorm';
import type { StageKind, UnitKind } from '@app/domain';

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

export async function loadTaskContexts(em: EntityManager, taskIds: readonly string[]): Promise<OpenTaskContext[]> {
  if (taskIds.length === 0) return [];
  return em.query(
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
