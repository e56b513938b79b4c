import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AnyJob, JOB_OPTIONS, JOB_QUEUE, jobIdOf, QueueName } from '@app/jobs';
import { OrphanedJobs } from './orphaned-jobs';

/** A job with the time it must run at, for reminders and escalations; without one it runs at once. */
export type DelayedJob = AnyJob & { fireAt?: Date };

/**
 * Adds jobs of the typed catalogue to their queue, with their deterministic id and the options set
 * once per job name. The caller has already made the work durable in PostgreSQL: a lost job is
 * found again by a reconciler.
 */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Transitions) transitions: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Consolidation) consolidation: Queue,
    @InjectQueue(QueueName.Imports) imports: Queue,
  ) {
    this.queues = {
      [QueueName.Transitions]: transitions,
      [QueueName.Reminders]: reminders,
      [QueueName.Notifications]: notifications,
      [QueueName.Consolidation]: consolidation,
      [QueueName.Imports]: imports,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue(...jobs: DelayedJob[]): Promise<void> {
    for (const name of Object.values(QueueName)) {
      const mine = jobs.filter((job) => JOB_QUEUE[job.name] === name);
      // addBulk in chunks of about a thousand: faster than one huge call (spec/performance.md).
      for (let start = 0; start < mine.length; start += 1000) {
        // The delay is taken just before each chunk is added, so adding many chunks does not make later jobs late.
        const now = Date.now();
        await this.queues[name].addBulk(mine.slice(start, start + 1000).map((job) => ({ name: job.name, data: job.data, opts: optionsOf(job, now) })));
      }
    }
  }

  /**
   * The jobs Redis does not hold (under their deterministic ids): what a reconciler must add again.
   * One pipelined EXISTS per job, so checking a hundred thousand is cheap next to adding them.
   */
  async missing<J extends AnyJob>(jobs: J[]): Promise<J[]> {
    const found: J[] = [];
    for (const name of Object.values(QueueName)) {
      const mine = jobs.filter((job) => JOB_QUEUE[job.name] === name);
      if (mine.length === 0) continue;
      const backend = this.queues[name].getBackend();
      const client = await backend.client;
      for (let start = 0; start < mine.length; start += 5000) {
        const chunk = mine.slice(start, start + 5000);
        const pipeline = client.pipeline();
        for (const job of chunk) pipeline.runCommand('exists', [backend.toKey(jobIdOf(job))]);
        const answers = (await pipeline.exec()) ?? [];
        chunk.forEach((job, i) => (answers[i]?.[1] === 0 ? found.push(job) : undefined));
      }
    }
    return found;
  }

  /**
   * Adds again work PostgreSQL says is still to do, clearing first what Redis holds under the same
   * id but will never run: a job kept as completed or failed (its last attempt failed, or a worker
   * died under it once too often), or a job hash left behind by a partial loss of Redis's keys and
   * listed nowhere. BullMQ ignores an add whose id exists, so without this such work stayed undone
   * for good. A job left active by an engine that is gone goes back to waiting (OrphanedJobs).
   * Jobs waiting, delayed or active under a live worker are left alone; the processors are
   * idempotent, so a job that finished just before is only run once more to no effect.
   */
  async requeue(...jobs: AnyJob[]): Promise<number> {
    let cleared = 0;
    const orphans = new OrphanedJobs();
    for (const job of jobs) {
      const queue = this.queues[JOB_QUEUE[job.name]];
      const existing = await queue.getJob(jobIdOf(job));
      if (!existing) continue;
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed' || state === 'unknown') {
        await existing.remove().then(
          () => (cleared += 1),
          () => undefined,
        );
      } else if (state === 'active' && (await orphans.release(queue, existing))) {
        cleared += 1;
      }
    }
    await this.enqueue(...jobs);
    return cleared;
  }

  /** Removes waiting or delayed jobs that no longer apply; a job already gone is fine. */
  async removeIfPresent(...jobs: AnyJob[]): Promise<void> {
    await Promise.all(jobs.map((job) => this.queues[JOB_QUEUE[job.name]].remove(jobIdOf(job)).catch(() => 0)));
  }
}

function optionsOf(job: DelayedJob, now: number): JobsOptions {
  const delay = job.fireAt ? Math.max(0, job.fireAt.getTime() - now) : 0;
  return { ...JOB_OPTIONS[job.name], jobId: jobIdOf(job), ...(delay > 0 ? { delay } : {}) };
}
