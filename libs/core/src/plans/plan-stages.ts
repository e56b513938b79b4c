import { EntityManager } from 'typeorm';
import { PlanEntity } from '@app/dal';
import { PlanStagesInput, PlanStageTask, ROOT_APPROVAL_STAGE, WorkflowDefinition } from '@app/domain';

/**
 * What the plan-level stages' rules need, read from PostgreSQL: the latest consolidation round's
 * plan-level tasks, the reports waiting at consolidation, the root's collection and how many hold
 * each role at the root. Undefined when the workflow has no consolidation stage.
 */
export async function readPlanStages(em: EntityManager, plan: PlanEntity, workflow: WorkflowDefinition): Promise<PlanStagesInput | undefined> {
  const stage = workflow.stages.find((s) => s.kind === 'consolidation');
  if (!stage) return undefined;
  const [current]: { status: string; round: number }[] = await em.query(`SELECT status, consolidation_round AS round FROM plans WHERE id = $1`, [plan.id]);
  const tasks: (PlanStageTask & { stage: string })[] = await em.query(
    `SELECT stage, state, applied_at IS NOT NULL AS applied FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND round = $2 AND stage = ANY($3::text[])`,
    [plan.id, current.round, [stage.key, ROOT_APPROVAL_STAGE]],
  );
  const [facts]: { waiting: number; collected: boolean; consolidators: number; reviewers: number }[] = await em.query(
    `SELECT (SELECT count(*)::int FROM reports WHERE plan_id = $1 AND stage = $3) AS waiting,
            EXISTS (SELECT 1 FROM consolidations WHERE plan_id = $1 AND unit_id = $2 AND status <> 'collecting') AS collected,
            (SELECT count(*)::int FROM role_assignments WHERE unit_id = $2 AND role = $4) AS consolidators,
            (SELECT count(*)::int FROM role_assignments WHERE unit_id = $2 AND role = 'reviewer') AS reviewers`,
    [plan.id, plan.rootUnitId, stage.key, stage.role],
  );
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
