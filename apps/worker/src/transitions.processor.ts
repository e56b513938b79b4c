import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { ConsolidationFlows, DecisionApplier, JobQueue, MigrationRunner, PlanLauncher, ReminderScheduler, TransitionResult } from '@app/core';
import { assertHandlesEveryJob, dispatchJob, isFinalAttempt, JobName, QueueHandlers, QueueName, WORKER_OPTIONS } from '@app/jobs';
import { deferWhileReportBusy } from './busy-reports';
import { logJobFailures } from './job-failures';

/** Applies stage transitions: loads rows, lets the domain decide, persists; PostgreSQL decides what is true. */
@Processor(QueueName.Transitions, WORKER_OPTIONS[QueueName.Transitions])
export class TransitionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransitionsProcessor.name);
  private readonly handlers: QueueHandlers<typeof QueueName.Transitions>;

  constructor(
    private readonly config: AppConfig,
    launcher: PlanLauncher,
    decisions: DecisionApplier,
    private readonly reminders: ReminderScheduler,
    private readonly flows: ConsolidationFlows,
    migrations: MigrationRunner,
    queue: JobQueue,
  ) {
    super();
    this.handlers = {
      [JobName.LaunchPlan]: async (data) => {
        const outcome = await this.afterCommit(await launcher.launch(data.planId));
        await flows.ensure(data.planId);
        return outcome;
      },
      [JobName.ApplyDecision]: async (data) => {
        const result = await decisions.apply(data.taskId);
        // A run that died between its commit and the promotion is retried as already applied: promote now.
        if (result.outcome === 'already-applied') await flows.promoteAfterDecision(data.taskId);
        return this.afterCommit(result);
      },
      [JobName.ReevaluateStage]: async (data) => this.afterCommit(await decisions.reevaluate(data.reportId, data.round)),
      [JobName.RunMigration]: async (data, job) => {
        // On the job's last attempt a failure ends the migration as failed, so it no longer blocks the plan.
        const result = await migrations.run(data.migrationId, isFinalAttempt(job));
        // Stages whose rule changed are decided again, each as its own job.
        await queue.enqueue(
          ...result.redecide.map((r) => ({ name: JobName.ReevaluateStage, data: { ...r, cause: `migration-${data.migrationId}` } }) as const),
        );
        return `${await this.afterCommit(result)} (attempt ${job.attemptsMade + 1})`;
      },
    };
    assertHandlesEveryJob(QueueName.Transitions, this.handlers);
  }

  onApplicationBootstrap(): void {
    logJobFailures(this, new Logger(TransitionsProcessor.name));
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
    this.worker.run().catch((error: Error) => this.logger.error(`Transitions worker stopped: ${error.message}`));
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const outcome = await deferWhileReportBusy(job, token, () => dispatchJob(QueueName.Transitions, this.handlers, job));
    this.logger.debug(`${job.name} ${job.id}: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  /** Once the transition has committed: reminders for the new tasks, collections told of approved reports. */
  private async afterCommit(result: TransitionResult): Promise<string> {
    await this.flows.promote(result.readyForConsolidation ?? []);
    return this.reminders.scheduleAfter(result);
  }
}
