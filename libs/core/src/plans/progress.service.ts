import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanEntity } from '@app/dal';
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
    const rows: {
      unit_id: string;
      unit_code: string;
      unit_name: string;
      kind: string;
      depth: number;
      parent_id: string | null;
      report_id: string;
      stage: string;
      due_at: Date | null;
      unassigned: boolean;
      returned_count: number;
    }[] = await this.db.query(
      `SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind, u.depth, u.parent_id, r.id AS report_id, r.stage,
                r.due_at, r.unassigned, r.returned_count
           FROM reports r JOIN org_units u ON u.id = r.unit_id
          WHERE r.plan_id = $1 AND ($2::uuid[] IS NULL OR u.ancestor_ids && $2::uuid[]) ORDER BY u.depth, u.code`,
      [planId, scopeIds],
    );
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
    const [root] = await this.db.query(`SELECT id, code, name, kind FROM org_units WHERE id = $1`, [plan.rootUnitId]);
    const tree = progressTree(
      { unitId: root.id, unitCode: root.code, unitName: root.name, kind: root.kind, parentId: null, stage: null, overdue: false },
      units,
    );
    const collections = await this.db.query(
      `SELECT u.code AS "unitCode", c.status, c.cut_off_at AS "cutOffAt", jsonb_array_length(c.included) AS included, c.missing, c.collected_at AS "collectedAt"
         FROM consolidations c JOIN org_units u ON u.id = c.unit_id
        WHERE c.plan_id = $1 AND ($2::uuid[] IS NULL OR u.ancestor_ids && $2::uuid[]) ORDER BY u.depth, u.code`,
      [planId, scopeIds],
    );
    const planLevel = scope.whole ? await this.planLevelWork(plan, root.code) : NO_PLAN_LEVEL_WORK;
    const scopeUnits: { unitId: string; unitCode: string; unitName: string }[] = scopeIds
      ? await this.db.query(`SELECT id AS "unitId", code AS "unitCode", name AS "unitName" FROM org_units WHERE id = ANY ($1::uuid[]) ORDER BY depth, code`, [
          scopeIds,
        ])
      : [];
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
    const planTasks: PlanTaskCounts[] = await this.db.query(
      `SELECT DISTINCT ON (stage) stage, round, count(*) FILTER (WHERE state = 'open')::int AS open,
              count(*) FILTER (WHERE state = 'completed')::int AS done
         FROM tasks WHERE plan_id = $1 AND report_id IS NULL GROUP BY stage, round ORDER BY stage, round DESC`,
      [plan.id],
    );
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

interface PlanTaskCounts {
  stage: string;
  round: number;
  open: number;
  done: number;
}

/** What people who see only part of the plan get of its plan-level stages: nothing. */
const NO_PLAN_LEVEL_WORK = { stages: [], unassigned: [], consolidation: null, rootApproval: null };
