import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  anyPlanLaunched,
  appendAuditEvents,
  appendOutbox,
  cancelOpenTasksOfFormerRoleHolder,
  insertTaskForNewRoleHolder,
  markReportAssigned,
  markReportsNeedingDecision,
  NewAuditEvent,
  reportsTouchedByRoleAtUnit,
} from '@app/dal';
import { randomUUID } from 'node:crypto';
import { findStage, Role, scopeUnitId } from '@app/domain';
import { JobName } from '@app/jobs';
import { ConsolidationCompletion } from '../consolidation/consolidation-completion.service';
import { RootApproval } from '../consolidation/root-approval.service';
import { noticeOfNewTasks } from '../notifications/task-notices';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { CancelledPlanTask, PlanLevelApprovers } from './plan-level-approvers';

export interface RoleChange {
  userId: string;
  unitId: string;
  role: Role;
  change: 'added' | 'removed';
}

export interface SyncOutcome {
  createdTaskIds: string[];
  /** Reports whose stage must be decided again, with the round it was in. */
  redecide: { reportId: string; round: number }[];
  /** Outbox rows of the re-decision jobs, relayed after the commit. */
  outbox: string[];
}

type SyncActor = { id: string | null; username: string };

/**
 * Keeps running stages in step with who holds which role: a new holder of a stage's role at its
 * scope unit gets a task, a former holder's open task is cancelled, and the stage is marked to be
 * decided again (votes already cast count). The plan-level stages at a plan's root (the working
 * group's consolidation, the Standing Committee's approval) follow in the same transaction.
 * Runs in the caller's transaction.
 */
@Injectable()
export class ApproverSync {
  /** The plan-level stages at a plan's root (their module depends on nothing of org: no cycle). */
  private readonly planLevel: PlanLevelApprovers;

  constructor(
    private readonly workflows: WorkflowsService,
    private readonly outbox: OutboxRelay,
    private readonly reminders: ReminderScheduler,
    stageEntry: StageEntryService,
    rootApproval: RootApproval,
    consolidation: ConsolidationCompletion,
  ) {
    this.planLevel = new PlanLevelApprovers({ workflows, stageEntry, rootApproval, consolidation });
  }

  /** After the change commits: decide the touched stages again, remind the new task holders. */
  async afterCommit(outcome: SyncOutcome): Promise<void> {
    await this.outbox.relaySoon(outcome.outbox);
    // Redis away: both are recorded in PostgreSQL (needs_decision, open tasks) and the reconciler picks them up.
    await this.reminders.schedule(outcome.createdTaskIds).catch(() => 0);
  }

  async sync(em: EntityManager, changes: readonly RoleChange[], actor: SyncActor): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { createdTaskIds: [], redecide: [], outbox: [] };
    const running = await anyPlanLaunched(em);
    if (!running || changes.length === 0) return outcome;
    const relevant = changes.filter((c) => c.role !== 'admin');
    const rootPlans = await PlanLevelApprovers.lockPlans(
      em,
      relevant.map((c) => c.unitId),
    );
    const events: NewAuditEvent[] = [];
    const cancelledPlanTasks = new Map<string, CancelledPlanTask[]>();
    for (const change of relevant) {
      if (change.change === 'removed') await this.cancelTasksOf(em, change, outcome, events, actor, cancelledPlanTasks);
      else await this.giveTasksTo(em, change, outcome, events, actor);
    }
    await appendAuditEvents(em, events);
    // New holders of report stages hear of their tasks; the plan-level ones below are told where they are created.
    await noticeOfNewTasks(em, outcome.createdTaskIds);
    for (const plan of rootPlans) {
      const atRoot = relevant.filter((c) => c.unitId === plan.rootUnitId);
      outcome.createdTaskIds.push(...(await this.planLevel.sync(em, plan, atRoot, cancelledPlanTasks.get(plan.id) ?? [], actor)));
    }
    const reportIds = [...new Set(outcome.redecide.map((r) => r.reportId))];
    if (reportIds.length) await markReportsNeedingDecision(em, reportIds);
    const cause = randomUUID();
    outcome.outbox = await appendOutbox(
      em,
      outcome.redecide.map((r) => ({ name: JobName.ReevaluateStage, data: { ...r, cause } })),
    );
    return outcome;
  }

  private async cancelTasksOf(
    em: EntityManager,
    change: RoleChange,
    outcome: SyncOutcome,
    events: NewAuditEvent[],
    actor: SyncActor,
    cancelledPlanTasks: Map<string, CancelledPlanTask[]>,
  ) {
    const cancelled = await cancelOpenTasksOfFormerRoleHolder(em, change.userId, change.unitId, change.role);
    for (const task of cancelled) {
      if (task.report_id) outcome.redecide.push({ reportId: task.report_id, round: task.round });
      else cancelledPlanTasks.set(task.plan_id, [...(cancelledPlanTasks.get(task.plan_id) ?? []), { stage: task.stage, round: task.round }]);
      events.push({
        actorId: actor.id,
        actor: actor.username,
        action: 'assignment',
        planId: task.plan_id,
        reportId: task.report_id,
        taskId: task.id,
        fromStage: task.stage,
        comment: 'Hủy nhiệm vụ do người thực hiện không còn giữ vai trò',
        data: { removed: change.userId, role: change.role },
      });
    }
  }

  private async giveTasksTo(em: EntityManager, change: RoleChange, outcome: SyncOutcome, events: NewAuditEvent[], actor: SyncActor) {
    const candidates = await reportsTouchedByRoleAtUnit(em, change.unitId);
    for (const report of candidates) {
      const stage = findStage(await this.workflows.get(report.workflow_key, report.workflow_version, em), report.stage);
      if (!stage || stage.kind === 'consolidation' || stage.role !== change.role) continue;
      const scope = scopeUnitId(stage.scope, { unitId: report.unit_id, parentId: report.parent_id, rootId: report.root_unit_id });
      if (scope !== change.unitId) continue;
      const taskId = await insertTaskForNewRoleHolder(em, {
        planId: report.plan_id,
        reportId: report.id,
        unitId: report.unit_id,
        scopeUnitId: scope,
        round: report.round,
        assigneeId: change.userId,
        dueAt: report.due_at,
        stage: stage.key,
        kind: stage.kind,
        role: stage.role,
      });
      if (!taskId) continue;
      await markReportAssigned(em, report.id);
      outcome.createdTaskIds.push(taskId);
      outcome.redecide.push({ reportId: report.id, round: report.round });
      events.push({
        actorId: actor.id,
        actor: actor.username,
        action: 'assignment',
        planId: report.plan_id,
        reportId: report.id,
        taskId,
        fromStage: stage.key,
        comment: 'Giao nhiệm vụ cho người mới giữ vai trò',
        data: { added: change.userId, role: change.role },
      });
    }
  }
}
