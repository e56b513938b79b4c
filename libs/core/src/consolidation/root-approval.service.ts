import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  cancelOpenTasks,
  insertRootApprovalTaskFor,
  insertRootApprovalTasks,
  markDecisionsApplied,
  markPlanCompleted,
  markRootCollectionApproved,
  PlanEntity,
  planStageTaskOpen,
  rootApprovalVotes,
  TaskEntity,
  usernameOf,
} from '@app/dal';
import { decideStage, ROOT_APPROVAL_STAGE, tallyVotes } from '@app/domain';
import { noticeOfAdoption } from '../notifications/adoption-notices';
import { fullNameOf } from '../notifications/full-name';
import { nothingCreated, TransitionResult } from '../common/transition-result';
import { AdoptionRecorder } from '../adoption/adoption-recorder.service';
import { noticeOfNewTasks } from '../notifications/task-notices';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { adoptRootLevelReport, returnRootLevelReport } from '../level-reports/level-report-lifecycle';
import { Clock } from '../common/clock';

/**
 * The consolidated report of the root goes to the root's Standing Committee (the holders of the
 * reviewer role at the root) for approval by the plan's rule (majority unless the plan chose another,
 * see ROOT_APPROVAL_RULE in libs/domain); approved, the plan is done; returned with a
 * reason, the working group gets a new consolidation task to revise it. The committee may change
 * while it decides: a new member joins the round (ApproverSync), and a member's leaving has the
 * votes cast decide it again (through ConsolidationCompletion, as a vote's application does).
 */
@Injectable()
export class RootApproval {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly adoption: AdoptionRecorder,
    private readonly clock: Clock,
  ) {}

  /** Opens a round of approval tasks unless one is open; returns the tasks created. */
  async open(em: EntityManager, plan: PlanEntity, round: number, dueAt: Date | null): Promise<string[]> {
    if (await planStageTaskOpen(em, plan.id, ROOT_APPROVAL_STAGE)) return [];
    const created = await insertRootApprovalTasks(em, { planId: plan.id, rootUnitId: plan.rootUnitId, stage: ROOT_APPROVAL_STAGE, round, dueAt });
    await appendAuditEvents(em, [
      {
        actorId: null,
        actor: 'system',
        action: created.length ? 'root_approval.opened' : 'stage_unassigned',
        planId: plan.id,
        toStage: ROOT_APPROVAL_STAGE,
        comment: created.length
          ? `Trình Ban Thường vụ duyệt báo cáo tổng hợp (${created.length} đồng chí)`
          : 'Không có ai trong Ban Thường vụ (vai trò thẩm định tại đơn vị gốc) để thông qua báo cáo tổng hợp',
      },
    ]);
    await noticeOfNewTasks(em, created);
    return created;
  }

  /**
   * A new member of the committee joins the plan's approval round `round` (open, or opened with
   * nobody), with the round's due date. Null when they already hold a task or have voted in it.
   */
  async addMember(em: EntityManager, plan: PlanEntity, round: number, userId: string): Promise<string | null> {
    const taskId = await insertRootApprovalTaskFor(em, { planId: plan.id, rootUnitId: plan.rootUnitId, stage: ROOT_APPROVAL_STAGE, round }, userId);
    if (taskId) await noticeOfNewTasks(em, [taskId]);
    return taskId;
  }

  /**
   * Decides the round of `task` from every vote cast in it, by the plan's rule; the plan's row is
   * locked by the caller. A quorum larger than the committee is capped at its size by decideStage,
   * as for a workflow stage: every member then has to approve.
   */
  async decide(em: EntityManager, plan: PlanEntity, task: TaskEntity): Promise<TransitionResult> {
    const votes = await rootApprovalVotes(em, { planId: plan.id, stage: ROOT_APPROVAL_STAGE, round: task.round });
    const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
    const tally = tallyVotes(votes);
    const outcome = decideStage(plan.rootApproval, tally);
    await markDecisionsApplied(em, decided);
    if (outcome !== 'approved' && outcome !== 'returned') return nothingCreated(outcome);
    await cancelOpenTasks(em, { planId: plan.id, reportId: null, stage: ROOT_APPROVAL_STAGE, round: task.round });
    const actor = await usernameOf(em, task.assigneeId);
    if (outcome === 'returned') {
      const reason = votes.find((v) => v.decision === 'return' && tally.counted.includes(v))!.comment;
      await appendAuditEvents(em, [
        {
          actorId: task.assigneeId,
          actor,
          action: 'root_approval.returned',
          planId: plan.id,
          taskId: task.id,
          fromStage: ROOT_APPROVAL_STAGE,
          comment: reason,
        },
      ]);
      const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
      const stage = workflow.stages.find((s) => s.kind === 'consolidation');
      const createdTaskIds = stage
        ? await this.stageEntry.openConsolidationRound(em, plan, stage, task.dueAt, {
            fromStage: ROOT_APPROVAL_STAGE,
            reason: reason ?? '',
            returnedBy: await fullNameOf(em, task.assigneeId),
          })
        : [];
      await returnRootLevelReport(em, plan, reason, task.assigneeId);
      return { outcome: 'returned', createdTaskIds };
    }
    await markRootCollectionApproved(em, plan.id, plan.rootUnitId);
    await markPlanCompleted(em, plan.id);
    await noticeOfAdoption(em, { planId: plan.id, unitId: plan.rootUnitId, reportId: null, round: task.round, adoptedAt: this.clock.now() });
    // The Standing Committee's approval adopts the Khối's report: its number, date and signer.
    await this.adoption.adopt(em, {
      planId: plan.id,
      unitId: plan.rootUnitId,
      reportId: null,
      round: task.round,
      stage: ROOT_APPROVAL_STAGE,
      actorId: task.assigneeId,
    });
    await adoptRootLevelReport(em, plan, task.assigneeId);
    await appendAuditEvents(em, [
      { actorId: task.assigneeId, actor, action: 'plan.completed', planId: plan.id, taskId: task.id, fromStage: ROOT_APPROVAL_STAGE },
    ]);
    return nothingCreated('plan-completed');
  }
}
