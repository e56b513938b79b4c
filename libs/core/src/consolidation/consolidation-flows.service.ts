import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FlowProducer, Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import {
  collectionsRecorded,
  insertCollections,
  inTransaction,
  kindsOfUnits,
  OpenCollection,
  openCollectionsOf,
  PlanEntity,
  reportOfTask,
  reportsNowAtStages,
  stageOfReport,
} from '@app/dal';
import { WorkflowDefinition } from '@app/domain';
import { JOB_OPTIONS, jobIdOf, JobName, QueueName, reportOfConsolidationChild } from '@app/jobs';
import { JobQueue } from '../queue/job-queue';
import { WorkflowsService } from '../workflows/workflows.service';
import { cutOffOf, GroupReport, planGroups, readyStagesOf } from './consolidation-plan';
import { Clock } from '../common/clock';

/** Without a cut-off a child waits for its report's approval; BullMQ needs a finite delay. */
const NO_CUT_OFF_MS = 5 * 365 * 86_400_000;
/** Children added to a flow per Redis round trip. */
const CHILDREN_PER_BATCH = 500;

/**
 * One BullMQ flow per consolidating unit: the parent collects, each child stands for one report,
 * delayed until the cut-off and promoted when the report is approved. The parent runs when every
 * child has completed, that is when every report is approved or the cut-off has passed.
 */
@Injectable()
export class ConsolidationFlows {
  private readonly logger = new Logger(ConsolidationFlows.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectFlowProducer(QueueName.Consolidation) private readonly flows: FlowProducer,
    private readonly queue: JobQueue,
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  /** A collection row per consolidating unit, with its cut-off; idempotent. */
  private async open(em: EntityManager, plan: PlanEntity, workflow: WorkflowDefinition): Promise<void> {
    const groups = await planGroups(em, plan);
    const stage = workflow.stages.find((s) => s.kind === 'consolidation')?.key ?? 'consolidation';
    const units = await kindsOfUnits(em, [...groups.keys()]);
    const rootKind = units.find((u) => u.id === plan.rootUnitId)!.kind;
    await insertCollections(
      em,
      plan.id,
      units.map((u) => ({ unitId: u.id, cutOffAt: cutOffOf(plan, u.kind, rootKind, stage) })),
    );
  }

  /**
   * Records a launched plan's collections if not yet done, then makes sure each one still open has
   * its flow in Redis: after the launch, and from the reconciler after a Redis loss or a crash while
   * a flow was being built. Returns how many flows it created or completed.
   */
  async ensure(planId: string): Promise<number> {
    const plan = await this.db.getRepository(PlanEntity).findOneBy({ id: planId });
    if (!plan || plan.status === 'draft' || plan.status === 'launching') return 0;
    if (!(await collectionsRecorded(this.db, planId)))
      await inTransaction(this.db, async (em) => this.open(em, plan, await this.workflows.get(plan.workflowKey, plan.workflowVersion, em)));
    const open = await openCollectionsOf(this.db, planId);
    if (open.length === 0) return 0;
    const groups = await planGroups(this.db.manager, plan);
    const ready = await this.readyStages(plan);
    let built = 0;
    for (const collection of open) {
      const reports = [...(groups.get(collection.unit_id) ?? [])].sort((a, b) => a.reportId.localeCompare(b.reportId));
      if (await this.ensureFlow(planId, collection, reports, ready)) built++;
    }
    return built;
  }

  /**
   * A collection's flow, built in batches: one flow call with ten thousand children held them all in
   * memory at once (+130 MB in the worker; bench \`bloc\`). The parent is created with a single
   * child, the gate, delayed for as long as BullMQ allows, so the parent cannot run before every
   * child exists; the others are then added in batches under it; the gate is released last (run
   * now if its report is approved, else delayed to the cut-off like the rest). Each step is
   * idempotent (deterministic job ids), so a crash half-way is completed by the next call.
   */
  private async ensureFlow(planId: string, collection: OpenCollection, reports: GroupReport[], ready: Set<string>): Promise<boolean> {
    const queue = this.queue.queue(QueueName.Consolidation);
    const parent = { name: JobName.CollectConsolidation, data: { planId, unitId: collection.unit_id } } as const;
    const parentId = jobIdOf(parent);
    const existing = await queue.getJob(parentId);
    if (existing) {
      if ((await existing.getState()) !== 'waiting-children') return false;
      const counts = await existing.getDependenciesCount();
      const known = (counts.processed ?? 0) + (counts.unprocessed ?? 0) + (counts.failed ?? 0) + (counts.ignored ?? 0);
      if (known >= reports.length) {
        await this.releaseGate(planId, collection, reports, ready);
        return (await this.repairPromotions(planId, existing, reports, ready)) > 0;
      }
    }
    const delay = collection.cut_off_at ? Math.max(0, new Date(collection.cut_off_at).getTime() - this.clock.now().getTime()) : NO_CUT_OFF_MS;
    const childOf = (report: GroupReport, childDelay: number | undefined) => {
      const child = { name: JobName.ConsolidationChild, data: { planId, unitId: collection.unit_id, reportId: report.reportId } } as const;
      return {
        name: child.name,
        data: child.data,
        opts: { ...JOB_OPTIONS[child.name], jobId: jobIdOf(child), ...(childDelay === undefined ? {} : { delay: childDelay }) },
      };
    };
    if (!existing) {
      const gate = reports.length ? [{ ...childOf(reports[0], NO_CUT_OFF_MS), queueName: QueueName.Consolidation }] : [];
      await this.flows.add({
        name: parent.name,
        queueName: QueueName.Consolidation,
        data: parent.data,
        opts: { ...JOB_OPTIONS[parent.name], jobId: parentId },
        children: gate,
      });
    }
    const under = { id: parentId, queue: queue.qualifiedName };
    for (let start = 1; start < reports.length; start += CHILDREN_PER_BATCH) {
      const batch = reports.slice(start, start + CHILDREN_PER_BATCH).map((r) => childOf(r, ready.has(r.stage) ? undefined : delay));
      await queue.addBulk(batch.map((c) => ({ ...c, opts: { ...c.opts, parent: under } })));
    }
    // Reports approved while the batches went in were added as delayed: they run now.
    const approvedMeanwhile = await reportsNowAtStages(
      this.db,
      reports.filter((r) => !ready.has(r.stage)).map((r) => r.reportId),
      [...ready],
    );
    await this.promote(approvedMeanwhile.map((reportId) => ({ planId, reportId })));
    await this.releaseGate(planId, collection, reports, ready);
    return true;
  }

  /** The gate child waits like any other once its siblings exist: at once if approved, else until the cut-off. */
  private async releaseGate(planId: string, collection: OpenCollection, reports: GroupReport[], ready: Set<string>): Promise<void> {
    if (reports.length === 0) return;
    const gate = await this.queue
      .queue(QueueName.Consolidation)
      .getJob(jobIdOf({ name: JobName.ConsolidationChild, data: { planId, unitId: collection.unit_id, reportId: reports[0].reportId } }));
    // A gate already released waits for the cut-off or its report's approval, like its siblings.
    if (!gate || gate.delay < NO_CUT_OFF_MS || !(await gate.isDelayed())) return;
    const delay = collection.cut_off_at ? Math.max(0, new Date(collection.cut_off_at).getTime() - this.clock.now().getTime()) : NO_CUT_OFF_MS;
    const firstStage = await stageOfReport(this.db, reports[0].reportId);
    const failed = (what: string) => (error: Error) => this.logger.warn(`Could not ${what} the gate child ${gate.id}: ${error.message}`);
    if ((firstStage !== null && ready.has(firstStage)) || delay === 0) await gate.promote().catch(failed('promote'));
    else if (delay < NO_CUT_OFF_MS) await gate.changeDelay(delay).catch(failed('delay'));
  }

  /**
   * A report's promotion runs after its transition has committed; a worker that died in between
   * left the child delayed until the cut-off although the report is approved. The children still
   * unprocessed under the parent are read from Redis page by page, and those whose report is at or
   * past consolidation in PostgreSQL run now. Returns how many it promoted.
   */
  private async repairPromotions(planId: string, parent: Job, reports: GroupReport[], ready: Set<string>): Promise<number> {
    const approved = new Set(reports.filter((r) => ready.has(r.stage)).map((r) => r.reportId));
    if (approved.size === 0) return 0;
    const lost: { planId: string; reportId: string }[] = [];
    let cursor = 0;
    do {
      const page = await parent.getDependencies({ unprocessed: { cursor, count: CHILDREN_PER_BATCH } });
      for (const key of page.unprocessed ?? []) {
        const jobId = key.slice(key.lastIndexOf(':') + 1);
        const reportId = reportOfConsolidationChild(planId, jobId);
        if (reportId && approved.has(reportId)) lost.push({ planId, reportId });
      }
      cursor = page.nextUnprocessedCursor ?? 0;
    } while (cursor !== 0);
    const promoted = await this.promote(lost);
    if (promoted) this.logger.warn(`Promoted ${promoted} consolidation child job(s) of plan ${planId} whose approval had not reached Redis`);
    return promoted;
  }

  /** Reports approved by the committee above: their child jobs run now instead of at the cut-off. Returns how many it promoted. */
  async promote(reports: readonly { planId: string; reportId: string }[]): Promise<number> {
    const queue = this.queue.queue(QueueName.Consolidation);
    let promoted = 0;
    for (const { planId, reportId } of reports) {
      const job = await queue.getJob(jobIdOf({ name: JobName.ConsolidationChild, data: { planId, unitId: '', reportId } }));
      if (!job || !(await job.isDelayed())) continue;
      // A job promoted meanwhile by another worker is not delayed any more: nothing lost. Anything else is logged.
      const done = await job.promote().then(
        () => true,
        async (error: Error) => {
          if (!(await job.isDelayed())) return false;
          this.logger.error(`Could not promote consolidation child ${job.id}: ${error.message}`);
          return false;
        },
      );
      if (done) promoted++;
    }
    return promoted;
  }

  /**
   * The decision of `taskId` was applied by an earlier run of its job, which may have died before
   * promoting: the child of its report runs now if the report is at or after consolidation.
   * Idempotent: a child already promoted or completed is left alone.
   */
  async promoteAfterDecision(taskId: string): Promise<number> {
    const row = await reportOfTask(this.db, taskId);
    if (!row) return 0;
    const plan = await this.db.getRepository(PlanEntity).findOneByOrFail({ id: row.plan_id });
    return (await this.readyStages(plan)).has(row.stage) ? this.promote([{ planId: row.plan_id, reportId: row.id }]) : 0;
  }

  /**
   * After the plan's deadlines moved: children still delayed wait for their collection's new cut-off
   * (already stored in PostgreSQL); one now in the past runs at once.
   */
  async reschedule(planId: string): Promise<number> {
    const plan = await this.db.getRepository(PlanEntity).findOneBy({ id: planId });
    if (!plan) return 0;
    const open = await openCollectionsOf(this.db, planId);
    const groups = await planGroups(this.db.manager, plan);
    const queue = this.queue.queue(QueueName.Consolidation);
    let moved = 0;
    for (const collection of open) {
      const delay = collection.cut_off_at ? Math.max(0, new Date(collection.cut_off_at).getTime() - this.clock.now().getTime()) : NO_CUT_OFF_MS;
      for (const report of groups.get(collection.unit_id) ?? []) {
        const job = await queue.getJob(jobIdOf({ name: JobName.ConsolidationChild, data: { planId, unitId: collection.unit_id, reportId: report.reportId } }));
        if (!job || !(await job.isDelayed())) continue;
        await (delay === 0 ? job.promote() : job.changeDelay(delay)).catch((error: Error) =>
          this.logger.warn(`Could not reschedule ${job.id}: ${error.message}`),
        );
        moved++;
      }
    }
    return moved;
  }

  /** Stages at or after consolidation: a report there counts as approved for its collection. */
  async readyStages(plan: PlanEntity): Promise<Set<string>> {
    return readyStagesOf(await this.workflows.get(plan.workflowKey, plan.workflowVersion));
  }
}
