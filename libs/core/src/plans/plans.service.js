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
exports.PlansService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const jobs_1 = require("../../../jobs/src/index.js");
const job_queue_1 = require("../queue/job-queue");
const workflows_service_1 = require("../workflows/workflows.service");
/** Plans: creation, deadlines, and the request to launch (the launch itself runs in the worker). */
let PlansService = class PlansService {
    db;
    workflows;
    queue;
    constructor(db, workflows, queue) {
        this.db = db;
        this.workflows = workflows;
        this.queue = queue;
    }
    async create(input, actor) {
        const [root] = await this.db.query(`SELECT id FROM org_units WHERE code = $1`, [input.rootUnit]);
        if (!root)
            throw (0, domain_1.invalid)(`rootUnit: no unit has code ${input.rootUnit}`);
        const workflow = await this.workflows.get(input.workflow ?? domain_1.DEFAULT_WORKFLOW_KEY).catch(() => {
            throw (0, domain_1.invalid)(`workflow: no workflow has key ${input.workflow}`);
        });
        assertDeadlinesFit(input.deadlines, workflow);
        const outline = input.outline ?? [...domain_1.DEFAULT_OUTLINE];
        const duplicate = outline.find((s, i) => outline.findIndex((o) => o.key === s.key) !== i);
        if (duplicate)
            throw (0, domain_1.invalid)(`outline: section key ${duplicate.key} appears twice`);
        return (0, dal_1.inTransaction)(this.db, async (em) => {
            const exists = await em.query(`SELECT 1 FROM plans WHERE code = $1`, [input.code]);
            if (exists.length)
                throw (0, domain_1.conflict)(`A plan with code ${input.code} already exists`);
            const plan = await em.getRepository(dal_1.PlanEntity).save(em.getRepository(dal_1.PlanEntity).create({
                code: input.code, title: input.title, issuedOn: input.issuedOn, term: input.term, basis: input.basis,
                rootUnitId: root.id, workflowKey: workflow.key, workflowVersion: workflow.version, outline,
                indicatorNames: input.indicators ?? [...domain_1.INDICATOR_NAMES], deadlines: input.deadlines, reminders: input.reminders,
                status: 'draft', consolidationRound: 0, createdBy: actor.id, version: 1,
            }));
            await (0, dal_1.appendAuditEvents)(em, [{ actorId: actor.id, actor: actor.username, action: 'plan.create', planId: plan.id, data: { code: plan.code } }]);
            return plan;
        });
    }
    async get(id, em = this.db.manager) {
        const plan = await em.getRepository(dal_1.PlanEntity).findOneBy({ id });
        if (!plan)
            throw (0, domain_1.notFound)('Plan', id);
        return plan;
    }
    /** Replaces the deadlines and moves the due date of every open task to match. */
    async updateDeadlines(id, deadlines, actor) {
        const plan = await this.get(id);
        assertDeadlinesFit(deadlines, await this.workflows.get(plan.workflowKey, plan.workflowVersion));
        await (0, dal_1.inTransaction)(this.db, async (em) => {
            await em.query(`SELECT 1 FROM plans WHERE id = $1 FOR UPDATE`, [id]);
            await em.query(`UPDATE plans SET deadlines = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, JSON.stringify(deadlines)]);
            await em.query(`UPDATE tasks t SET due_at = (p.deadlines -> u.kind ->> t.stage)::timestamptz, updated_at = now()
           FROM plans p, reports r, org_units u
          WHERE t.plan_id = $1 AND t.state = 'open' AND p.id = t.plan_id AND r.id = t.report_id AND u.id = r.unit_id`, [id]);
            await em.query(`UPDATE tasks t SET due_at = (p.deadlines -> u.kind ->> t.stage)::timestamptz, updated_at = now()
           FROM plans p, org_units u
          WHERE t.plan_id = $1 AND t.state = 'open' AND t.report_id IS NULL AND p.id = t.plan_id AND u.id = p.root_unit_id`, [id]);
            await (0, dal_1.appendAuditEvents)(em, [{ actorId: actor.id, actor: actor.username, action: 'plan.deadlines', planId: id, data: { deadlines } }]);
        });
        return this.get(id);
    }
    /** Records the launch and queues it; answers how many reports the launch creates. */
    async requestLaunch(id, actor) {
        const reports = await (0, dal_1.inTransaction)(this.db, async (em) => {
            const plan = await em.getRepository(dal_1.PlanEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!plan)
                throw (0, domain_1.notFound)('Plan', id);
            if (plan.status !== 'draft')
                throw (0, domain_1.conflict)(`Plan is ${plan.status}; only a draft plan can be launched`);
            await em.query(`UPDATE plans SET status = 'launching', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
            await (0, dal_1.appendAuditEvents)(em, [{ actorId: actor.id, actor: actor.username, action: 'plan.launch_requested', planId: id }]);
            const [count] = await em.query(`SELECT count(*)::int AS n FROM org_units WHERE $1 = ANY(ancestor_ids) AND id <> $1`, [plan.rootUnitId]);
            return count.n;
        });
        await this.queue.enqueueRecorded({ name: jobs_1.JobName.LaunchPlan, data: { planId: id } });
        return { reports, status: 'launching' };
    }
};
exports.PlansService = PlansService;
exports.PlansService = PlansService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        workflows_service_1.WorkflowsService,
        job_queue_1.JobQueue])
], PlansService);
/** Deadlines may only name unit kinds (checked by the DTO) and stages of the plan's workflow. */
function assertDeadlinesFit(deadlines, workflow) {
    const known = new Set([...workflow.stages.map((s) => s.key)]);
    const unknown = Object.entries(deadlines).flatMap(([kind, stages]) => Object.keys(stages ?? {}).filter((key) => !known.has(key) || key === domain_1.DONE_STAGE).map((key) => `${kind}.${key}`));
    if (unknown.length)
        throw (0, domain_1.invalid)(`deadlines: unknown stages ${unknown.join(', ')} for workflow ${workflow.key} v${workflow.version}`);
    const bad = Object.entries(deadlines).flatMap(([kind, stages]) => Object.entries(stages ?? {}).filter(([, value]) => typeof value !== 'string' || Number.isNaN(Date.parse(value))).map(([key]) => `${kind}.${key}`));
    if (bad.length)
        throw (0, domain_1.invalid)(`deadlines: not ISO 8601 dates: ${bad.join(', ')}`);
}
//# sourceMappingURL=plans.service.js.map