import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  appendOutbox,
  bumpReportVersion,
  completeDraftingTaskWithSubmit,
  inTransaction,
  insertReportSnapshot,
  lockOpenDraftingTaskOf,
  PlanEntity,
  ReportRow,
} from '@app/dal';
import { conflict, missingSections, refused } from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { openCollectionBelowRoot, readyStagesOf } from '../consolidation/consolidation-plan';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { WorkflowsService } from '../workflows/workflows.service';
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
      const task = await lockOpenDraftingTaskOf(em, { reportId, stage: row.stage, round: row.round }, actor.id);
      if (!task) throw conflict('You hold no open drafting task for this report');
      await completeDraftingTaskWithSubmit(em, task.id);
      // An edit read before this commit must not land after it: the snapshot below is what was submitted.
      await bumpReportVersion(em, reportId);
      const seq = await insertReportSnapshot(em, {
        reportId,
        round: row.round,
        sectionsJson: JSON.stringify(row.sections),
        indicatorsJson: JSON.stringify(row.indicators),
        submittedBy: actor.id,
      });
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'submit',
          planId: row.plan_id,
          reportId,
          taskId: task.id,
          fromStage: row.stage,
          data: { snapshot: seq },
        },
      ]);
      const job = { name: JobName.ApplyDecision, data: { taskId: task.id } } as const;
      const outbox = await appendOutbox(em, [job]);
      return { reportId, taskId: task.id, snapshot: seq, outbox, job };
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
