import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AnyJob, JOB_OPTIONS, jobIdOf, QueueName } from '@app/jobs';

/**
 * Adds jobs of the typed catalogue with their deterministic id and the options set once per job
 * name. The caller has already made the work durable in PostgreSQL: a lost job is found again by
 * the reconciler.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);

  constructor(@InjectQueue(QueueName.Transitions) private readonly transitions: Queue) {}

  async enqueue(...jobs: AnyJob[]): Promise<void> {
    for (let start = 0; start < jobs.length; start += 1000) {
      await this.transitions.addBulk(
        jobs.slice(start, start + 1000).map((job) => ({ name: job.name, data: job.data, opts: { ...JOB_OPTIONS[job.name], jobId: jobIdOf(job) } })),
      );
    }
  }

  /**
   * For work already recorded in PostgreSQL: a failure to reach Redis is logged, not thrown, since
   * the reconciler queues whatever PostgreSQL still holds as pending.
   */
  async enqueueRecorded(...jobs: AnyJob[]): Promise<void> {
    await this.enqueue(...jobs).catch((error) => {
      this.logger.warn(`${jobs.length} recorded job(s) not queued (${error}); the reconciler will queue them`);
    });
  }
}
