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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubmissionService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const jobs_1 = require("../../../jobs/src/index.js");
const job_queue_1 = require("../queue/job-queue");
const reports_service_1 = require("./reports.service");
/**
 * Submitting a draft: checks the required sections, keeps a snapshot of the content, records the
 * decision on the drafter's task, then queues it; the worker moves the report.
 */
let SubmissionService = class SubmissionService {
    db;
    reports;
    queue;
    constructor(db, reports, queue) {
        this.db = db;
        this.reports = reports;
        this.queue = queue;
    }
    async submit(reportId, actor) {
        const result = await (0, dal_1.inTransaction)(this.db, async (em) => {
            const row = await this.reports.load(reportId, em, true);
            await this.reports.assertDrafterInDrafting(em, row, actor);
            const missing = (0, domain_1.missingSections)(row.outline, row.sections);
            if (missing.length)
                throw (0, domain_1.refused)(`Required sections are incomplete: ${missing.join(', ')}`, { missing });
            const [task] = await em.query(`SELECT id FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND assignee_id = $4 AND state = 'open' FOR UPDATE`, [reportId, row.stage, row.round, actor.id]);
            if (!task)
                throw (0, domain_1.conflict)('You hold no open drafting task for this report');
            await em.query(`UPDATE tasks SET state = 'completed', decision = 'submit', completed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [task.id]);
            const [snapshot] = await em.query(`INSERT INTO report_snapshots (report_id, seq, round, sections, indicators, submitted_by)
         SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5 FROM report_snapshots WHERE report_id = $1 RETURNING seq`, [reportId, row.round, JSON.stringify(row.sections), JSON.stringify(row.indicators), actor.id]);
            await (0, dal_1.appendAuditEvents)(em, [{
                    actorId: actor.id, actor: actor.username, action: 'submit', planId: row.plan_id, reportId, taskId: task.id,
                    fromStage: row.stage, data: { snapshot: snapshot.seq },
                }]);
            return { reportId, taskId: task.id, snapshot: snapshot.seq };
        });
        await this.queue.enqueueRecorded({ name: jobs_1.JobName.ApplyDecision, data: { taskId: result.taskId } });
        return result;
    }
};
exports.SubmissionService = SubmissionService;
exports.SubmissionService = SubmissionService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        reports_service_1.ReportsService,
        job_queue_1.JobQueue])
], SubmissionService);
//# sourceMappingURL=submission.service.js.map