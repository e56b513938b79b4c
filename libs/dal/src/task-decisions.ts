import { EntityManager } from 'typeorm';

/** Marks decisions as applied by the worker, so the reconciler stops queueing them. */
export async function markDecisionsApplied(em: EntityManager, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await em.query(`UPDATE tasks SET applied_at = now() WHERE id = ANY($1::uuid[]) AND applied_at IS NULL AND state = 'completed'`, [taskIds]);
}

/** Why a round's open tasks are cancelled when its stage is decided, as the trail says it. */
export const STAGE_DECIDED_REASON = 'giai đoạn đã được quyết định';

/**
 * The SQL that withdraws one round's open tasks, shared by every statement that does it, so the
 * trail says it one way: `cancelled` and `withdrawn` are common table expressions to put in a WITH
 * (`withdrawn` holds the task ids and the assignees' usernames, both in username order), and
 * `auditRow` is the SELECT of the `tasks_cancelled` event's columns (ord, actor_id, actor, action,
 * task_id, to_stage, comment, data; no row when nothing was withdrawn). Each argument is SQL: the
 * caller's placeholders, and `guard` a condition the cancellation also needs (e.g. that the move it
 * belongs to happened).
 */
export function withdrawnTasksSql(p: { plan: string; report: string; stage: string; round: string; reason: string; guard?: string }): {
  ctes: string;
  auditRow: string;
} {
  const report = p.report === 'NULL' ? 'report_id IS NULL' : `report_id = ${p.report}`;
  return {
    ctes: `cancelled AS (
       UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
        WHERE plan_id = ${p.plan} AND ${report} AND stage = ${p.stage} AND round = ${p.round} AND state = 'open'${p.guard ? ` AND ${p.guard}` : ''}
       RETURNING id, assignee_id),
     withdrawn AS (
       SELECT array_agg(c.id ORDER BY u.username) AS ids, string_agg(u.username, ', ' ORDER BY u.username) AS names
         FROM cancelled c JOIN users u ON u.id = c.assignee_id)`,
    auditRow: `SELECT 1 AS ord, NULL::uuid AS actor_id, 'system' AS actor, 'tasks_cancelled' AS action, NULL::uuid AS task_id, NULL::varchar AS to_stage,
                'Hủy việc của ' || w.names || ': ' || ${p.reason}::text AS comment, jsonb_build_object('taskIds', to_jsonb(w.ids), 'round', ${p.round}::int) AS data
           FROM withdrawn w WHERE w.ids IS NOT NULL`,
  };
}

/**
 * Cancels the open tasks of one round of a stage when it resolves (report or plan level), and audits
 * whose turn was withdrawn, in one statement: a reviewer who finds a task gone from the inbox can
 * see why in the trail. Returns the cancelled tasks' ids, in their assignees' username order.
 */
export async function cancelOpenTasks(
  em: EntityManager,
  where: { reportId: string | null; planId: string; stage: string; round: number },
  reason = STAGE_DECIDED_REASON,
): Promise<string[]> {
  const withdrawn = withdrawnTasksSql({ plan: '$1', report: where.reportId === null ? 'NULL' : '$2', stage: '$3', round: '$4', reason: '$5' });
  const rows: { id: string }[] = await em.query(
    `WITH ${withdrawn.ctes},
     audited AS (
       INSERT INTO audit_events (actor_id, actor, action, plan_id, report_id, task_id, from_stage, to_stage, comment, data)
       SELECT actor_id, actor, action, $1, $2::uuid, task_id, $3, to_stage, comment, data FROM (${withdrawn.auditRow}) AS e)
     SELECT unnest(ids) AS id FROM withdrawn WHERE ids IS NOT NULL`,
    [where.planId, where.reportId, where.stage, where.round, reason],
  );
  return rows.map((row) => row.id);
}
