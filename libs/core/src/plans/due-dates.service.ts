import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  listCollectingConsolidations,
  listUnfinishedReportsForDueDates,
  moveOpenTaskDueDates,
  PlanEntity,
  planRootUnitKind,
  setConsolidationCutOffs,
  setReportDueDates,
} from '@app/dal';
import { findStage, stageDueAt } from '@app/domain';
import { cutOffOf } from '../consolidation/consolidation-plan';
import { WorkflowsService } from '../workflows/workflows.service';
import { Clock } from '../common/clock';

export interface MovedTask {
  taskId: string;
  oldDueAt: Date | null;
}

/** Recomputes the due dates of a plan's unfinished reports and open tasks after its deadlines change. */
@Injectable()
export class DueDates {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  async recompute(em: EntityManager, plan: PlanEntity): Promise<MovedTask[]> {
    const rootKind = await planRootUnitKind(em, plan.rootUnitId);
    const reports = await listUnfinishedReportsForDueDates(em, plan.id);
    const dueOf = new Map<string, Date | null>();
    for (const report of reports) {
      const stage = findStage(await this.workflows.get(plan.workflowKey, report.workflow_version, em), report.stage);
      dueOf.set(report.id, stage ? stageDueAt(plan.deadlines, stage, { kind: report.kind, rootKind }, new Date(report.stage_entered_at)) : null);
    }
    const ids = [...dueOf.keys()];
    await setReportDueDates(
      em,
      ids,
      ids.map((id) => dueOf.get(id)),
    );
    const planStage = (await this.workflows.get(plan.workflowKey, plan.workflowVersion, em)).stages.find((s) => s.kind === 'consolidation');
    const consolidationDue = planStage ? stageDueAt(plan.deadlines, planStage, { kind: rootKind, rootKind }, this.clock.now()) : null;
    // Open tasks follow their report's due date; the plan-level consolidation task follows the root's.
    const moved = await moveOpenTaskDueDates(em, plan.id, consolidationDue);
    // Collections still open take the new cut-off: the consolidation deadline of their kind, else the
    // root's. Read here as the launch reads it and passed as instants, never cast from the stored
    // text in SQL, where a date PostgreSQL refuses would fail the whole update.
    if (planStage) {
      const open = await listCollectingConsolidations(em, plan.id);
      await setConsolidationCutOffs(
        em,
        open.map((c) => c.id),
        open.map((c) => cutOffOf(plan, c.kind, rootKind, planStage.key)),
      );
    }
    return moved.map((m) => ({ taskId: m.id, oldDueAt: m.old_due_at ? new Date(m.old_due_at) : null }));
  }
}
