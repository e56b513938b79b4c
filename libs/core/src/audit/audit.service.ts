import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Changes to how the engine is set up, as opposed to the work on reports. */
export const CONFIGURATION_ACTIONS = [
  'admin.bootstrap', 'org.import', 'roles.change', 'task.reassign', 'workflow.version',
  'plan.create', 'plan.deadlines', 'plan.launch_requested', 'plan.migration_started', 'plan.migrated',
] as const;

export interface AuditFilter {
  action?: string;
  planId?: string;
  actor?: string;
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
}
