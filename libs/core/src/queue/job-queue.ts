import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AnyJob, JOB_OPTIONS, JOB_QUEUE, jobIdOf, QueueName } from '@app/jobs';

/** A job with its delay, for work that must happen at a given time (reminders, escalations). */
export type DelayedJob = AnyJob & { delayMs?: number };

/**
 * Adds jobs of the typed catalogue to their queue, with their deterministic id and the options set
 * once per job name. The caller has already made the work durable in PostgreSQL: a lost job is
 * found again by a reconciler.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Transitions) transitions: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = { [QueueName.Transitions]: transitions, [QueueName.Reminders]: reminders, [QueueName.Notifications]: notifications };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue(...jobs: DelayedJob[]): Promise<void> {
    for (const name of Object.values(QueueName)) {
      const mine = jobs.filter((job) => JOB_QUEUE[job.name] === name);
      // addBulk in chunks of about a thousand: faster than one huge call (spec/performance.md).
      for (let start = 0; start < mine.length; start += 1000) {
        await this.queues[name].addBulk(mine.slice(start, start + 1000).map((job) => ({ name: job.name, data: job.data, opts: optionsOf(job) })));
      }
    }
  }

  /**
   * For work already recorded in PostgreSQL: a failure to reach Redis is logged, not thrown, since
   * the reconciler queues whatever PostgreSQL still holds as pending.
   */
  async enqueueRecorded(...jobs: DelayedJob[]): Promise<void> {
    await this.enqueue(...jobs).catch((error) => {
      this.logger.warn(`${jobs.length} recorded job(s) not queued (${error}); the reconciler will queue them`);
    });
  }

  /** Removes waiting or delayed jobs that no longer apply; a job already gone is fine. */
  async removeIfPresent(...jobs: AnyJob[]): Promise<void> {
    await Promise.all(jobs.map((job) => this.queues[JOB_QUEUE[job.name]].remove(jobIdOf(job)).catch(() => 0)));
  }
}

function optionsOf(job: DelayedJob): JobsOptions {
  return { ...JOB_OPTIONS[job.name], jobId: jobIdOf(job), ...(job.delayMs ? { delay: Math.max(0, Math.round(job.delayMs)) } : {}) };
}
