import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FlowProducer } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, PlanEntity } from '@app/dal';
import { UnitKind, WorkflowDefinition } from '@app/domain';
import { JOB_OPTIONS, jobIdOf, JobName, QueueName } from '@app/jobs';
import { JobQueue } from '../queue/job-queue';
import { WorkflowsService } from '../workflows/workflows.service';
import { cutOffOf, planGroups } from './consolidation-plan';

/** Without a cut-off a child waits for its report's approval; BullMQ needs a finite delay. */
const NO_CUT_OFF_MS = 5 * 365 * 86_400_000;

/**
 * One BullMQ flow per consolidating unit: the parent collects, each child stands for one report,
 * delayed until the cut-off and promoted when the report is approved. The parent runs when every
 * child has completed, that is when every report is approved or the cut-off has passed.
 */
@Injectable()
export class ConsolidationFlows {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectFlowProducer(QueueName.Consolidation) private readonly flows: FlowProducer,
    private readonly queue: JobQueue,
    private readonly workflows: WorkflowsService,
  ) {}

  /** A collection row per consolidating unit, with its cut-off; idempotent. */
  private async open(em: EntityManager, plan: PlanEntity, workflow: WorkflowDefinition): Promise<void> {
    const groups = await planGroups(em, plan);
    const stage = workflow.stages.find((s) => s.kind === 'consolidation')?.key ?? 'consolidation';
    const units: { id: string; kind: UnitKind }[] = await em.query(`SELECT id, kind FROM org_units WHERE id = ANY($1::uuid[])`, [[...groups.keys()]]);
    const rootKind = units.find((u) => u.id === plan.rootUnitId)!.kind;
    await em.query(
      `INSERT INTO consolidations (plan_id, unit_id, cut_off_at) SELECT $1, * FROM unnest($2::uuid[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [plan.id, units.map((u) => u.id), units.map((u) => cutOffOf(plan, u.kind, rootKind, stage))],
    );
  }

  /**
   * Records a launched plan's collections if not yet done, then creates the flows of those still
   * open whose parent job Redis lacks: after the launch, and by the reconciler after a Redis loss.
   */
  async ensure(planId: string): Promise<number> {
    const plan = await this.db.getRepository(PlanEntity).findOneBy({ id: planId });
    if (!plan || plan.status === 'draft' || plan.status === 'launching') return 0;
    const recorded = await this.db.query(`SELECT 1 FROM consolidations WHERE plan_id = $1 LIMIT 1`, [planId]);
    if (recorded.length === 0) await inTransaction(this.db, async (em) => this.open(em, plan, await this.workflows.get(plan.workflowKey, plan.workflowVersion, em)));
    const open: { unit_id: string; cut_off_at: Date | null }[] = await this.db.query(
      `SELECT unit_id, cut_off_at FROM consolidations WHERE plan_id = $1 AND status = 'collecting'`,
      [planId],
    );
    const parents = open.map((c) => ({ name: JobName.CollectConsolidation, data: { planId, unitId: c.unit_id } }) as const);
    const missing = new Set((await this.queue.missing(parents)).map((p) => p.data.unitId));
    if (missing.size === 0) return 0;
    const groups = await planGroups(this.db.manager, plan);
    const ready = await this.readyStages(plan);
    for (const collection of open.filter((c) => missing.has(c.unit_id))) {
      const delay = collection.cut_off_at ? Math.max(0, new Date(collection.cut_off_at).getTime() - Date.now()) : NO_CUT_OFF_MS;
      const parent = { name: JobName.CollectConsolidation, data: { planId, unitId: collection.unit_id } } as const;
      await this.flows.add({
        name: parent.name, queueName: QueueName.Consolidation, data: parent.data, opts: { ...JOB_OPTIONS[parent.name], jobId: jobIdOf(parent) },
        children: (groups.get(collection.unit_id) ?? []).map((report) => {
          const child = { name: JobName.ConsolidationChild, data: { planId, unitId: collection.unit_id, reportId: report.reportId } } as const;
          const opts = { ...JOB_OPTIONS[child.name], jobId: jobIdOf(child), ...(ready.has(report.stage) ? {} : { delay }) };
          return { name: child.name, queueName: QueueName.Consolidation, data: child.data, opts };
        }),
      });
    }
    return missing.size;
  }

  /** Reports approved by the committee above: their child jobs run now instead of at the cut-off. */
  async promote(reports: readonly { planId: string; reportId: string }[]): Promise<void> {
    const queue = this.queue.queue(QueueName.Consolidation);
    for (const { planId, reportId } of reports) {
      const job = await queue.getJob(jobIdOf({ name: JobName.ConsolidationChild, data: { planId, unitId: '', reportId } }));
      if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
    }
  }

  /**
   * After the plan's deadlines moved: children still delayed wait for their collection's new cut-off
   * (already stored in PostgreSQL); one now in the past runs at once.
   */
  async reschedule(planId: string): Promise<number> {
    const plan = await this.db.getRepository(PlanEntity).findOneBy({ id: planId });
    if (!plan) return 0;
    const open: { unit_id: string; cut_off_at: Date | null }[] = await this.db.query(
      `SELECT unit_id, cut_off_at FROM consolidations WHERE plan_id = $1 AND status = 'collecting'`,
      [planId],
    );
    const groups = await planGroups(this.db.manager, plan);
    const queue = this.queue.queue(QueueName.Consolidation);
    let moved = 0;
    for (const collection of open) {
      const delay = collection.cut_off_at ? Math.max(0, new Date(collection.cut_off_at).getTime() - Date.now()) : NO_CUT_OFF_MS;
      for (const report of groups.get(collection.unit_id) ?? []) {
        const job = await queue.getJob(jobIdOf({ name: JobName.ConsolidationChild, data: { planId, unitId: collection.unit_id, reportId: report.reportId } }));
        if (!job || !(await job.isDelayed())) continue;
        await (delay === 0 ? job.promote() : job.changeDelay(delay)).catch(() => undefined);
        moved++;
      }
    }
    return moved;
  }

  /** Stages at or after consolidation: a report there counts as approved for its collection. */
  async readyStages(plan: PlanEntity): Promise<Set<string>> {
    const { stages } = await this.workflows.get(plan.workflowKey, plan.workflowVersion);
    const from = stages.findIndex((s) => s.kind === 'consolidation');
    return new Set([...(from < 0 ? [] : stages.slice(from).map((s) => s.key)), 'done']);
  }
}
