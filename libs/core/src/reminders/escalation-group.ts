import { EntityManager } from 'typeorm';
import { OpenTaskContext } from './open-task-context';

/**
 * A late stage is escalated once per report, stage and round, not once per task: a cell approval
 * held by two approvers is one late step for the committee above, which hears of it once, with
 * both names. Plan-level tasks (the root's consolidation) group by plan instead of report.
 */
export function escalationGroupKey(task: Pick<OpenTaskContext, 'reportId' | 'planId' | 'stage' | 'round'>): string {
  return `${task.reportId ?? `plan-${task.planId}`}:${task.stage}:${task.round}`;
}

/** Who still holds the group's open tasks, by name: the people the escalation is about. */
export async function openHolderNames(em: EntityManager, task: OpenTaskContext): Promise<string[]> {
  const rows: { full_name: string }[] = task.reportId
    ? await em.query(
        `SELECT a.full_name FROM tasks t JOIN users a ON a.id = t.assignee_id
          WHERE t.report_id = $1 AND t.stage = $2 AND t.round = $3 AND t.state = 'open' ORDER BY a.full_name, a.id`,
        [task.reportId, task.stage, task.round],
      )
    : await em.query(
        `SELECT a.full_name FROM tasks t JOIN users a ON a.id = t.assignee_id
          WHERE t.plan_id = $1 AND t.report_id IS NULL AND t.stage = $2 AND t.round = $3 AND t.state = 'open' ORDER BY a.full_name, a.id`,
        [task.planId, task.stage, task.round],
      );
  return [...new Set(rows.map((r) => r.full_name))];
}

/** The reviewers of the unit's parent; the root's consolidators when that is the root or has no reviewer. */
export async function escalationRecipients(em: EntityManager, task: OpenTaskContext): Promise<string[]> {
  const atRoot = task.parentId === null || task.parentId === task.rootUnitId;
  const rows: { user_id: string }[] = atRoot
    ? []
    : await em.query(`SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'reviewer' ORDER BY user_id`, [task.parentId]);
  if (rows.length) return rows.map((r) => r.user_id);
  const consolidators: { user_id: string }[] = await em.query(
    `SELECT user_id FROM role_assignments WHERE unit_id = $1 AND role = 'consolidator' ORDER BY user_id`,
    [task.rootUnitId],
  );
  return consolidators.map((r) => r.user_id);
}
