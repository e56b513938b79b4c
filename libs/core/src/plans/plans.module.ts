import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DueDates } from './due-dates.service';
import { LaunchedReports } from './launched-reports.service';
import { PlanLauncher } from './plan-launcher.service';
import { PlansService } from './plans.service';
import { ProgressService } from './progress.service';

@Module({
  imports: [WorkflowsModule, RemindersModule],
  providers: [PlansService, PlanLauncher, ProgressService, DueDates, LaunchedReports],
  exports: [PlansService, PlanLauncher, ProgressService, LaunchedReports],
})
export class PlansModule {}
