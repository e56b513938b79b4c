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
var DecisionApplier_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.DecisionApplier = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const workflows_service_1 = require("../workflows/workflows.service");
const stage_entry_service_1 = require("../workflows/stage-entry.service");
const consolidation_completion_service_1 = require("../consolidation/consolidation-completion.service");
/**
 * Applies a decision recorded on a task: decides the stage from every vote of its round and, when
 * resolved, moves the report in one transaction guarded by the report's version. Safe to run twice:
 * a task already applied, or of an earlier round, changes nothing.
 */
let DecisionApplier = DecisionApplier_1 = class DecisionApplier {
    db;
    workflows;
    stageEntry;
    consolidation;
    logger = new common_1.Logger(DecisionApplier_1.name);
    constructor(db, workflows, stageEntry, consolidation) {
        this.db = db;
        this.workflows = workflows;
        this.stageEntry = stageEntry;
        this.consolidation = consolidation;
    }
    async apply(taskId) {
        return (0, dal_1.inTransaction)(this.db, async (em) => {
            const task = await em.getRepository(dal_1.TaskEntity).findOneBy({ id: taskId });
            if (!task || task.state !== 'completed')
                return 'stale';
            if (task.appliedAt)
                return 'already-applied';
            if (task.reportId === null)
                return this.consolidation.complete(em, task);
            return this.applyToReport(em, task);
        });
    }
    async applyToReport(em, task) {
        const [report] = await em.query(`SELECT r.id, r.plan_id, r.unit_id, u.parent_id, u.kind, r.stage, r.round, r.version, r.workflow_version
         FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1 FOR UPDATE OF r`, [task.reportId]);
        if (report.round !== task.round || report.stage !== task.stage) {
            await this.markApplied(em, [task.id]);
            return 'stale';
        }
        const workflow = await this.workflows.get((await this.plan(em, report.plan_id)).workflowKey, report.workflow_version, em);
        const stage = (0, domain_1.findStage)(workflow, report.stage);
        const votes = await em.query(`SELECT id, state, decision, comment FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 ORDER BY completed_at NULLS LAST`, [report.id, report.stage, report.round]);
        const tally = {
            assigned: votes.filter((v) => v.state !== 'cancelled').length,
            approvals: votes.filter((v) => v.decision === 'approve' || v.decision === 'submit').length,
            returns: votes.filter((v) => v.decision === 'return').length,
        };
        const rule = stage.kind === 'draft' ? { type: 'any' } : stage.rule;
        const outcome = (0, domain_1.decideStage)(rule, tally);
        const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
        if (outcome === 'pending' || outcome === 'unassigned') {
            await this.markApplied(em, decided);
            return 'pending';
        }
        const returned = outcome === 'returned';
        const reason = returned ? votes.find((v) => v.decision === 'return').comment : null;
        const toStage = returned ? (0, domain_1.returnStageKey)(workflow, stage.key) : (0, domain_1.nextStageKey)(workflow, stage.key);
        await this.move(em, report, workflow, toStage, { actorTaskId: task.id, actorId: task.assigneeId, reason, returned });
        await this.markApplied(em, decided);
        return 'applied';
    }
    /** Moves one report to `toStage`: cancels the stage's open tasks, bumps round and version, audits, enters. */
    async move(em, report, workflow, toStage, cause) {
        await em.query(`UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
        WHERE report_id = $1 AND stage = $2 AND round = $3 AND state = 'open'`, [report.id, report.stage, report.round]);
        const updated = await em.query(`UPDATE reports SET stage = $2, round = round + 1, version = version + 1, unassigned = false, stage_entered_at = now(), updated_at = now(),
              returned_count = returned_count + $4, last_return_reason = COALESCE($5, last_return_reason)
        WHERE id = $1 AND version = $3 RETURNING round`, [report.id, toStage, report.version, cause.returned ? 1 : 0, cause.reason]);
        if (updated[0].length === 0)
            throw new Error(`Report ${report.id} changed under its lock (version ${report.version})`);
        const [actor] = await em.query(`SELECT username FROM users WHERE id = $1`, [cause.actorId]);
        await (0, dal_1.appendAuditEvents)(em, [{
                actorId: cause.actorId, actor: actor?.username ?? 'system', action: 'transition', planId: report.plan_id, reportId: report.id,
                taskId: cause.actorTaskId, fromStage: report.stage, toStage, comment: cause.reason,
            }]);
        const plan = await this.plan(em, report.plan_id);
        const round = updated[0][0].round;
        await this.stageEntry.enter(em, plan, workflow, toStage, [{ id: report.id, unitId: report.unit_id, parentId: report.parent_id, unitKind: report.kind, round }]);
        if (toStage === domain_1.DONE_STAGE)
            this.logger.log(`Report ${report.id} is done`);
    }
    async plan(em, planId) {
        return em.getRepository(dal_1.PlanEntity).findOneByOrFail({ id: planId });
    }
    async markApplied(em, taskIds) {
        if (taskIds.length === 0)
            return;
        await em.query(`UPDATE tasks SET applied_at = now() WHERE id = ANY($1::uuid[]) AND applied_at IS NULL AND state = 'completed'`, [taskIds]);
    }
};
exports.DecisionApplier = DecisionApplier;
exports.DecisionApplier = DecisionApplier = DecisionApplier_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        workflows_service_1.WorkflowsService,
        stage_entry_service_1.StageEntryService,
        consolidation_completion_service_1.ConsolidationCompletion])
], DecisionApplier);
//# sourceMappingURL=decision-applier.service.js.map