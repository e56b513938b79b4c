import { EntityManager } from 'typeorm';
import { listPlanStageTasksOfRound, PlanEntity, readPlanRound, readPlanStageFacts } from '@app/dal';
import { PlanStagesInput, ROOT_APPROVAL_STAGE, WorkflowDefinition } from '@app/domain';

/**
 * What the plan-level stages' rules need, read from PostgreSQL: the latest consolidation round's
 * plan-level tasks, the reports waiting at consolidation, the root's collection and how many hold
 * each role at the root. Undefined when the workflow has no consolidation stage.
 */
export async function readPlanStages(em: EntityManager, plan: PlanEntity, workflow: WorkflowDefinition): Promise<PlanStagesInput | undefined> {
  const stage = workflow.stages.find((s) => s.kind === 'consolidation');
  if (!stage) return undefined;
  const current = await readPlanRound(em, plan.id);
  const tasks = await listPlanStageTasksOfRound(em, plan.id, current.round, [stage.key, ROOT_APPROVAL_STAGE]);
  const facts = await readPlanStageFacts(em, { planId: plan.id, rootUnitId: plan.rootUnitId, consolidationStage: stage.key, consolidationRole: stage.role });
  return {
    planStatus: current.status,
    consolidation: { key: stage.key, role: stage.role },
    round: current.round,
    consolidationTasks: tasks.filter((t) => t.stage === stage.key),
    rootApprovalTasks: tasks.filter((t) => t.stage === ROOT_APPROVAL_STAGE),
    waitingAtConsolidation: facts.waiting,
    rootCollected: facts.collected,
    eligible: { consolidation: facts.consolidators, rootApproval: facts.reviewers },
  };
}
