import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { listConfigurationEvents, listPlanEvents } from '@app/dal';

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
    return listConfigurationEvents(this.db, {
      actions: CONFIGURATION_ACTIONS,
      action: filter.action ?? null,
      planId: filter.planId ?? null,
      actor: filter.actor ?? null,
      limit: filter.limit ?? 200,
    });
  }

  /**
   * The plan's own trail, oldest first: what happened to the plan rather than to one report (creation,
   * launch, deadlines, migrations, collections, the working group's consolidation, the Standing
   * Committee's votes, completion, stages nobody could act on). Paged by id for plans that run long.
   * `actorName` is the person's full name (null for the engine's own events).
   */
  async planEvents(planId: string, page: PlanEventsPage) {
    return listPlanEvents(this.db, planId, page.after ?? 0, page.limit ?? 500);
  }
}
