import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  cancelOpenTasks,
  freezeIncludedReports,
  lockReportsAtStages,
  lockReportsWaitingAt,
  markDecisionsApplied,
  moveReportsToStage,
  PlanEntity,
  planStageVotes,
  setConsolidatedRound,
  TaskEntity,
  usernameOf,
  workflowVersionsOfUnfinishedReports,
} from '@app/dal';
import { decideStage, DONE_STAGE, findStage, nextStageKey, ROOT_APPROVAL_STAGE, tallyVotes } from '@app/domain';
import { nothingCreated, TransitionResult } from '../common/transition-result';
import { closeAfterCompletion } from './after-completion';
import { readyStagesOf } from './consolidation-plan';
import { submitRootLevelReport } from '../level-reports/level-report-lifecycle';
import { StageEntryService } from '../workflows/stage-entry.service';
import { RootApproval } from './root-approval.service';
import { WorkflowsService } from '../workflows/workflows.service';

/**
 * Completing the plan's consolidation task moves every report waiting at consolidation on (to
 * `done` in the default workflow), each with its own transition event, and sends the consolidated
 * report to the root's Standing Committee; their approval completes the plan.
 */
@Injectable()
export class ConsolidationCompletion {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
    private readonly rootApproval: RootApproval,
  ) {}

  async complete(em: EntityManager, task: TaskEntity): Promise<TransitionResult> {
    const plan = await em.getRepository(PlanEntity).findOneOrFail({ where: { id: task.planId }, lock: { mode: 'for_no_key_update' } });
    if (task.stage === ROOT_APPROVAL_STAGE) {
      const decided = await this.rootApproval.decide(em, plan, task);
      if (decided.outcome === 'plan-completed') await this.closeWaitingAfterCompletion(em, plan);
      return decided;
    }
    const votes = await planStageVotes(em, { planId: plan.id, stage: task.stage, round: task.round });
    const latest = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
    const rule = findStage(latest, task.stage)?.rule ?? { type: 'any' as const };
    // The working group consolidates; it does not return (the committee above does), so no returns count.
    const tally = { ...tallyVotes(votes), returns: 0 };
    const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
    if (decideStage(rule, tally) !== 'approved') {
      await markDecisionsApplied(em, decided);
      return nothingCreated('pending');
    }
    await cancelOpenTasks(em, { planId: plan.id, reportId: null, stage: task.stage, round: task.round });
    const { moved, createdTaskIds } = await this.moveWaitingReports(em, plan, task);
    const actor = await usernameOf(em, task.assigneeId);
    await appendAuditEvents(em, [
      {
        actorId: task.assigneeId,
        actor,
        action: 'consolidate',
        planId: plan.id,
        taskId: task.id,
        fromStage: task.stage,
        comment: task.comment,
        data: { reports: moved, round: task.round },
      },
    ]);
    // The Khối's report as the working group left it goes to the Standing Committee, whichever way the task was completed.
    await submitRootLevelReport(em, plan, readyStagesOf(latest), task.assigneeId);
    createdTaskIds.push(...(await this.rootApproval.open(em, plan, task.round, task.dueAt)));
    await markDecisionsApplied(em, decided);
    return { outcome: 'consolidated', createdTaskIds };
  }

  private async moveWaitingReports(em: EntityManager, plan: PlanEntity, task: TaskEntity): Promise<{ moved: number; createdTaskIds: string[] }> {
    const createdTaskIds: string[] = [];
    const waiting = await lockReportsWaitingAt(em, plan.id, task.stage);
    await this.freezeIncluded(
      em,
      plan,
      task.round,
      waiting.map((r) => r.id),
    );
    const actor = await usernameOf(em, task.assigneeId);
    for (const version of new Set(waiting.map((r) => r.workflow_version))) {
      const workflow = await this.workflows.get(plan.workflowKey, version, em);
      const toStage = nextStageKey(workflow, task.stage);
      const group = waiting.filter((r) => r.workflow_version === version);
      const rounds = await moveReportsToStage(
        em,
        group.map((r) => r.id),
        toStage,
      );
      await appendAuditEvents(
        em,
        group.map((r) => ({
          actorId: task.assigneeId,
          actor,
          action: 'transition',
          planId: plan.id,
          reportId: r.id,
          taskId: task.id,
          fromStage: task.stage,
          toStage,
        })),
      );
      const roundOf = new Map(rounds.map((r) => [r.id, r.round]));
      const entering = group.map((r) => ({ id: r.id, unitId: r.unit_id, parentId: r.parent_id, unitKind: r.kind, round: roundOf.get(r.id)! }));
      createdTaskIds.push(...(await this.stageEntry.enter(em, plan, workflow, toStage, entering)));
    }
    return { moved: waiting.length, createdTaskIds };
  }

  /**
   * The reports this completion takes in become part of the consolidated report for good: from now
   * on it is computed from this set (plus, while a later round is open, the reports waiting for
   * it), so what the Standing Committee approves cannot change under it.
   */
  private async freezeIncluded(em: EntityManager, plan: PlanEntity, round: number, reportIds: string[]): Promise<void> {
    await freezeIncludedReports(em, plan.id, reportIds, round);
    await setConsolidatedRound(em, plan.id, plan.rootUnitId, round);
  }

  /**
   * Reports that reached consolidation while the Standing Committee was deciding would wait for a
   * round that never opens once the plan is completed: they are closed as late, not included.
   */
  private async closeWaitingAfterCompletion(em: EntityManager, plan: PlanEntity): Promise<void> {
    const versions = await workflowVersionsOfUnfinishedReports(em, plan.id, DONE_STAGE);
    const stages: string[] = [];
    for (const version of versions) {
      const stage = (await this.workflows.get(plan.workflowKey, version, em)).stages.find((s) => s.kind === 'consolidation');
      if (stage) stages.push(stage.key);
    }
    const waiting = await lockReportsAtStages(em, plan.id, stages);
    await closeAfterCompletion(em, plan.id, waiting);
  }
}
