import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, insertLaunchReports, inTransaction, markPlanLaunched, PlanEntity } from '@app/dal';
import { firstStage } from '@app/domain';
import { nothingCreated, TransitionResult } from '../common/transition-result';
import { StageEntryService } from '../workflows/stage-entry.service';
import { WorkflowsService } from '../workflows/workflows.service';

/**
 * Launches a plan in the worker: one report per unit under the root, each in the first stage with
 * its tasks, all in one transaction. A plan no longer `launching` is skipped, so a repeat is harmless.
 */
@Injectable()
export class PlanLauncher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly stageEntry: StageEntryService,
  ) {}

  async launch(planId: string): Promise<TransitionResult> {
    return inTransaction(this.db, async (em) => {
      const plan = await em.getRepository(PlanEntity).findOne({ where: { id: planId }, lock: { mode: 'for_no_key_update' } });
      if (!plan || plan.status !== 'launching') return nothingCreated('skipped');
      const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
      const first = firstStage(workflow);
      const reports = await insertLaunchReports(em, { planId: plan.id, rootUnitId: plan.rootUnitId, firstStage: first.key, workflowVersion: workflow.version });
      const createdTaskIds = await this.stageEntry.enter(
        em,
        plan,
        workflow,
        first.key,
        reports.map((r) => ({ id: r.id, unitId: r.unit_id, parentId: r.parent_id, unitKind: r.kind, round: r.round })),
      );
      await markPlanLaunched(em, plan.id);
      await appendAuditEvents(em, [
        { actorId: null, actor: 'system', action: 'plan.launch', planId: plan.id, toStage: first.key, data: { reports: reports.length } },
        ...reports.map((r) => ({ actorId: null, actor: 'system', action: 'launch', planId: plan.id, reportId: r.id, toStage: first.key })),
      ]);
      return { outcome: 'launched', createdTaskIds };
    });
  }
}
