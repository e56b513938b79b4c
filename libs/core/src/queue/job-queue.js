"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var JobQueue_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.JobQueue = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const jobs_1 = require("../../../jobs/src/index.js");
/**
 * Adds jobs of the typed catalogue with their deterministic id and the options set once per job
 * name. The caller has already made the work durable in PostgreSQL: a lost job is found again by
 * the reconciler.
 */
let JobQueue = JobQueue_1 = class JobQueue {
    transitions;
    logger = new common_1.Logger(JobQueue_1.name);
    constructor(transitions) {
        this.transitions = transitions;
    }
    async enqueue(...jobs) {
        for (let start = 0; start < jobs.length; start += 1000) {
            await this.transitions.addBulk(jobs.slice(start, start + 1000).map((job) => ({ name: job.name, data: job.data, opts: { ...jobs_1.JOB_OPTIONS[job.name], jobId: (0, jobs_1.jobIdOf)(job) } })));
        }
    }
    /**
     * For work already recorded in PostgreSQL: a failure to reach Redis is logged, not thrown, since
     * the reconciler queues whatever PostgreSQL still holds as pending.
     */
    async enqueueRecorded(...jobs) {
        await this.enqueue(...jobs).catch((error) => {
            this.logger.warn(`${jobs.length} recorded job(s) not queued (${error}); the reconciler will queue them`);
        });
    }
};
exports.JobQueue = JobQueue;
exports.JobQueue = JobQueue = JobQueue_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(jobs_1.QueueName.Transitions)),
    __metadata("design:paramtypes", [bullmq_2.Queue])
], JobQueue);
//# sourceMappingURL=job-queue.js.map