"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JOB_OPTIONS = exports.JOB_QUEUE = exports.JobName = exports.QueueName = void 0;
/** Every queue of the engine. Names only: the prefix (a Redis Cluster hash tag) comes from config. */
exports.QueueName = Object.freeze({
    Transitions: 'transitions',
});
/** Every job name, and the queue that carries it. */
exports.JobName = Object.freeze({
    LaunchPlan: 'plan.launch',
    ApplyDecision: 'decision.apply',
});
exports.JOB_QUEUE = Object.freeze({
    [exports.JobName.LaunchPlan]: exports.QueueName.Transitions,
    [exports.JobName.ApplyDecision]: exports.QueueName.Transitions,
});
/**
 * Retries, backoff and retention, set here once per job name. Approvals must not be swallowed:
 * a failing job retries with backoff and stays visible as failed; the reconciler re-enqueues what
 * PostgreSQL still holds as pending.
 */
exports.JOB_OPTIONS = Object.freeze({
    [exports.JobName.LaunchPlan]: { attempts: 8, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: 1000, removeOnFail: 5000 },
    [exports.JobName.ApplyDecision]: { attempts: 8, backoff: { type: 'exponential', delay: 200 }, removeOnComplete: 5000, removeOnFail: 5000 },
});
//# sourceMappingURL=queues.js.map