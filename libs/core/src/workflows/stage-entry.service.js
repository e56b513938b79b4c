"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StageEntryService = void 0;
const common_1 = require("@nestjs/common");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
/**
 * Creates the tasks of a stage for reports that have just entered it, in the caller's transaction.
 * One task per holder of the stage's role at its scope unit; a report with nobody eligible is
 * flagged and audited instead of silently waiting.
 */
let StageEntryService = class StageEntryService {
    async enter(em, plan, workflow, stageKey, reports) {
        if (stageKey === domain_1.DONE_STAGE || reports.length === 0)
            return;
        const stage = (0, domain_1.findStage)(workflow, stageKey);
        if (!stage)
            throw new Error(`Stage ${stageKey} is not in ${workflow.key} v${workflow.version}`);
        if (stage.kind === 'consolidation')
            return this.openConsolidationRound(em, plan, stage);
        const scopeOf = new Map(reports.map((r) => [r.id, (0, domain_1.scopeUnitId)(stage.scope, { unitId: r.unitId, parentId: r.parentId, rootId: plan.rootUnitId })]));
        const holders = await this.holdersByUnit(em, [...new Set(scopeOf.values())], stage.role);
        const tasks = reports.flatMap((r) => (holders.get(scopeOf.get(r.id)) ?? []).map((assigneeId) => ({ report: r, assigneeId, dueAt: (0, domain_1.dueAtFor)(plan.deadlines, r.unitKind, stage.key) })));
        await this.insertTasks(em, plan, stage, tasks.map((t) => ({ reportId: t.report.id, unitId: t.report.unitId, scopeUnitId: scopeOf.get(t.report.id), round: t.report.round, assigneeId: t.assigneeId, dueAt: t.dueAt })));
        const unassigned = reports.filter((r) => !holders.has(scopeOf.get(r.id)));
        await this.flagUnassigned(em, plan, stage, unassigned, scopeOf);
    }
    /** The root's consolidators hold one task per plan; a round opens when none is open. */
    async openConsolidationRound(em, plan, stage) {
        const [locked] = await em.query(`SELECT consolidation_round, root_unit_id FROM plans WHERE id = $1 FOR UPDATE`, [plan.id]);
        const open = await em.query(`SELECT 1 FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND state = 'open' LIMIT 1`, [plan.id, stage.key]);
        if (open.length > 0)
            return;
        const round = locked.consolidation_round + 1;
        await em.query(`UPDATE plans SET consolidation_round = $2, updated_at = now() WHERE id = $1`, [plan.id, round]);
        const holders = await this.holdersByUnit(em, [plan.rootUnitId], stage.role);
        const rootKind = await em.query(`SELECT kind FROM org_units WHERE id = $1`, [plan.rootUnitId]);
        const dueAt = (0, domain_1.dueAtFor)(plan.deadlines, rootKind[0].kind, stage.key);
        const assignees = holders.get(plan.rootUnitId) ?? [];
        await this.insertTasks(em, plan, stage, assignees.map((assigneeId) => ({ reportId: null, unitId: plan.rootUnitId, scopeUnitId: plan.rootUnitId, round, assigneeId, dueAt })));
        if (assignees.length === 0) {
            await (0, dal_1.appendAuditEvents)(em, [{ actorId: null, actor: 'system', action: 'stage_unassigned', planId: plan.id, toStage: stage.key, comment: `Không có ai giữ vai trò ${stage.role} tại đơn vị gốc` }]);
        }
    }
    async holdersByUnit(em, unitIds, role) {
        const rows = await em.query(`SELECT unit_id, user_id FROM role_assignments WHERE unit_id = ANY($1::uuid[]) AND role = $2 ORDER BY user_id`, [unitIds, role]);
        const byUnit = new Map();
        for (const row of rows)
            byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.user_id]);
        return byUnit;
    }
    async insertTasks(em, plan, stage, tasks) {
        for (let start = 0; start < tasks.length; start += 2000) {
            const chunk = tasks.slice(start, start + 2000);
            await em.query(`INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
         SELECT $1, t.report_id, t.unit_id, t.scope_unit_id, t.round, t.assignee_id, t.due_at, $2, $3, $4
           FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::int[], $9::uuid[], $10::timestamptz[])
             AS t(report_id, unit_id, scope_unit_id, round, assignee_id, due_at)
         ON CONFLICT DO NOTHING`, [
                plan.id, stage.key, stage.kind, stage.role,
                chunk.map((t) => t.reportId), chunk.map((t) => t.unitId), chunk.map((t) => t.scopeUnitId),
                chunk.map((t) => t.round), chunk.map((t) => t.assigneeId), chunk.map((t) => t.dueAt),
            ]);
        }
    }
    async flagUnassigned(em, plan, stage, reports, scopeOf) {
        if (reports.length === 0)
            return;
        await em.query(`UPDATE reports SET unassigned = true WHERE id = ANY($1::uuid[])`, [reports.map((r) => r.id)]);
        const events = reports.map((r) => ({
            actorId: null, actor: 'system', action: 'stage_unassigned', planId: plan.id, reportId: r.id, toStage: stage.key,
            comment: `Không có ai giữ vai trò ${stage.role} tại đơn vị thực hiện bước này`, data: { role: stage.role, scopeUnitId: scopeOf.get(r.id) },
        }));
        await (0, dal_1.appendAuditEvents)(em, events);
    }
};
exports.StageEntryService = StageEntryService;
exports.StageEntryService = StageEntryService = __decorate([
    (0, common_1.Injectable)()
], StageEntryService);
//# sourceMappingURL=stage-entry.service.js.map