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
var TransitionsProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.TransitionsProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const config_1 = require("../../../config/src/index.js");
const core_1 = require("../../../libs/core/src/index.js");
const jobs_1 = require("../../../libs/jobs/src/index.js");
/** Applies stage transitions: loads rows, lets the domain decide, persists; PostgreSQL decides what is true. */
let TransitionsProcessor = TransitionsProcessor_1 = class TransitionsProcessor extends bullmq_1.WorkerHost {
    config;
    logger = new common_1.Logger(TransitionsProcessor_1.name);
    handlers;
    constructor(config, launcher, decisions) {
        super();
        this.config = config;
        this.handlers = {
            [jobs_1.JobName.LaunchPlan]: (data) => launcher.launch(data.planId),
            [jobs_1.JobName.ApplyDecision]: (data) => decisions.apply(data.taskId),
        };
        const missing = Object.values(jobs_1.JobName).filter((name) => jobs_1.JOB_QUEUE[name] === jobs_1.QueueName.Transitions && !(name in this.handlers));
        if (missing.length)
            throw new Error(`No handler for jobs ${missing.join(', ')}`);
    }
    onApplicationBootstrap() {
        this.worker.concurrency = this.config.WORKER_CONCURRENCY;
    }
    async process(job) {
        const handler = this.handlers[job.name];
        if (!handler)
            throw new Error(`Unknown job ${job.name} on ${jobs_1.QueueName.Transitions}`);
        const outcome = await handler(job.data);
        this.logger.debug(`${job.name} ${job.id}: ${outcome}`);
        return outcome;
    }
};
exports.TransitionsProcessor = TransitionsProcessor;
exports.TransitionsProcessor = TransitionsProcessor = TransitionsProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(jobs_1.QueueName.Transitions),
    __metadata("design:paramtypes", [config_1.AppConfig,
        core_1.PlanLauncher,
        core_1.DecisionApplier])
], TransitionsProcessor);
//# sourceMappingURL=transitions.processor.js.map