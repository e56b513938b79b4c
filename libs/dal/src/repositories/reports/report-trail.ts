import { Queryable } from '../queryable';

export interface ReportTrailRow {
  at: Date;
  actor: string;
  /** The person's full name for the trail people read; null for the engine's own events. */
  actorName: string | null;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
  taskId: string | null;
}

/** A report's audit trail in the order it was written. */
export async function listReportTrail(db: Queryable, reportId: string): Promise<ReportTrailRow[]> {
  return db.query(
    `SELECT e.at, e.actor, u.full_name AS "actorName", e.action, e.from_stage AS "fromStage", e.to_stage AS "toStage", e.comment, e.task_id AS "taskId"
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.report_id = $1 ORDER BY e.id`,
    [reportId],
  );
}
