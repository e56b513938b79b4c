import { Queue } from 'bullmq';
import { E2eContext } from './harness';

/**
 * A plain BullMQ handle on one of the engine's queues under this file's prefix, for what the HTTP
 * contract cannot show (delayed jobs, job schedulers) and for adding jobs by hand. Close it after use.
 */
export function engineQueue(ctx: E2eContext, name: 'transitions' | 'reminders' | 'notifications'): Queue {
  return new Queue(name, {
    prefix: ctx.env.queuePrefix,
    connection: { host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379), maxRetriesPerRequest: null },
  });
}
