import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, appendOutbox, inTransaction, PlanEntity } from '@app/dal';
import { conflict, missingSections, refused } from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { openCollectionBelowRoot, readyStagesOf } from '../consolidation/consolidation-plan';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { ReportRow } from './report-view';
import { ReportsService } from './reports.service';

/** Units listed by code in the refusal of a consolidating unit's submit; the count tells the rest. */
const WAITING_SHOWN = 100;

/**
 * Submitting a draft: checks the required sections, keeps a snapshot of the content, records the
 * decision on the drafter's task, then queues it; the worker moves the report.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly outbox: OutboxRelay,
    private readonly workflows: WorkflowsService,
  ) {}

  async submit(reportId: string, actor: Actor): Promise<{ reportId: string; taskId: string; snapshot: number }> {
    const result = await inTransaction(this.db, async (em) => {
      const row = await this.reports.load(reportId, em, true);
      await this.reports.assertDrafterInDrafting(em, row, actor);
      await this.assertOwnCollectionComplete(em, row);
      const missing = missingSections(row.outline, row.sections);
      if (missing.length) throw refused(`Required sections are incomplete: ${missing.join(', ')}`, { missing });
      const [task] = await em.query(
        `SELECT id FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND assignee_id = $4 AND state = 'open' FOR NO KEY UPDATE`,
        [reportId, row.stage, row.round, actor.id],
      );
      if (!task) throw conflict('You hold no open drafting task for this report');
      await em.query(
        `UPDATE tasks SET state = 'completed', decision = 'submit', completed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`,
        [task.id],
      );
      const [snapshot] = await em.query(
        `INSERT INTO report_snapshots (report_id, seq, round, sections, indicators, submitted_by)
         SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5 FROM report_snapshots WHERE report_id = $1 RETURNING seq`,
        [reportId, row.round, JSON.stringify(row.sections), JSON.stringify(row.indicators), actor.id],
      );
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'submit',
          planId: row.plan_id,
          reportId,
          taskId: task.id,
          fromStage: row.stage,
          data: { snapshot: snapshot.seq },
        },
      ]);
      const job = { name: JobName.ApplyDecision, data: { taskId: task.id as string } } as const;
      const outbox = await appendOutbox(em, [job]);
      return { reportId, taskId: task.id as string, snapshot: snapshot.seq as number, outbox, job };
    });
    await this.outbox.relaySoon(result.outbox, [result.job]);
    return { reportId: result.reportId, taskId: result.taskId, snapshot: result.snapshot };
  }

  /**
   * A unit that consolidates the reports below it sends its own report up only once its collection
   * is complete (every report below approved, or its cut-off passed): the report starts from the
   * collection, and submitted earlier the figures below it would never reach the root.
   */
  private async assertOwnCollectionComplete(em: EntityManager, row: ReportRow): Promise<void> {
    const plan = await em.getRepository(PlanEntity).findOneByOrFail({ id: row.plan_id });
    const open = await openCollectionBelowRoot(em, plan, row.unit_id, readyStagesOf(await this.workflows.get(plan.workflowKey, plan.workflowVersion, em)));
    if (!open) return;
    const shown = open.waitingFor.slice(0, WAITING_SHOWN);
    throw refused(
      `${row.unit_code} consolidates the reports below it: its report can be submitted once its collection is complete ` +
        `(${open.waitingFor.length} report(s) not yet approved${open.cutOffAt ? `, cut-off ${open.cutOffAt.toISOString()}` : ''})`,
      { waitingFor: shown, waitingForCount: open.waitingFor.length },
    );
  }
}
