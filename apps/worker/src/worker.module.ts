import { Module } from '@nestjs/common';
import { AuditModule, ConsolidationModule, InfrastructureModule, MigrationsModule, NotificationsModule, PlansModule, RemindersModule, TasksModule } from '@app/core';
import { AuditSealer } from './audit-sealer.service';
import { ConsolidationProcessor } from './consolidation.processor';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersProcessor } from './reminders.processor';
import { Reconciler } from './reconciler.service';
import { TransitionsProcessor } from './transitions.processor';
import { WorkerDrain } from './worker-drain.service';

/** Queue processors and the reconciler; runs alone (`apps/worker`) or inside the API process. */
@Module({
  imports: [InfrastructureModule, PlansModule, TasksModule, RemindersModule, NotificationsModule, MigrationsModule, ConsolidationModule, AuditModule],
  providers: [TransitionsProcessor, RemindersProcessor, NotificationsProcessor, ConsolidationProcessor, Reconciler, WorkerDrain, AuditSealer],
})
export class WorkerModule {}
