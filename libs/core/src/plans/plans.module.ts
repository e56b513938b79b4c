import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { PlanLauncher } from './plan-launcher.service';
import { PlansService } from './plans.service';
import { ProgressService } from './progress.service';

@Module({
  imports: [WorkflowsModule],
  providers: [PlansService, PlanLauncher, ProgressService],
  exports: [PlansService, PlanLauncher, ProgressService],
})
export class PlansModule {}
