import { Queryable } from './repositories/queryable';
import type { ReportTrailRow } from './repositories/reports/report-trail';

/** A configuration event as administrators read it. */
export interface ConfigurationEventRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  planId: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
}

export interface ConfigurationEventQuery {
  /** The actions that count as configuration; `action` narrows to one of them. */
  actions: readonly string[];
  action: string | null;
  planId: string | null;
  actor: string | null;
  limit: number;
}

/** Configuration events matching the filter, newest first. */
export async function listConfigurationEvents(db: Queryable, query: ConfigurationEventQuery): Promise<ConfigurationEventRow[]> {
  return db.query(
    `SELECT id, at, actor, action, plan_id AS "planId", comment, data FROM audit_events
        WHERE action = ANY($1) AND ($2::varchar IS NULL OR action = $2) AND ($3::uuid IS NULL OR plan_id = $3) AND ($4::varchar IS NULL OR actor = $4)
        ORDER BY id DESC LIMIT $5`,
    [query.actions, query.action, query.planId, query.actor, query.limit],
  );
}

/** An event of a plan's own trail; `id` as a number, for the client to page with. */
export interface PlanEventRow extends ReportTrailRow {
  id: number;
  data: Record<string, unknown> | null;
}

/** The plan's own events (none of a single report) after the id `after`, oldest first, at most `limit`. */
export async function listPlanEvents(db: Queryable, planId: string, after: number, limit: number): Promise<PlanEventRow[]> {
  return db.query(
    `SELECT e.id::float8 AS id, e.at, e.actor, u.full_name AS "actorName", e.action, e.from_stage AS "fromStage", e.to_stage AS "toStage",
              e.comment, e.task_id AS "taskId", e.data
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.plan_id = $1 AND e.report_id IS NULL AND e.id > $2
        ORDER BY e.id LIMIT $3`,
    [planId, after, limit],
  );
}
