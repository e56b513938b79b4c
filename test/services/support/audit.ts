import { DataSource } from 'typeorm';

export interface AuditRow {
  action: string;
  actor: string;
  actor_id: string | null;
  report_id: string | null;
  task_id: string | null;
  from_stage: string | null;
  to_stage: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
}

/** The audit events of one report (or plan), oldest first, as the trail shows them. */
export async function auditOf(db: DataSource, where: { reportId?: string; planId?: string }, action?: string): Promise<AuditRow[]> {
  return db.query(
    `SELECT action, actor, actor_id, report_id, task_id, from_stage, to_stage, comment, data FROM audit_events
      WHERE ($1::uuid IS NULL OR report_id = $1) AND ($2::uuid IS NULL OR plan_id = $2) AND ($3::text IS NULL OR action = $3)
      ORDER BY id`,
    [where.reportId ?? null, where.planId ?? null, action ?? null],
  );
}
