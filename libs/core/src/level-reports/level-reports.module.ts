import { Module } from '@nestjs/common';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { OrgModule } from '../org/org.module';
import { PlansModule } from '../plans/plans.module';
import { TasksModule } from '../tasks/tasks.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { LevelReportsService } from './level-reports.service';
import { LevelSourcesService } from './level-sources.service';

/**
 * The reports consolidating levels write: the Khối's own report (its working group's editing and
 * submission) and, for every consolidating level, the sources its writers work from. The plan's
 * consolidation steps create, submit, return and adopt the Khối's report (level-report-lifecycle).
 */
@Module({
  imports: [PlansModule, OrgModule, TasksModule, ConsolidationModule, WorkflowsModule],
  providers: [LevelReportsService, LevelSourcesService],
  exports: [LevelReportsService, LevelSourcesService],
})
export class LevelReportsModule {}
