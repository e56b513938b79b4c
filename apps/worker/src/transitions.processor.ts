import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { DecisionApplier, PlanLauncher } from '@app/core';
import { JOB_QUEUE, JobName, JobOf, QueueName } from '@app/jobs';

type TransitionJob = { [N in JobName]: (typeof JOB_QUEUE)[N] extends typeof QueueName.Transitions ? N : never }[JobName];
type Handlers = { [N in TransitionJob]: (data: JobOf<N>) => Promise<unknown> };

/** Applies stage transitions: loads rows, lets the domain decide, persists; PostgreSQL decides what is true. */
@Processor(QueueName.Transitions)
export class TransitionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransitionsProcessor.name);
  private readonly handlers: Handlers;

  constructor(
    private readonly config: AppConfig,
    launcher: PlanLauncher,
    decisions: DecisionApplier,
  ) {
    super();
    this.handlers = {
      [JobName.LaunchPlan]: (data) => launcher.launch(data.planId),
      [JobName.ApplyDecision]: (data) => decisions.apply(data.taskId),
    };
    const missing = Object.values(JobName).filter((name) => JOB_QUEUE[name] === QueueName.Transitions && !(name in this.handlers));
    if (missing.length) throw new Error(`No handler for jobs ${missing.join(', ')}`);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as TransitionJob] as ((data: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`Unknown job ${job.name} on ${QueueName.Transitions}`);
    const outcome = await handler(job.data);
    this.logger.debug(`${job.name} ${job.id}: ${outcome}`);
    return outcome;
  }
}
