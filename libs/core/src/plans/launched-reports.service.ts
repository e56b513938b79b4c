import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findPlanStatus, listLaunchedReports } from '@app/dal';

export interface LaunchedTask {
  id: string;
  assignee: string;
  kind: string;
  state: string;
  dueAt: Date | null;
}

export interface LaunchedReport {
  id: string;
  unitId: string;
  unitCode: string;
  stage: string;
  workflowVersion: number;
  dueAt: Date | null;
  tasks: LaunchedTask[];
}

export interface LaunchAnswer {
  /** `launched` once the worker created the reports; `launching` if it had not within the wait. */
  status: 'launched' | 'launching';
  reports: LaunchedReport[];
  message?: string;
}

/** How long POST /launch waits for the worker; a Bloc of 10,000 units launches in under 2 s here. */
export const LAUNCH_WAIT_MS = 30_000;
const POLL_MS = 50;

/**
 * The answer to a launch: the reports the worker created, each in its first stage with its tasks.
 * The launch itself stays a queued job (the worker creates 10,000 reports in one transaction); the
 * request waits for it, reading PostgreSQL, so the caller gets the reports the contract promises.
 */
@Injectable()
export class LaunchedReports {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async waitFor(planId: string, waitMs = LAUNCH_WAIT_MS): Promise<LaunchAnswer> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const status = await findPlanStatus(this.db, planId);
      if (status !== undefined && status !== 'launching') return { status: 'launched', reports: await this.read(planId) };
      if (Date.now() >= deadline) {
        return {
          status: 'launching',
          reports: [],
          message: 'The launch is queued and no worker has applied it yet; GET /api/reports?planId= lists the reports once it has',
        };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async read(planId: string): Promise<LaunchedReport[]> {
    const rows = await listLaunchedReports(this.db, planId);
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitCode: r.code,
      stage: r.stage,
      workflowVersion: r.workflow_version,
      dueAt: r.due_at,
      // json_agg gives the task's due date as text; the API's JSON writes Dates in Hà Nội time.
      tasks: (r.tasks ?? []).map((t) => ({ ...t, dueAt: t.dueAt ? new Date(t.dueAt) : null })),
    }));
  }
}
