import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendAuditEvents, cancelOpenTasks, markDecisionsApplied, PlanEntity, TaskEntity, usernameOf } from '@app/dal';
import { decideStage, findStage, nextStageKey, ROOT_APPROVAL_STAGE, UnitKind } from '@app/domain';
import { nothingCreated, TransitionResult } from '../common/transition-result';
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
    if (task.stage === ROOT_APPROVAL_STAGE) return this.rootApproval.decide(em, plan, task);
    const votes: { id: string; state: string; decision: string | null }[] = await em.query(
      `SELECT id, state, decision FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND round = $3`,
      [plan.id, task.stage, task.round],
    );
    const latest = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
    const rule = findStage(latest, task.stage)?.rule ?? { type: 'any' as const };
    const tally = {
      assigned: votes.filter((v) => v.state !== 'cancelled').length,
      approvals: votes.filter((v) => v.decision === 'approve').length,
      returns: 0,
    };
    const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
    if (decideStage(rule, tally) !== 'approved') {
      await markDecisionsApplied(em, decided);
      return nothingCreated('pending');
    }
    await cancelOpenTasks(em, { planId: plan.id, reportId: null, stage: task.stage, round: task.round });
    const { moved, createdTaskIds } = await this.moveWaitingReports(em, plan, task);
    const actor = await usernameOf(em, task.assigneeId);
    await appendAuditEvents(em, [{
      actorId: task.assigneeId, actor, action: 'consolidate', planId: plan.id, taskId: task.id,
      fromStage: task.stage, comment: task.comment, data: { reports: moved },
    }]);
    createdTaskIds.push(...(await this.rootApproval.open(em, plan, task.round, task.dueAt)));
    await markDecisionsApplied(em, decided);
    return { outcome: 'consolidated', createdTaskIds };
  }

  private async moveWaitingReports(em: EntityManager, plan: PlanEntity, task: TaskEntity): Promise<{ moved: number; createdTaskIds: string[] }> {
    const createdTaskIds: string[] = [];
    const waiting: { id: string; unit_id: string; parent_id: string | null; kind: UnitKind; workflow_version: number }[] = await em.query(
      `SELECT r.id, r.unit_id, u.parent_id, u.kind, r.workflow_version FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND r.stage = $2 ORDER BY r.id FOR NO KEY UPDATE OF r`,
      [plan.id, task.stage],
    );
    const actor = await usernameOf(em, task.assigneeId);
    for (const version of new Set(waiting.map((r) => r.workflow_version))) {
      const workflow = await this.workflows.get(plan.workflowKey, version, em);
      const toStage = nextStageKey(workflow, task.stage);
      const group = waiting.filter((r) => r.workflow_version === version);
      const rounds: { id: string; round: number }[] = await em.query(
        `UPDATE reports SET stage = $2, round = round + 1, version = version + 1, stage_entered_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[]) RETURNING id, round`,
        [group.map((r) => r.id), toStage],
      ).then((result) => result[0]);
      await appendAuditEvents(em, group.map((r) => ({
        actorId: task.assigneeId, actor, action: 'transition', planId: plan.id, reportId: r.id, taskId: task.id,
        fromStage: task.stage, toStage,
      })));
      const roundOf = new Map(rounds.map((r) => [r.id, r.round]));
      const entering = group.map((r) => ({ id: r.id, unitId: r.unit_id, parentId: r.parent_id, unitKind: r.kind, round: roundOf.get(r.id)! }));
      createdTaskIds.push(...(await this.stageEntry.enter(em, plan, workflow, toStage, entering)));
    }
    return { moved: waiting.length, createdTaskIds };
  }
}
