import { JobOf } from './job-payloads';
import { JOB_QUEUE, JobName, JobsOfQueue, QueueName } from './queues';

/** What a handler may know of its job besides the payload: its attempts, to tell the last one. */
export interface JobAttempts {
  attemptsMade: number;
  opts: { attempts?: number };
}

/** A handler for every job of a queue: forgetting one does not compile. */
export type QueueHandlers<Q extends QueueName> = { [N in JobsOfQueue<Q>]: (data: JobOf<N>, job: JobAttempts) => Promise<unknown> };

export const isFinalAttempt = (job: JobAttempts): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/** Boot fails when a queue's processor lacks a handler (a check at run time as well as compile time). */
export function assertHandlesEveryJob<Q extends QueueName>(queue: Q, handlers: QueueHandlers<Q>): void {
  const missing = Object.values(JobName).filter((name) => JOB_QUEUE[name] === queue && !(name in handlers));
  if (missing.length) throw new Error(`No handler for jobs ${missing.join(', ')} of queue ${queue}`);
}

/** Runs the handler of a job by its name; an unknown name fails the job visibly. */
export async function dispatchJob<Q extends QueueName>(
  queue: Q,
  handlers: QueueHandlers<Q>,
  job: JobAttempts & { name: string; data: unknown },
): Promise<unknown> {
  const handler = (handlers as Record<string, (data: unknown, job: JobAttempts) => Promise<unknown>>)[job.name];
  if (!handler) throw new Error(`Unknown job ${job.name} on ${queue}`);
  return handler(job.data, job);
}
