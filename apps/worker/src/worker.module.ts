import { Module } from '@nestjs/common';
import { InfrastructureModule, MigrationsModule, NotificationsModule, PlansModule, RemindersModule, TasksModule } from '@app/core';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersProcessor } from './reminders.processor';
import { Reconciler } from './reconciler.service';
import { TransitionsProcessor } from './transitions.processor';

/** Queue processors and the reconciler; runs alone (`apps/worker`) or inside the API process. */
@Module({
  imports: [InfrastructureModule, PlansModule, TasksModule, RemindersModule, NotificationsModule, MigrationsModule],
  providers: [TransitionsProcessor, RemindersProcessor, NotificationsProcessor, Reconciler],
})
export class WorkerModule {}
