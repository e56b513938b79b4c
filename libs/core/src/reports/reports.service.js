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
exports.ReportsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const access_service_1 = require("../org/access.service");
const report_view_1 = require("./report-view");
/** Reading reports, and the drafters' edits while a report is in drafting. */
let ReportsService = class ReportsService {
    db;
    access;
    constructor(db, access) {
        this.db = db;
        this.access = access;
    }
    /** Reports the caller may see: all for admins, else those on or below a unit they hold a role on. */
    async list(userId, filter) {
        const admin = await this.access.isAdmin(userId);
        const rows = await this.db.query(`SELECT r.id, r.plan_id, r.unit_id, u.code AS unit_code, u.name AS unit_name, r.stage, r.workflow_version, r.round,
              r.returned_count, r.last_return_reason, r.indicators, r.unassigned, r.updated_at
         FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE ($1::uuid IS NULL OR r.plan_id = $1) AND ($2::uuid IS NULL OR r.unit_id = $2) AND ($3::varchar IS NULL OR r.stage = $3)
          AND ($4 OR u.ancestor_ids && ARRAY(SELECT unit_id FROM role_assignments WHERE user_id = $5))
        ORDER BY u.depth, u.code`, [filter.planId ?? null, filter.unitId ?? null, filter.stage ?? null, admin, userId]);
        return rows.map(report_view_1.toReportSummary);
    }
    async get(id, userId) {
        const row = await this.load(id);
        await this.access.assertCanSeeUnit(userId, row.unit_id);
        return (0, report_view_1.toReportView)(row);
    }
    async load(id, em = this.db.manager, lock = false) {
        const [row] = await em.query(`${report_view_1.REPORT_SELECT} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]);
        if (!row)
            throw (0, domain_1.notFound)('Report', id);
        return row;
    }
    async updateSection(id, key, parts, actor) {
        return this.editDraft(id, actor, async (em, row) => {
            if (!row.outline.some((s) => s.key === key))
                throw (0, domain_1.notFound)('Section', key);
            const merged = { ...row.sections, [key]: { ...(row.sections[key] ?? {}), ...parts } };
            await em.query(`UPDATE reports SET sections = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, JSON.stringify(merged)]);
            return { action: 'edit_section', data: { section: key, parts: Object.keys(parts) } };
        });
    }
    async updateIndicators(id, values, actor) {
        return this.editDraft(id, actor, async (em, row) => {
            const [plan] = await em.query(`SELECT indicator_names FROM plans WHERE id = $1`, [row.plan_id]);
            const unknown = Object.keys(values).filter((name) => !plan.indicator_names.includes(name));
            if (unknown.length)
                throw (0, domain_1.invalid)(`Unknown indicators: ${unknown.join(', ')}; the plan has ${plan.indicator_names.join(', ')}`);
            const merged = { ...row.indicators, ...values };
            await em.query(`UPDATE reports SET indicators = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, JSON.stringify(merged)]);
            return { action: 'edit_indicators', data: { indicators: values } };
        });
    }
    /** The content as submitted, oldest first: what each approval was given to approve. */
    async snapshots(id, userId) {
        const row = await this.load(id);
        await this.access.assertCanSeeUnit(userId, row.unit_id);
        const snapshots = await this.db.query(`SELECT s.seq, s.round, s.sections, s.indicators, s.submitted_at AS "submittedAt", u.username AS "submittedBy"
         FROM report_snapshots s LEFT JOIN users u ON u.id = s.submitted_by WHERE s.report_id = $1 ORDER BY s.seq`, [id]);
        return snapshots;
    }
    async events(id, userId) {
        const row = await this.load(id);
        await this.access.assertCanSeeUnit(userId, row.unit_id);
        return this.db.query(`SELECT at, actor, action, from_stage AS "fromStage", to_stage AS "toStage", comment, task_id AS "taskId"
         FROM audit_events WHERE report_id = $1 ORDER BY id`, [id]);
    }
    /**
     * Edits by the unit's drafters, only while the report is in a draft stage and not yet submitted
     * (a submitted decision waiting in the queue freezes the content that was submitted).
     */
    async editDraft(id, actor, edit) {
        await (0, dal_1.inTransaction)(this.db, async (em) => {
            const row = await this.load(id, em, true);
            await this.assertDrafterInDrafting(em, row, actor);
            const { action, data } = await edit(em, row);
            await (0, dal_1.appendAuditEvents)(em, [{ actorId: actor.id, actor: actor.username, action, planId: row.plan_id, reportId: id, fromStage: row.stage, data }]);
        });
        return (0, report_view_1.toReportView)(await this.load(id));
    }
    async assertDrafterInDrafting(em, row, actor) {
        const [drafter] = await em.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND unit_id = $2 AND role = 'drafter'`, [actor.id, row.unit_id]);
        if (!drafter)
            throw (0, domain_1.forbidden)(`Only a drafter of ${row.unit_code} may change its report`);
        const open = await em.query(`SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND kind = 'draft' AND state = 'open' LIMIT 1`, [row.id, row.stage, row.round]);
        if (open.length === 0)
            throw (0, domain_1.conflict)(`Report is in ${row.stage}, not open for drafting`);
    }
};
exports.ReportsService = ReportsService;
exports.ReportsService = ReportsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        access_service_1.AccessService])
], ReportsService);
//# sourceMappingURL=reports.service.js.map