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
exports.ConsolidationService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
const access_service_1 = require("../org/access.service");
const plans_service_1 = require("../plans/plans.service");
/**
 * The merge of the reports included so far under a consolidating unit (the root by default):
 * those approved by the committee above, i.e. waiting at or past consolidation.
 */
let ConsolidationService = class ConsolidationService {
    db;
    plans;
    access;
    constructor(db, plans, access) {
        this.db = db;
        this.plans = plans;
        this.access = access;
    }
    async consolidated(planId, userId, unitCode) {
        const plan = await this.plans.get(planId);
        const [unit] = unitCode
            ? await this.db.query(`SELECT id, code FROM org_units WHERE code = $1 AND $2 = ANY(ancestor_ids)`, [unitCode, plan.rootUnitId])
            : await this.db.query(`SELECT id, code FROM org_units WHERE id = $1`, [plan.rootUnitId]);
        if (!unit)
            throw (0, domain_1.notFound)('Unit in this plan', unitCode ?? plan.rootUnitId);
        if (!(await this.canRead(userId, unit.id)))
            throw (0, domain_1.forbidden)('Only the consolidating unit, its reviewers and admins read its consolidation');
        const rows = await this.db.query(`SELECT r.id, u.code, r.stage, r.sections, r.indicators FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND $2 = ANY(u.ancestor_ids) AND u.id <> $2 ORDER BY u.code`, [planId, unit.id]);
        const includedStages = await this.includedStages(plan.workflowKey, plan.workflowVersion);
        const included = rows.filter((r) => includedStages.has(r.stage));
        const merged = (0, domain_1.consolidate)(plan.outline, included.map((r) => ({ reportId: r.id, unitCode: r.code, sections: r.sections, indicators: r.indicators })));
        return {
            unitCode: unit.code,
            included: merged.included,
            missing: rows.filter((r) => !includedStages.has(r.stage)).map((r) => r.code),
            sections: merged.sections,
            indicators: merged.indicators,
        };
    }
    /** Consolidation and every stage after it, and done. */
    async includedStages(key, version) {
        const [row] = await this.db.query(`SELECT stages FROM workflow_definitions WHERE key = $1 AND version = $2`, [key, version]);
        const stages = row.stages;
        const from = stages.findIndex((s) => s.kind === 'consolidation');
        return new Set([...(from < 0 ? [] : stages.slice(from).map((s) => s.key)), domain_1.DONE_STAGE]);
    }
    async canRead(userId, unitId) {
        if (await this.access.isAdmin(userId))
            return true;
        const rows = await this.db.query(`SELECT 1 FROM role_assignments r JOIN org_units u ON u.id = $2
        WHERE r.user_id = $1 AND r.unit_id = ANY(u.ancestor_ids) AND r.role IN ('consolidator', 'reviewer', 'approver') LIMIT 1`, [userId, unitId]);
        return rows.length > 0;
    }
};
exports.ConsolidationService = ConsolidationService;
exports.ConsolidationService = ConsolidationService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        plans_service_1.PlansService,
        access_service_1.AccessService])
], ConsolidationService);
//# sourceMappingURL=consolidation.service.js.map