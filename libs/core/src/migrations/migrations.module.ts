import { Module } from '@nestjs/common';
import { ConsolidationModule } from '../consolidation/consolidation.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TasksModule } from '../tasks/tasks.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ConsolidationRoundCarry } from './consolidation-round-carry';
import { MigratedTaskTiming } from './migrated-task-timing';
import { MigrationRunner } from './migration-runner.service';
import { PlanMigrationsService } from './plan-migrations.service';

@Module({
  imports: [WorkflowsModule, TasksModule, RemindersModule, ConsolidationModule],
  providers: [PlanMigrationsService, MigrationRunner, MigratedTaskTiming, ConsolidationRoundCarry],
  exports: [PlanMigrationsService, MigrationRunner],
})
export class MigrationsModule {}
