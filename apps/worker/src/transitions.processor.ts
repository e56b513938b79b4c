import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { DecisionApplier, JobQueue, MigrationRunner, PlanLauncher, ReminderScheduler } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';

/** Applies stage transitions: loads rows, lets the domain decide, persists; PostgreSQL decides what is true. */
@Processor(QueueName.Transitions, WORKER_OPTIONS[QueueName.Transitions])
export class TransitionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransitionsProcessor.name);
  private readonly handlers: QueueHandlers<typeof QueueName.Transitions>;

  constructor(
    private readonly config: AppConfig,
    launcher: PlanLauncher,
    decisions: DecisionApplier,
    reminders: ReminderScheduler,
    migrations: MigrationRunner,
    queue: JobQueue,
  ) {
    super();
    // New tasks get their reminders once the transaction that made them has committed.
    this.handlers = {
      [JobName.LaunchPlan]: async (data) => reminders.scheduleAfter(await launcher.launch(data.planId)),
      [JobName.ApplyDecision]: async (data) => reminders.scheduleAfter(await decisions.apply(data.taskId)),
      [JobName.ReevaluateStage]: async (data) => reminders.scheduleAfter(await decisions.reevaluate(data.reportId, data.round)),
      [JobName.RunMigration]: async (data, job) => {
        const result = await migrations.run(data.migrationId);
        // Stages whose rule changed are decided again, each as its own job.
        await queue.enqueue(...result.redecide.map((r) => ({ name: JobName.ReevaluateStage, data: { ...r, cause: `migration-${data.migrationId}` } }) as const));
        return reminders.scheduleAfter(result).then((outcome) => `${outcome} (attempt ${job.attemptsMade + 1})`);
      },
    };
    assertHandlesEveryJob(QueueName.Transitions, this.handlers);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<unknown> {
    const outcome = await dispatchJob(QueueName.Transitions, this.handlers, job);
    this.logger.debug(`${job.name} ${job.id}: ${JSON.stringify(outcome)}`);
    return outcome;
  }
}
