import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { PlansModule } from '../plans/plans.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ConsolidationCompletion } from './consolidation-completion.service';
import { ConsolidationService } from './consolidation.service';

@Module({
  imports: [WorkflowsModule, PlansModule, OrgModule],
  providers: [ConsolidationService, ConsolidationCompletion],
  exports: [ConsolidationService, ConsolidationCompletion],
})
export class ConsolidationModule {}
