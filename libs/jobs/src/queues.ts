import { JobsOptions } from 'bullmq';

/** Every queue of the engine. Names only: the prefix (a Redis Cluster hash tag) comes from config. */
export const QueueName = Object.freeze({
  Transitions: 'transitions',
  /** Delayed reminders, escalations and the daily digest: many waiting jobs, kept off the transitions queue. */
  Reminders: 'reminders',
  /** E-mails to send, with retries and backoff. */
  Notifications: 'notifications',
  /** One flow per consolidating unit: a parent job over one child job per report it gathers. */
  Consolidation: 'consolidation',
  /** Org imports: minutes of password hashing each, kept off the transitions queue and run one at a time. */
  Imports: 'imports',
} as const);
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Every job name, and the queue that carries it. */
export const JobName = Object.freeze({
  LaunchPlan: 'plan.launch',
  ApplyDecision: 'decision.apply',
  ReevaluateStage: 'stage.reevaluate',
  RunMigration: 'migration.run',
  FireReminder: 'reminder.fire',
  FireEscalation: 'escalation.fire',
  DailyDigest: 'digest.daily',
  SendEmail: 'email.send',
  SendPasswordLink: 'password-link.send',
  CollectConsolidation: 'consolidation.collect',
  RescheduleConsolidation: 'consolidation.reschedule',
  ConsolidationChild: 'consolidation.child',
  ImportOrg: 'org.import',
} as const);
export type JobName = (typeof JobName)[keyof typeof JobName];

export const JOB_QUEUE = Object.freeze({
  [JobName.LaunchPlan]: QueueName.Transitions,
  [JobName.ApplyDecision]: QueueName.Transitions,
  [JobName.ReevaluateStage]: QueueName.Transitions,
  [JobName.RunMigration]: QueueName.Transitions,
  [JobName.FireReminder]: QueueName.Reminders,
  [JobName.FireEscalation]: QueueName.Reminders,
  [JobName.DailyDigest]: QueueName.Reminders,
  [JobName.SendEmail]: QueueName.Notifications,
  [JobName.SendPasswordLink]: QueueName.Notifications,
  [JobName.CollectConsolidation]: QueueName.Consolidation,
  [JobName.RescheduleConsolidation]: QueueName.Consolidation,
  [JobName.ConsolidationChild]: QueueName.Consolidation,
  [JobName.ImportOrg]: QueueName.Imports,
} as const) satisfies Readonly<Record<JobName, QueueName>>;

/** The job names a queue carries. */
export type JobsOfQueue<Q extends QueueName> = { [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never }[JobName];

/**
 * Retries, backoff and retention, set here once per job name. Approvals must not be swallowed:
 * a failing job retries with backoff and stays visible as failed; the reconciler re-enqueues what
 * PostgreSQL still holds as pending.
 */
export const JOB_OPTIONS: Readonly<Record<JobName, JobsOptions>> = Object.freeze({
  [JobName.LaunchPlan]: { attempts: 8, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 1000, removeOnFail: 5000 },
  [JobName.ApplyDecision]: { attempts: 8, backoff: { type: 'exponential', delay: 200 }, removeOnComplete: 5000, removeOnFail: 5000 },
  // Ids carry the change that caused them, so each change gets its own decision; kept briefly.
  [JobName.ReevaluateStage]: { attempts: 8, backoff: { type: 'exponential', delay: 200 }, removeOnComplete: true, removeOnFail: 5000 },
  // A long batch: retried with backoff; each report is its own transaction, so a retry resumes.
  [JobName.RunMigration]: { attempts: 20, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 },
  [JobName.FireReminder]: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 5000 },
  [JobName.FireEscalation]: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 5000 },
  [JobName.DailyDigest]: { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100, removeOnFail: 100 },
  // An SMTP server that is down for a while must not lose mail: long exponential backoff.
  [JobName.SendEmail]: { attempts: 10, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: 10000 },
  // The same for a set-password link: each attempt makes a new token, so only the e-mail that arrives works.
  [JobName.SendPasswordLink]: { attempts: 10, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: 10000 },
  // Kept when done: a flow's parent reads that its children completed, and the reconciler knows them.
  [JobName.CollectConsolidation]: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
  [JobName.ConsolidationChild]: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
  [JobName.RescheduleConsolidation]: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 1000 },
  // A refusal (no admin would remain, a cycle) ends the import as failed without a retry; these are for PostgreSQL or a worker going away.
  [JobName.ImportOrg]: { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 100, removeOnFail: 1000 },
});

/**
 * Worker settings per queue. A job whose worker died (SIGKILL, lost machine) keeps its lock until
 * it expires; a short lock and a frequent stalled-job check give it to another worker within
 * seconds. Live workers renew the lock every half period. `metrics` keeps BullMQ's per-minute counts
 * of completed and failed jobs in Redis, which /metrics reads for every worker at once.
 */
const METRICS = { maxDataPoints: 60 * 24 * 7 };
export const WORKER_OPTIONS = Object.freeze({
  // Started by its processor once WORKER_CONCURRENCY (a setting) is applied: a running worker takes a
  // new concurrency only after the job in hand finishes, which a slow first job could delay for long.
  [QueueName.Transitions]: { autorun: false, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5, metrics: METRICS },
  // Many in flight so that reminders due together meet in one batch (see ReminderFirer).
  [QueueName.Reminders]: { concurrency: 200, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5, metrics: METRICS },
  [QueueName.Notifications]: { concurrency: 8, lockDuration: 30_000, stalledInterval: 10_000, maxStalledCount: 3, metrics: METRICS },
  [QueueName.Consolidation]: { concurrency: 50, lockDuration: 30_000, stalledInterval: 10_000, maxStalledCount: 5, metrics: METRICS },
  // One import at a time per worker: its hashing already has ORG_IMPORT_HASH_CONCURRENCY threads.
  [QueueName.Imports]: { concurrency: 1, lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3, metrics: METRICS },
} as const);
