"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jobIdOf = jobIdOf;
const queues_1 = require("./queues");
/** Deterministic ids: enqueuing the same work twice yields one job while the first is kept. */
function jobIdOf(job) {
    switch (job.name) {
        case queues_1.JobName.LaunchPlan:
            return `launch-${job.data.planId}`;
        case queues_1.JobName.ApplyDecision:
            return `decision-${job.data.taskId}`;
    }
}
//# sourceMappingURL=job-payloads.js.map