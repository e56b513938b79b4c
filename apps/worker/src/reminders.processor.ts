import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { DigestService, ReminderFirer } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';
import { logJobFailures } from './job-failures';

/** Reminders and escalations at their time, and the daily digest on its schedule. */
@Processor(QueueName.Reminders, WORKER_OPTIONS[QueueName.Reminders])
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);
  private readonly handlers: QueueHandlers<typeof QueueName.Reminders>;

  constructor(
    firer: ReminderFirer,
    private readonly digest: DigestService,
  ) {
    super();
    this.handlers = {
      [JobName.FireReminder]: (data) => firer.fireReminder(data.taskId, data.offset, data.dueAt),
      [JobName.FireEscalation]: (data) => firer.fireEscalation(data.taskId, data.dueAt),
      [JobName.DailyDigest]: (data) => digest.send(data.day),
    };
    assertHandlesEveryJob(QueueName.Reminders, this.handlers);
  }

  /** One scheduler, upserted by every worker: BullMQ keeps a single repeat per id. */
  async onApplicationBootstrap(): Promise<void> {
    logJobFailures(this, new Logger(RemindersProcessor.name));
    await this.digest.ensureSchedule().catch((error) => this.logger.warn(`Daily digest not scheduled yet (${error}); the reconciler retries`));
  }

  async process(job: Job): Promise<unknown> {
    const outcome = await dispatchJob(QueueName.Reminders, this.handlers, job);
    this.logger.debug(`${job.name} ${job.id}: ${JSON.stringify(outcome)}`);
    return outcome;
  }
}
