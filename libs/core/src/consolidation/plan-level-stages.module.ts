import { Module } from '@nestjs/common';
import { AdoptionRecordsModule } from '../adoption/adoption-records.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ConsolidationCompletion } from './consolidation-completion.service';
import { RootApproval } from './root-approval.service';

/**
 * A plan's two plan-level stages (the working group's consolidation, the Standing Committee's
 * approval). Their own module, depending on nothing of org, so that both the consolidation module
 * and the org module's role changes (ApproverSync) can use them without a cycle between the two.
 */
@Module({
  imports: [WorkflowsModule, AdoptionRecordsModule],
  providers: [RootApproval, ConsolidationCompletion],
  exports: [RootApproval, ConsolidationCompletion],
})
export class PlanLevelStagesModule {}
