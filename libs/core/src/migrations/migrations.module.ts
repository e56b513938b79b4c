import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { MigrationRunner } from './migration-runner.service';
import { PlanMigrationsService } from './plan-migrations.service';

@Module({
  imports: [WorkflowsModule, TasksModule],
  providers: [PlanMigrationsService, MigrationRunner],
  exports: [PlanMigrationsService, MigrationRunner],
})
export class MigrationsModule {}
