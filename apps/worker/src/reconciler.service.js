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
var Reconciler_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.Reconciler = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const config_1 = require("../../../config/src/index.js");
const core_1 = require("../../../libs/core/src/index.js");
const jobs_1 = require("../../../libs/jobs/src/index.js");
const BATCH = 10_000;
/**
 * Redis keeps nothing on disk here: PostgreSQL holds every decision and launch until a worker has
 * applied it. On start and every few minutes, queue again whatever is still pending there; the
 * deterministic job ids and the idempotent processors make a repeat harmless.
 */
let Reconciler = Reconciler_1 = class Reconciler {
    db;
    queue;
    config;
    logger = new common_1.Logger(Reconciler_1.name);
    timer;
    constructor(db, queue, config) {
        this.db = db;
        this.queue = queue;
        this.config = config;
    }
    onApplicationBootstrap() {
        void this.reconcile(0);
        this.timer = setInterval(() => void this.reconcile(5_000), this.config.RECONCILE_INTERVAL_MS);
        this.timer.unref();
    }
    onApplicationShutdown() {
        clearInterval(this.timer);
    }
    /** Queues pending work older than `minAgeMs` (fresh decisions are normally queued by the API). */
    async reconcile(minAgeMs) {
        try {
            const decisions = await this.db.query(`SELECT id FROM tasks WHERE state = 'completed' AND applied_at IS NULL AND completed_at < now() - make_interval(secs => $1)
          ORDER BY completed_at LIMIT $2`, [minAgeMs / 1000, BATCH]);
            const launches = await this.db.query(`SELECT id FROM plans WHERE status = 'launching' AND updated_at < now() - make_interval(secs => $1)`, [minAgeMs / 1000]);
            const jobs = [
                ...launches.map((p) => ({ name: jobs_1.JobName.LaunchPlan, data: { planId: p.id } })),
                ...decisions.map((t) => ({ name: jobs_1.JobName.ApplyDecision, data: { taskId: t.id } })),
            ];
            if (jobs.length) {
                await this.queue.enqueue(...jobs);
                this.logger.log(`Re-queued ${launches.length} launch(es) and ${decisions.length} decision(s) pending in PostgreSQL`);
            }
            return jobs.length;
        }
        catch (error) {
            this.logger.warn(`Reconciliation failed, will retry: ${error.message}`);
            return 0;
        }
    }
};
exports.Reconciler = Reconciler;
exports.Reconciler = Reconciler = Reconciler_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        core_1.JobQueue,
        config_1.AppConfig])
], Reconciler);
//# sourceMappingURL=reconciler.service.js.map