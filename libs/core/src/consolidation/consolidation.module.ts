import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module';
import { OrgModule } from '../org/org.module';
import { PlansModule } from '../plans/plans.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ConsolidationService } from './consolidation.service';
import { ConsolidationCollector } from './consolidation-collector.service';
import { ConsolidationFlows } from './consolidation-flows.service';
import { PlanLevelStagesModule } from './plan-level-stages.module';

@Module({
  imports: [WorkflowsModule, PlansModule, OrgModule, AdoptionModule, PlanLevelStagesModule],
  providers: [ConsolidationService, ConsolidationCollector, ConsolidationFlows],
  exports: [ConsolidationService, PlanLevelStagesModule, ConsolidationCollector, ConsolidationFlows],
})
export class ConsolidationModule {}
