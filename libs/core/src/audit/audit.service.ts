import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Changes to how the engine is set up, as opposed to the work on reports. */
export const CONFIGURATION_ACTIONS = [
  'admin.bootstrap',
  'admin.create',
  'org.import',
  'org.import.user',
  'roles.change',
  'task.reassign',
  'workflow.version',
  'user.deactivate',
  'user.reactivate',
  'user.password_reset',
  'plan.create',
  'plan.deadlines',
  'plan.launch_requested',
  'plan.migration_started',
  'plan.migrated',
  'plan.migration_failed',
  'queue.dashboard',
] as const;

export interface AuditFilter {
  action?: string;
  planId?: string;
  actor?: string;
  limit?: number;
}

export interface PlanEventsPage {
  /** Events after this id (the `id` of the last event of the previous page). */
  after?: number;
  limit?: number;
}

/** Reads the audit trail of configuration for administrators: who changed what, when. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async configuration(filter: AuditFilter) {
    return this.db.query(
      `SELECT id, at, actor, action, plan_id AS "planId", comment, data FROM audit_events
        WHERE action = ANY($1) AND ($2::varchar IS NULL OR action = $2) AND ($3::uuid IS NULL OR plan_id = $3) AND ($4::varchar IS NULL OR actor = $4)
        ORDER BY id DESC LIMIT $5`,
      [CONFIGURATION_ACTIONS, filter.action ?? null, filter.planId ?? null, filter.actor ?? null, filter.limit ?? 200],
    );
  }

  /**
   * The plan's own trail, oldest first: what happened to the plan rather than to one report (creation,
   * launch, deadlines, migrations, collections, the working group's consolidation, the Standing
   * Committee's votes, completion, stages nobody could act on). Paged by id for plans that run long.
   * `actorName` is the person's full name (null for the engine's own events).
   */
  async planEvents(planId: string, page: PlanEventsPage) {
    return this.db.query(
      `SELECT e.id::float8 AS id, e.at, e.actor, u.full_name AS "actorName", e.action, e.from_stage AS "fromStage", e.to_stage AS "toStage",
              e.comment, e.task_id AS "taskId", e.data
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.plan_id = $1 AND e.report_id IS NULL AND e.id > $2
        ORDER BY e.id LIMIT $3`,
      [planId, page.after ?? 0, page.limit ?? 500],
    );
  }
}
