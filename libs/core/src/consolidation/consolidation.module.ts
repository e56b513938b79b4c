import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module';
import { OrgModule } from '../org/org.module';
import { PlansModule } from '../plans/plans.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ConsolidationCompletion } from './consolidation-completion.service';
import { ConsolidationService } from './consolidation.service';
import { ConsolidationCollector } from './consolidation-collector.service';
import { ConsolidationFlows } from './consolidation-flows.service';
import { RootApproval } from './root-approval.service';

@Module({
  imports: [WorkflowsModule, PlansModule, OrgModule, AdoptionModule],
  providers: [ConsolidationService, ConsolidationCompletion, ConsolidationCollector, ConsolidationFlows, RootApproval],
  exports: [ConsolidationService, ConsolidationCompletion, ConsolidationCollector, ConsolidationFlows],
})
export class ConsolidationModule {}
