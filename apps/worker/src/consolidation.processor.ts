import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { ConsolidationCollector, ConsolidationFlows, ReminderScheduler } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';
import { logJobFailures } from './job-failures';

/**
 * The consolidation flows. A child completes when its report is approved (promoted) or at the
 * cut-off (its delay); it records nothing, since PostgreSQL holds each report's stage. The parent
 * runs once all its children have completed and collects (at the root, opening the working group's task).
 */
@Processor(QueueName.Consolidation, WORKER_OPTIONS[QueueName.Consolidation])
export class ConsolidationProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly handlers: QueueHandlers<typeof QueueName.Consolidation>;

  constructor(collector: ConsolidationCollector, flows: ConsolidationFlows, reminders: ReminderScheduler) {
    super();
    this.handlers = {
      [JobName.ConsolidationChild]: async (data) => ({ reportId: data.reportId }),
      // The root's collection opens the working group's task: its reminders once committed.
      [JobName.CollectConsolidation]: async (data) => reminders.scheduleAfter(await collector.collect(data.planId, data.unitId)),
      [JobName.RescheduleConsolidation]: (data) => flows.reschedule(data.planId),
    };
    assertHandlesEveryJob(QueueName.Consolidation, this.handlers);
  }

  onApplicationBootstrap(): void {
    logJobFailures(this, new Logger(ConsolidationProcessor.name));
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(QueueName.Consolidation, this.handlers, job);
  }
}
