import { Module } from '@nestjs/common';
import { AdoptionModule } from '../adoption/adoption.module';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { OrgModule } from '../org/org.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DecisionApplier } from './decision-applier.service';
import { DelegateCandidates } from './delegate-candidates.service';
import { StageDecider } from './stage-decider.service';
import { TaskHandover } from './task-handover.service';
import { TasksService } from './tasks.service';

@Module({
  imports: [WorkflowsModule, ConsolidationModule, OrgModule, AdoptionModule],
  providers: [TasksService, TaskHandover, DecisionApplier, StageDecider, DelegateCandidates],
  exports: [TasksService, TaskHandover, DecisionApplier, StageDecider, DelegateCandidates],
})
export class TasksModule {}
