import { Module } from '@nestjs/common';
import {
  AuditModule,
  ConsolidationModule,
  InfrastructureModule,
  MigrationsModule,
  NotificationsModule,
  OrgImportsModule,
  PasswordLinksModule,
  PlansModule,
  RemindersModule,
  TasksModule,
} from '@app/core';
import { AuditSealer } from './audit-sealer.service';
import { ConsolidationProcessor } from './consolidation.processor';
import { ImportsProcessor } from './imports.processor';
import { NotificationsProcessor } from './notifications.processor';
import { RemindersProcessor } from './reminders.processor';
import { LocalWorkers } from './local-workers';
import { Reconciler } from './reconciler.service';
import { TransitionsProcessor } from './transitions.processor';
import { WorkerDrain } from './worker-drain.service';

/** Queue processors and the reconciler; runs alone (`apps/worker`) or inside the API process. */
@Module({
  imports: [
    InfrastructureModule,
    PlansModule,
    TasksModule,
    RemindersModule,
    NotificationsModule,
    MigrationsModule,
    ConsolidationModule,
    AuditModule,
    OrgImportsModule,
    PasswordLinksModule,
  ],
  providers: [
    TransitionsProcessor,
    RemindersProcessor,
    NotificationsProcessor,
    ConsolidationProcessor,
    ImportsProcessor,
    LocalWorkers,
    Reconciler,
    WorkerDrain,
    AuditSealer,
  ],
})
export class WorkerModule {}
