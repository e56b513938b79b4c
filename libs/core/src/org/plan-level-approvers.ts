import { EntityManager, In, IsNull } from 'typeorm';
import { appendAuditEvents, joinOpenPlanStageRound, latestDueAtOfReportsAtStage, NewAuditEvent, PlanEntity, planRootUnitKind, TaskEntity } from '@app/dal';
import { consolidationState, dueAtFor, PlanStagesInput, roleName, ROOT_APPROVAL_STAGE, rootApprovalState, StageDefinition } from '@app/domain';
import type { ConsolidationCompletion } from '../consolidation/consolidation-completion.service';
import type { RootApproval } from '../consolidation/root-approval.service';
import { TransitionResult } from '../common/transition-result';
import { noticeOfNewTasks } from '../notifications/task-notices';
import { readPlanStages } from '../plans/plan-stages';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';

/** A role gained or lost at a plan's root. */
export interface RootRoleChange {
  userId: string;
  role: string;
  change: 'added' | 'removed';
}

/** A plan-level task a role change has just cancelled. */
export interface CancelledPlanTask {
  stage: string;
  round: number;
}

export interface PlanLevelDeps {
  workflows: WorkflowsService;
  stageEntry: StageEntryService;
  rootApproval: RootApproval;
  consolidation: ConsolidationCompletion;
}

type Actor = { id: string | null; username: string };

/**
 * Keeps a plan's two plan-level stages in step with who holds their role at its root: the working
 * group's consolidation round (role of the workflow's consolidation stage) and the Standing
 * Committee's approval (reviewers). Where the stages stand is read from PostgreSQL by the same rule
 * the plan's progress shows, so whatever progress calls unassigned a new holder unblocks.
 */
export class PlanLevelApprovers {
  constructor(private readonly deps: PlanLevelDeps) {}

  /**
   * The launched plans rooted where a role changed, locked before their tasks are touched: the
   * worker deciding a plan-level task locks the plan first too, so neither waits on the other's rows.
   */
  static async lockPlans(em: EntityManager, rootIds: readonly string[]): Promise<PlanEntity[]> {
    if (rootIds.length === 0) return [];
    return em.getRepository(PlanEntity).find({
      where: { status: 'launched', rootUnitId: In([...new Set(rootIds)]) },
      order: { id: 'ASC' },
      lock: { mode: 'for_no_key_update' },
    });
  }

  /** Runs after the report-level sync, in its transaction; returns the tasks created. */
  async sync(
    em: EntityManager,
    plan: PlanEntity,
    changes: readonly RootRoleChange[],
    cancelled: readonly CancelledPlanTask[],
    actor: Actor,
  ): Promise<string[]> {
    const workflow = await this.deps.workflows.get(plan.workflowKey, plan.workflowVersion, em);
    const stage = workflow.stages.find((s) => s.kind === 'consolidation');
    if (!stage) return [];
    const created: string[] = [];
    const events: NewAuditEvent[] = [];
    if (changes.some((c) => c.role === stage.role)) {
      created.push(...(await this.syncConsolidation(em, plan, stage, changes, cancelled, actor, events)));
    }
    if (changes.some((c) => c.role === 'reviewer')) {
      created.push(...(await this.syncRootApproval(em, plan, changes, cancelled, actor, events)));
    }
    await appendAuditEvents(em, events);
    return created;
  }

  private async syncConsolidation(
    em: EntityManager,
    plan: PlanEntity,
    stage: StageDefinition,
    changes: readonly RootRoleChange[],
    cancelled: readonly CancelledPlanTask[],
    actor: Actor,
    events: NewAuditEvent[],
  ): Promise<string[]> {
    const input = (await readPlanStages(em, plan, await this.deps.workflows.get(plan.workflowKey, plan.workflowVersion, em)))!;
    const state = consolidationState(input);
    const lostOne = cancelled.some((t) => t.stage === stage.key && t.round === input.round);
    const assigned = (taskIds: string[], comment: string) =>
      events.push(
        ...taskIds.map((taskId) => ({
          actorId: actor.id,
          actor: actor.username,
          action: 'assignment',
          planId: plan.id,
          taskId,
          toStage: stage.key,
          comment,
          data: { role: stage.role },
        })),
      );
    if (state === 'open') {
      const added = changes.filter((c) => c.change === 'added' && c.role === stage.role);
      const created = await this.joinOpenRound(
        em,
        plan,
        stage,
        added.map((c) => c.userId),
      );
      assigned(created, `Giao nhiệm vụ tổng hợp cho người mới giữ vai trò ${roleName(stage.role)}`);
      return created;
    }
    if (state === 'unassigned' && input.eligible.consolidation > 0) {
      const created = await this.deps.stageEntry.openConsolidationRound(em, plan, stage, await this.dueAtOfRound(em, plan, stage));
      assigned(created, `Mở vòng tổng hợp cho người giữ vai trò ${roleName(stage.role)} (trước đó không ai thực hiện được)`);
      return created;
    }
    if (state === 'unassigned' && lostOne) {
      events.push({
        actorId: actor.id,
        actor: actor.username,
        action: 'stage_unassigned',
        planId: plan.id,
        fromStage: stage.key,
        comment: `Không còn ai giữ vai trò ${roleName(stage.role)} tại đơn vị gốc để tổng hợp báo cáo`,
        data: { round: input.round },
      });
      return [];
    }
    // The last open task of a round with votes cast is gone: the votes cast decide it now.
    if (state !== 'done' || !lostOne) return [];
    const result = await this.decideAgain(em, plan, stage.key, input.round);
    if (!result) return [];
    events.push({
      actorId: actor.id,
      actor: actor.username,
      action: 'consolidation.redecided',
      planId: plan.id,
      fromStage: stage.key,
      comment: `Quyết định lại sau khi thay đổi người giữ vai trò ${roleName(stage.role)} (các ý kiến đã có vẫn được tính)`,
      data: { round: input.round, outcome: result.outcome },
    });
    return result.createdTaskIds;
  }

  private async syncRootApproval(
    em: EntityManager,
    plan: PlanEntity,
    changes: readonly RootRoleChange[],
    cancelled: readonly CancelledPlanTask[],
    actor: Actor,
    events: NewAuditEvent[],
  ): Promise<string[]> {
    const input: PlanStagesInput = (await readPlanStages(em, plan, await this.deps.workflows.get(plan.workflowKey, plan.workflowVersion, em)))!;
    if (!['open', 'deciding', 'unassigned'].includes(rootApprovalState(input))) return [];
    const created: string[] = [];
    for (const change of changes.filter((c) => c.change === 'added' && c.role === 'reviewer')) {
      const taskId = await this.deps.rootApproval.addMember(em, plan, input.round, change.userId);
      if (!taskId) continue;
      created.push(taskId);
      events.push({
        actorId: actor.id,
        actor: actor.username,
        action: 'assignment',
        planId: plan.id,
        taskId,
        toStage: ROOT_APPROVAL_STAGE,
        comment: 'Giao nhiệm vụ duyệt báo cáo tổng hợp cho thành viên mới của Ban Thường vụ',
        data: { added: change.userId, round: input.round },
      });
    }
    if (!cancelled.some((t) => t.stage === ROOT_APPROVAL_STAGE && t.round === input.round)) return created;
    // A member left: the votes cast decide the round again, by the plan's rule over those still counted.
    const result = await this.decideAgain(em, plan, ROOT_APPROVAL_STAGE, input.round);
    if (result) {
      created.push(...result.createdTaskIds);
      events.push({
        actorId: actor.id,
        actor: actor.username,
        action: 'root_approval.redecided',
        planId: plan.id,
        fromStage: ROOT_APPROVAL_STAGE,
        comment: 'Quyết định lại sau khi thay đổi thành viên Ban Thường vụ (các ý kiến đã có vẫn được tính)',
        data: { round: input.round, outcome: result.outcome },
      });
    }
    const after = (await readPlanStages(em, plan, await this.deps.workflows.get(plan.workflowKey, plan.workflowVersion, em)))!;
    if (rootApprovalState(after) === 'unassigned') {
      events.push({
        actorId: actor.id,
        actor: actor.username,
        action: 'stage_unassigned',
        planId: plan.id,
        fromStage: ROOT_APPROVAL_STAGE,
        comment: 'Không còn ai trong Ban Thường vụ để duyệt báo cáo tổng hợp',
        data: { round: input.round },
      });
    }
    return created;
  }

  /** New holders join the open round beside the others, with its due date. */
  private async joinOpenRound(em: EntityManager, plan: PlanEntity, stage: StageDefinition, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const created = await joinOpenPlanStageRound(em, plan.id, stage.key, userIds);
    await noticeOfNewTasks(em, created);
    return created;
  }

  /** The plan's deadline for consolidation at the root's kind, else the due date the waiting reports carry. */
  private async dueAtOfRound(em: EntityManager, plan: PlanEntity, stage: StageDefinition): Promise<Date | null> {
    // The plan's root exists (a foreign key), so it has a kind.
    const rootKind = await planRootUnitKind(em, plan.rootUnitId);
    const planned = dueAtFor(plan.deadlines, rootKind, stage.key);
    if (planned) return planned;
    return latestDueAtOfReportsAtStage(em, plan.id, stage.key);
  }

  /**
   * Decides a plan-level round again from the votes cast, as applying its latest vote does (the
   * working group's completion, or the committee's approval with what follows a completed plan).
   * Undefined when nobody has voted: there is nothing to decide.
   */
  private async decideAgain(em: EntityManager, plan: PlanEntity, stage: string, round: number): Promise<TransitionResult | undefined> {
    const last = await em.getRepository(TaskEntity).findOne({
      where: { planId: plan.id, reportId: IsNull(), stage, round, state: 'completed' },
      order: { completedAt: 'DESC' },
    });
    return last ? this.deps.consolidation.complete(em, last) : undefined;
  }
}
