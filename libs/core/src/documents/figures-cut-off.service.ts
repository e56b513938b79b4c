import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findCollectionDates } from '@app/dal';
import { Clock } from '../common/clock';
import { cutOffOf } from '../consolidation/consolidation-plan';
import { PlansService } from '../plans/plans.service';
import { WorkflowsService } from '../workflows/workflows.service';
import { figuresAsOf, FiguresAsOf } from './figures-as-of';

/**
 * The cut-off date of a consolidating unit's figures, from its collection (the `consolidations`
 * row), for the consolidated JSON and the consolidated document. Callers have already checked
 * that the caller may read the consolidation and that the unit consolidates.
 */
@Injectable()
export class FiguresCutOff {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly plans: PlansService,
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  async of(planId: string, unitCode: string): Promise<FiguresAsOf> {
    const plan = await this.plans.get(planId);
    const row = await findCollectionDates(this.db, planId, plan.rootUnitId, unitCode);
    const { stages } = await this.workflows.get(plan.workflowKey, plan.workflowVersion);
    const stage = stages.find((s) => s.kind === 'consolidation');
    const planDeadline = row && stage ? cutOffOf(plan, row.kind, row.root_kind, stage.key) : null;
    return figuresAsOf({
      collectedAt: row?.collected_at ? new Date(row.collected_at) : null,
      cutOffAt: row?.cut_off_at ? new Date(row.cut_off_at) : null,
      planDeadline,
      now: this.clock.now(),
    });
  }
}
