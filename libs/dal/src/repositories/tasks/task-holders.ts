import type { NewAuditEvent } from '../../audit.repository';
import type { OutboxJob } from '../../outbox';
import { Queryable } from '../queryable';

/** A holder hands an open task on: the task remembers who held it before. */
export async function delegateTaskTo(db: Queryable, taskId: string, toUserId: string): Promise<void> {
  await db.query(`UPDATE tasks SET assignee_id = $2, delegated_from = assignee_id, updated_at = now(), version = version + 1 WHERE id = $1`, [
    taskId,
    toUserId,
  ]);
}

/** An administrator moves a person's open task to another holder of the role. */
export async function reassignTaskTo(db: Queryable, taskId: string, toUserId: string, fromUserId: string): Promise<void> {
  await db.query(`UPDATE tasks SET assignee_id = $2, delegated_from = $3, updated_at = now(), version = version + 1 WHERE id = $1`, [
    taskId,
    toUserId,
    fromUserId,
  ]);
}

export interface TaskDecision {
  taskId: string;
  decision: 'approve' | 'return';
  comment: string | null;
  chosenSignerId: string | null;
}

/**
 * Records the holder's decision on the task, its audit event and the outbox row of the job that
 * applies it, in one statement (three round trips before); returns the outbox ids for the relay.
 */
export async function recordTaskDecision(db: Queryable, decided: TaskDecision, audit: NewAuditEvent, job: OutboxJob): Promise<string[]> {
  const queued: { id: string }[] = await db.query(
    `WITH done AS (
       UPDATE tasks SET state = 'completed', decision = $2, comment = $3, chosen_signer_id = $4, completed_at = now(), updated_at = now(), version = version + 1
        WHERE id = $1 RETURNING id
     ), audited AS (
       INSERT INTO audit_events (actor_id, actor, action, plan_id, report_id, task_id, from_stage, to_stage, comment, data)
       SELECT $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb FROM done
     )
     INSERT INTO outbox (job_name, payload, fire_at) SELECT $15, $16::jsonb, NULL::timestamptz FROM done RETURNING id`,
    [
      decided.taskId,
      decided.decision,
      decided.comment,
      decided.chosenSignerId,
      audit.actorId,
      audit.actor,
      audit.action,
      audit.planId ?? null,
      audit.reportId ?? null,
      audit.taskId ?? null,
      audit.fromStage ?? null,
      audit.toStage ?? null,
      audit.comment ?? null,
      audit.data ? JSON.stringify(audit.data) : null,
      job.name,
      JSON.stringify(job.data),
    ],
  );
  return queued.map((row) => row.id);
}
