import { Module } from '@nestjs/common';
import { InfrastructureModule, PlansModule, TasksModule } from '@app/core';
import { Reconciler } from './reconciler.service';
import { TransitionsProcessor } from './transitions.processor';

/** Queue processors and the reconciler; runs alone (`apps/worker`) or inside the API process. */
@Module({
  imports: [InfrastructureModule, PlansModule, TasksModule],
  providers: [TransitionsProcessor, Reconciler],
})
export class WorkerModule {}
