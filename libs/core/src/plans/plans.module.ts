import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { DeadlinePreview } from './deadline-preview.service';
import { DueDates } from './due-dates.service';
import { LaunchedReports } from './launched-reports.service';
import { NudgesService } from './nudges.service';
import { PlanLauncher } from './plan-launcher.service';
import { PlansService } from './plans.service';
import { PlanVisibility } from './plan-visibility.service';
import { ProgressService } from './progress.service';

@Module({
  imports: [WorkflowsModule, RemindersModule],
  providers: [PlansService, PlanLauncher, ProgressService, DueDates, LaunchedReports, PlanVisibility, DeadlinePreview, NudgesService],
  exports: [PlansService, PlanLauncher, ProgressService, LaunchedReports, PlanVisibility, DeadlinePreview, NudgesService],
})
export class PlansModule {}
