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
exports.PlanLauncher = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const stage_entry_service_1 = require("../workflows/stage-entry.service");
const workflows_service_1 = require("../workflows/workflows.service");
/**
 * Launches a plan in the worker: one report per unit under the root, each in the first stage with
 * its tasks, all in one transaction. A plan no longer `launching` is skipped, so a repeat is harmless.
 */
let PlanLauncher = class PlanLauncher {
    db;
    workflows;
    stageEntry;
    constructor(db, workflows, stageEntry) {
        this.db = db;
        this.workflows = workflows;
        this.stageEntry = stageEntry;
    }
    async launch(planId) {
        return (0, dal_1.inTransaction)(this.db, async (em) => {
            const plan = await em.getRepository(dal_1.PlanEntity).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } });
            if (!plan || plan.status !== 'launching')
                return 'skipped';
            const workflow = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
            const first = (0, domain_1.firstStage)(workflow);
            const reports = await em.query(`WITH created AS (
           INSERT INTO reports (plan_id, unit_id, stage, workflow_version)
           SELECT $1, u.id, $3, $4 FROM org_units u WHERE $2 = ANY(u.ancestor_ids) AND u.id <> $2
           ON CONFLICT (plan_id, unit_id) DO NOTHING
           RETURNING id, unit_id, round)
         SELECT c.id, c.unit_id, u.parent_id, u.kind, c.round FROM created c JOIN org_units u ON u.id = c.unit_id`, [plan.id, plan.rootUnitId, first.key, workflow.version]);
            await this.stageEntry.enter(em, plan, workflow, first.key, reports.map((r) => ({ id: r.id, unitId: r.unit_id, parentId: r.parent_id, unitKind: r.kind, round: r.round })));
            await em.query(`UPDATE plans SET status = 'launched', launched_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [plan.id]);
            await (0, dal_1.appendAuditEvents)(em, [
                { actorId: null, actor: 'system', action: 'plan.launch', planId: plan.id, toStage: first.key, data: { reports: reports.length } },
                ...reports.map((r) => ({ actorId: null, actor: 'system', action: 'launch', planId: plan.id, reportId: r.id, toStage: first.key })),
            ]);
            return 'launched';
        });
    }
};
exports.PlanLauncher = PlanLauncher;
exports.PlanLauncher = PlanLauncher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        workflows_service_1.WorkflowsService,
        stage_entry_service_1.StageEntryService])
], PlanLauncher);
//# sourceMappingURL=plan-launcher.service.js.map