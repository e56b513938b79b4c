import { JobsOptions } from 'bullmq';

/** Every queue of the engine. Names only: the prefix (a Redis Cluster hash tag) comes from config. */
export const QueueName = Object.freeze({
  Transitions: 'transitions',
} as const);
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Every job name, and the queue that carries it. */
export const JobName = Object.freeze({
  LaunchPlan: 'plan.launch',
  ApplyDecision: 'decision.apply',
} as const);
export type JobName = (typeof JobName)[keyof typeof JobName];

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = Object.freeze({
  [JobName.LaunchPlan]: QueueName.Transitions,
  [JobName.ApplyDecision]: QueueName.Transitions,
});

/**
 * Retries, backoff and retention, set here once per job name. Approvals must not be swallowed:
 * a failing job retries with backoff and stays visible as failed; the reconciler re-enqueues what
 * PostgreSQL still holds as pending.
 */
export const JOB_OPTIONS: Readonly<Record<JobName, JobsOptions>> = Object.freeze({
  [JobName.LaunchPlan]: { attempts: 8, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 1000, removeOnFail: 5000 },
  [JobName.ApplyDecision]: { attempts: 8, backoff: { type: 'exponential', delay: 200 }, removeOnComplete: 5000, removeOnFail: 5000 },
});
