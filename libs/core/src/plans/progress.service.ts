import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countPlanLevelTasks, listProgressCollections, listProgressReports, listScopeUnits, PlanEntity, readPlanRootUnit, ScopeUnitRow } from '@app/dal';
import { countByStageAndLevel, DONE_STAGE, isOverdue, planStages, progressTree, ROOT_APPROVAL_STAGE } from '@app/domain';
import { Clock } from '../common/clock';
import { WorkflowsService } from '../workflows/workflows.service';
import { readPlanStages } from './plan-stages';
import { VisiblePlan } from './plan-visibility.service';

/**
 * Where every report of a plan stands: counts per stage and level, the overdue, the stuck, and the
 * unit tree; and the plan-level stages (the working group's consolidation, the Standing Committee's
 * approval), listed with the stuck reports when nobody can act on them.
 *
 * Only what the caller may see (PlanVisibility): people of units inside the tree get the units at or
 * below theirs, counted over those alone, with their collections; the plan-level stages only to
 * those who see the whole plan.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly workflows: WorkflowsService,
  ) {}

  async progress({ plan, scope }: VisiblePlan) {
    const planId = plan.id;
    // NULL shows every unit; otherwise the units whose ancestors (themselves included) hold one of the caller's.
    const scopeIds = scope.whole ? null : scope.unitIds;
    const rows = await listProgressReports(this.db, planId, scopeIds);
    const now = this.clock.now();
    const units = rows.map((r) => ({
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      kind: r.kind,
      parentId: r.parent_id,
      reportId: r.report_id,
      stage: r.stage,
      dueAt: r.due_at,
      overdue: isOverdue(r.due_at, now, r.stage === DONE_STAGE),
      unassigned: r.unassigned,
      returnedCount: r.returned_count,
    }));
    const { byStage, byLevel } = countByStageAndLevel(units);
    const root = await readPlanRootUnit(this.db, plan.rootUnitId);
    const tree = progressTree(
      { unitId: root.id, unitCode: root.code, unitName: root.name, kind: root.kind, parentId: null, stage: null, overdue: false },
      units,
    );
    const collections = await listProgressCollections(this.db, planId, scopeIds);
    const planLevel = scope.whole ? await this.planLevelWork(plan, root.code) : NO_PLAN_LEVEL_WORK;
    const scopeUnits: ScopeUnitRow[] = scopeIds ? await listScopeUnits(this.db, scopeIds) : [];
    return {
      planId,
      status: plan.status,
      total: units.length,
      byStage,
      byLevel,
      overdue: units.filter((u) => u.overdue).length,
      overdueUnits: units
        .filter((u) => u.overdue)
        .map(({ unitId, unitCode, unitName, kind, reportId, stage, dueAt }) => ({ unitId, unitCode, unitName, kind, reportId, stage, dueAt })),
      unassigned: [
        ...units.filter((u) => u.unassigned).map((u) => ({ level: 'report' as const, unitCode: u.unitCode, reportId: u.reportId, stage: u.stage })),
        ...planLevel.unassigned,
      ],
      planStages: planLevel.stages,
      consolidation: planLevel.consolidation,
      rootApproval: planLevel.rootApproval,
      collections,
      units,
      tree,
      // The whole plan, or the units (with everything below them) the caller holds a role on.
      scope: { whole: scope.whole, units: scopeUnits },
    };
  }

  /** The working group's consolidation and the Standing Committee's approval (latest rounds), and which of them nobody can act on. */
  private async planLevelWork(plan: PlanEntity, rootCode: string) {
    const planTasks = await countPlanLevelTasks(this.db, plan.id);
    const stagesInput = await readPlanStages(this.db.manager, plan, await this.workflows.get(plan.workflowKey, plan.workflowVersion));
    const stages = stagesInput ? planStages(stagesInput) : [];
    return {
      stages,
      unassigned: stages
        .filter((s) => s.state === 'unassigned')
        .map((s) => ({
          level: 'plan' as const,
          unitCode: rootCode,
          reportId: null,
          stage: s.stage,
          round: s.round,
          eligible: s.eligible,
          reason: s.reason,
        })),
      consolidation: planTasks.find((t) => t.stage !== ROOT_APPROVAL_STAGE) ?? null,
      rootApproval: planTasks.find((t) => t.stage === ROOT_APPROVAL_STAGE) ?? null,
    };
  }
}

/** What people who see only part of the plan get of its plan-level stages: nothing. */
const NO_PLAN_LEVEL_WORK = { stages: [], unassigned: [], consolidation: null, rootApproval: null };
