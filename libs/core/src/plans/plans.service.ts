import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  appendOutbox,
  findPlanRootUnitIdByCode,
  inTransaction,
  lockPlanDeadlines,
  markPlanLaunching,
  planCodeExists,
  PlanEntity,
  updatePlanDeadlines,
} from '@app/dal';
import {
  approvalRuleProblem,
  COLLECTION_CUT_OFF_KEY,
  conflict,
  DEFAULT_OUTLINE,
  DEFAULT_WORKFLOW_KEY,
  defaultIndicatorKeys,
  DONE_STAGE,
  invalid,
  isOffsetDateTime,
  notFound,
  outlineProblems,
  PlanDeadlines,
  rootApprovalRuleOf,
  WorkflowDefinition,
} from '@app/domain';
import { JobName } from '@app/jobs';
import { Actor } from '../common/actor';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { Clock } from '../common/clock';
import { reviewDeadlines } from './deadline-policy';
import { DueDates } from './due-dates.service';
import { NewPlan } from './new-plan';

/** Plans: creation, deadlines, and the request to launch (the launch itself runs in the worker). */
@Injectable()
export class PlansService {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly outbox: OutboxRelay,
    private readonly dueDates: DueDates,
    private readonly reminders: ReminderScheduler,
    private readonly clock: Clock,
  ) {}

  async create(input: NewPlan, actor: Actor): Promise<PlanEntity> {
    const rootUnitId = await findPlanRootUnitIdByCode(this.db, input.rootUnit);
    if (!rootUnitId) throw invalid(`rootUnit: no unit has code ${input.rootUnit}`);
    const workflow = await this.workflows.get(input.workflow ?? DEFAULT_WORKFLOW_KEY).catch(() => {
      throw invalid(`workflow: no workflow has key ${input.workflow}`);
    });
    assertDeadlinesFit(input.deadlines, workflow);
    // The đề cương's parts I-V unless the plan brings its own; items without `takes` keep the five parts.
    const outline = input.outline ?? DEFAULT_OUTLINE.map((item) => ({ ...item }));
    const outlineProblem = outlineProblems(outline)[0];
    if (outlineProblem) throw invalid(outlineProblem);
    // The whole appendix of the term unless the plan names its figures.
    const indicators = input.indicators ?? defaultIndicatorKeys(input.term);
    const repeated = indicators.find((key, i) => indicators.indexOf(key) !== i);
    if (repeated) throw invalid(`indicators: ${repeated} appears twice`);
    // Checked again here (the DTO checks it too) for callers other than the HTTP API.
    const ruleProblem = input.rootApproval == null ? null : approvalRuleProblem('rootApproval', input.rootApproval);
    if (ruleProblem) throw invalid(ruleProblem);
    const consolidateAt = [...new Set(['bloc' as const, ...(input.consolidateAt ?? [])])];
    const confirmedDeadlines = await reviewDeadlines(this.db.manager, {
      deadlines: input.deadlines,
      workflow,
      rootUnitId,
      consolidateAt,
      now: this.clock.now(),
      refusePast: true,
      confirmed: input.confirmDeadlines === true,
    });
    return inTransaction(this.db, async (em) => {
      if (await planCodeExists(em, input.code)) throw conflict(`A plan with code ${input.code} already exists`);
      const plan = await em.getRepository(PlanEntity).save(
        em.getRepository(PlanEntity).create({
          code: input.code,
          title: input.title,
          issuedOn: input.issuedOn,
          term: input.term,
          basis: input.basis,
          rootUnitId,
          workflowKey: workflow.key,
          workflowVersion: workflow.version,
          outline,
          indicatorNames: indicators,
          deadlines: input.deadlines,
          reminders: input.reminders,
          consolidateAt,
          // Stored as given: no rule chosen stays NULL, read back as the default (majority).
          rootApproval: input.rootApproval ?? undefined,
          recipients: input.recipients ?? null,
          status: 'draft',
          consolidationRound: 0,
          createdBy: actor.id,
          version: 1,
        }),
      );
      plan.rootApproval = rootApprovalRuleOf(plan.rootApproval);
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'plan.create',
          planId: plan.id,
          data: {
            code: plan.code,
            rootApproval: plan.rootApproval,
            rootApprovalChosen: Boolean(input.rootApproval),
            ...(confirmedDeadlines.length ? { deadlinesConfirmed: confirmedDeadlines.map((p) => p.field) } : {}),
          },
        },
      ]);
      return plan;
    });
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<PlanEntity> {
    const plan = await em.getRepository(PlanEntity).findOneBy({ id });
    if (!plan) throw notFound('Plan', id);
    return plan;
  }

  /**
   * Replaces the deadlines, moves the due date of every report and open task to match, and
   * reschedules their reminders: jobs of the old due dates are removed (and would find the due date
   * changed if they ran), reminders now in the past fire at once. Deadlines out of order need
   * `confirmed`, as at creation; passed ones do not (a running plan keeps the dates it had).
   */
  async updateDeadlines(id: string, deadlines: PlanDeadlines, actor: Actor, confirmed = false): Promise<PlanEntity> {
    const plan = await this.get(id);
    const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion);
    assertDeadlinesFit(deadlines, workflow);
    const confirmedDeadlines = await reviewDeadlines(this.db.manager, {
      deadlines,
      workflow,
      rootUnitId: plan.rootUnitId,
      consolidateAt: plan.consolidateAt,
      now: this.clock.now(),
      refusePast: false,
      confirmed,
    });
    const outbox: string[] = [];
    const moved = await inTransaction(this.db, async (em) => {
      // Read under the lock: "before" is what this edit replaced, even when two edits race.
      const before = await lockPlanDeadlines(em, id);
      await updatePlanDeadlines(em, id, deadlines);
      const moved = await this.dueDates.recompute(em, { ...plan, deadlines });
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'plan.deadlines',
          planId: id,
          data: {
            before,
            after: deadlines,
            tasksMoved: moved.length,
            ...(confirmedDeadlines.length ? { deadlinesConfirmed: confirmedDeadlines.map((p) => p.field) } : {}),
          },
        },
      ]);
      outbox.push(...(await appendOutbox(em, [{ name: JobName.RescheduleConsolidation, data: { planId: id, cause: randomUUID() } }])));
      return moved;
    });
    // Redis away: the due dates are committed, the old jobs find them changed and do nothing, and
    // the reminder reconciler schedules the new ones from PostgreSQL within a few minutes.
    await this.reminders
      .unschedule(moved)
      .catch((error) => this.logger.warn(`Old reminders of plan ${id} not removed (${errorText(error)}); they will find the due date changed`));
    await this.reminders
      .schedule(moved.map((t) => t.taskId))
      .catch((error) => this.logger.warn(`Reminders of plan ${id} not rescheduled (${errorText(error)}); the reconciler will`));
    await this.outbox.relaySoon(outbox);
    return this.get(id);
  }

  /** Records the launch and queues it (LaunchedReports waits for the worker to apply it). */
  async requestLaunch(id: string, actor: Actor): Promise<void> {
    const outbox = await inTransaction(this.db, async (em) => {
      const plan = await em.getRepository(PlanEntity).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
      if (!plan) throw notFound('Plan', id);
      if (plan.status !== 'draft') throw conflict(`Plan is ${plan.status}; only a draft plan can be launched`);
      // A plan runs on the workflow version current when it launches; its reports keep it until migrated.
      const current = await this.workflows.get(plan.workflowKey, undefined, em);
      await markPlanLaunching(em, id, current.version);
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'plan.launch_requested', planId: id, data: { workflowVersion: current.version } },
      ]);
      return appendOutbox(em, [{ name: JobName.LaunchPlan, data: { planId: id } }]);
    });
    await this.outbox.relaySoon(outbox);
  }
}

/**
 * Deadlines may only name unit kinds (checked by the DTO) and stages of the plan's workflow, and
 * only real instants: checked again here for callers other than the HTTP API.
 */
export function assertDeadlinesFit(deadlines: PlanDeadlines, workflow: WorkflowDefinition): void {
  const known = new Set([...workflow.stages.map((s) => s.key), COLLECTION_CUT_OFF_KEY]);
  const unknown = Object.entries(deadlines).flatMap(([kind, stages]) =>
    Object.keys(stages ?? {})
      .filter((key) => !known.has(key) || key === DONE_STAGE)
      .map((key) => `${kind}.${key}`),
  );
  if (unknown.length) throw invalid(`deadlines: unknown stages ${unknown.join(', ')} for workflow ${workflow.key} v${workflow.version}`);
  const bad = Object.entries(deadlines).flatMap(([kind, stages]) =>
    Object.entries(stages ?? {})
      .filter(([, value]) => !isOffsetDateTime(value))
      .map(([key]) => `${kind}.${key}`),
  );
  if (bad.length) throw invalid(`deadlines: not real ISO 8601 date-times with offset: ${bad.join(', ')}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
