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
exports.ProgressService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
const clock_1 = require("../common/clock");
const plans_service_1 = require("./plans.service");
/** Where every report of a plan stands: counts per stage, the overdue, and the stuck. */
let ProgressService = class ProgressService {
    db;
    plans;
    clock;
    constructor(db, plans, clock) {
        this.db = db;
        this.plans = plans;
        this.clock = clock;
    }
    async progress(planId) {
        const plan = await this.plans.get(planId);
        const rows = await this.db.query(`SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind, u.depth, u.parent_id, r.id AS report_id, r.stage,
                (p.deadlines -> u.kind ->> r.stage)::timestamptz AS due_at, r.unassigned, r.returned_count
           FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans p ON p.id = r.plan_id
          WHERE r.plan_id = $1 ORDER BY u.depth, u.code`, [planId]);
        const now = this.clock.now();
        const units = rows.map((r) => ({
            unitId: r.unit_id, unitCode: r.unit_code, unitName: r.unit_name, kind: r.kind, parentId: r.parent_id, reportId: r.report_id,
            stage: r.stage, dueAt: r.due_at, overdue: (0, domain_1.isOverdue)(r.due_at, now, r.stage === domain_1.DONE_STAGE), unassigned: r.unassigned, returnedCount: r.returned_count,
        }));
        const byStage = {};
        for (const unit of units)
            byStage[unit.stage] = (byStage[unit.stage] ?? 0) + 1;
        const consolidation = await this.db.query(`SELECT stage, round, count(*) FILTER (WHERE state = 'open')::int AS open FROM tasks
        WHERE plan_id = $1 AND report_id IS NULL GROUP BY stage, round ORDER BY round DESC LIMIT 1`, [planId]);
        return {
            planId, status: plan.status, total: units.length, byStage,
            overdue: units.filter((u) => u.overdue).length,
            unassigned: units.filter((u) => u.unassigned).map((u) => ({ unitCode: u.unitCode, reportId: u.reportId, stage: u.stage })),
            consolidation: consolidation[0] ?? null,
            units,
        };
    }
};
exports.ProgressService = ProgressService;
exports.ProgressService = ProgressService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        plans_service_1.PlansService,
        clock_1.Clock])
], ProgressService);
//# sourceMappingURL=progress.service.js.map