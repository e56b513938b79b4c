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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConsolidationCompletion = void 0;
const common_1 = require("@nestjs/common");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const stage_entry_service_1 = require("../workflows/stage-entry.service");
const workflows_service_1 = require("../workflows/workflows.service");
/**
 * Completing the plan's consolidation task moves every report waiting at consolidation on (to
 * `done` in the default workflow), each with its own transition event; the plan is completed when
 * no report is left outside `done`.
 */
let ConsolidationCompletion = class ConsolidationCompletion {
    workflows;
    stageEntry;
    constructor(workflows, stageEntry) {
        this.workflows = workflows;
        this.stageEntry = stageEntry;
    }
    async complete(em, task) {
        const plan = await em.getRepository(dal_1.PlanEntity).findOneOrFail({ where: { id: task.planId }, lock: { mode: 'pessimistic_write' } });
        const votes = await em.query(`SELECT id, state, decision FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND round = $3`, [plan.id, task.stage, task.round]);
        const latest = await this.workflows.get(plan.workflowKey, plan.workflowVersion, em);
        const rule = (0, domain_1.findStage)(latest, task.stage)?.rule ?? { type: 'any' };
        const tally = {
            assigned: votes.filter((v) => v.state !== 'cancelled').length,
            approvals: votes.filter((v) => v.decision === 'approve').length,
            returns: 0,
        };
        const decided = votes.filter((v) => v.decision !== null).map((v) => v.id);
        if ((0, domain_1.decideStage)(rule, tally) !== 'approved') {
            await this.markApplied(em, decided);
            return 'pending';
        }
        await em.query(`UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
        WHERE plan_id = $1 AND report_id IS NULL AND stage = $2 AND round = $3 AND state = 'open'`, [plan.id, task.stage, task.round]);
        const moved = await this.moveWaitingReports(em, plan, task);
        const [actor] = await em.query(`SELECT username FROM users WHERE id = $1`, [task.assigneeId]);
        await (0, dal_1.appendAuditEvents)(em, [{
                actorId: task.assigneeId, actor: actor.username, action: 'consolidate', planId: plan.id, taskId: task.id,
                fromStage: task.stage, comment: task.comment, data: { reports: moved },
            }]);
        await this.completePlanWhenAllDone(em, plan);
        await this.markApplied(em, decided);
        return 'applied';
    }
    async moveWaitingReports(em, plan, task) {
        const waiting = await em.query(`SELECT r.id, r.unit_id, u.parent_id, u.kind, r.workflow_version FROM reports r JOIN org_units u ON u.id = r.unit_id
        WHERE r.plan_id = $1 AND r.stage = $2 ORDER BY r.id FOR UPDATE OF r`, [plan.id, task.stage]);
        const [actor] = await em.query(`SELECT username FROM users WHERE id = $1`, [task.assigneeId]);
        for (const version of new Set(waiting.map((r) => r.workflow_version))) {
            const workflow = await this.workflows.get(plan.workflowKey, version, em);
            const toStage = (0, domain_1.nextStageKey)(workflow, task.stage);
            const group = waiting.filter((r) => r.workflow_version === version);
            const rounds = await em.query(`UPDATE reports SET stage = $2, round = round + 1, version = version + 1, stage_entered_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[]) RETURNING id, round`, [group.map((r) => r.id), toStage]).then((result) => result[0]);
            await (0, dal_1.appendAuditEvents)(em, group.map((r) => ({
                actorId: task.assigneeId, actor: actor.username, action: 'transition', planId: plan.id, reportId: r.id, taskId: task.id,
                fromStage: task.stage, toStage,
            })));
            if (toStage !== domain_1.DONE_STAGE) {
                const roundOf = new Map(rounds.map((r) => [r.id, r.round]));
                await this.stageEntry.enter(em, plan, workflow, toStage, group.map((r) => ({ id: r.id, unitId: r.unit_id, parentId: r.parent_id, unitKind: r.kind, round: roundOf.get(r.id) })));
            }
        }
        return waiting.length;
    }
    async completePlanWhenAllDone(em, plan) {
        const [left] = await em.query(`SELECT count(*)::int AS n FROM reports WHERE plan_id = $1 AND stage <> $2`, [plan.id, domain_1.DONE_STAGE]);
        if (left.n > 0 || plan.status === 'completed')
            return;
        await em.query(`UPDATE plans SET status = 'completed', completed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [plan.id]);
        await (0, dal_1.appendAuditEvents)(em, [{ actorId: null, actor: 'system', action: 'plan.completed', planId: plan.id }]);
    }
    async markApplied(em, taskIds) {
        if (taskIds.length === 0)
            return;
        await em.query(`UPDATE tasks SET applied_at = now() WHERE id = ANY($1::uuid[]) AND applied_at IS NULL`, [taskIds]);
    }
};
exports.ConsolidationCompletion = ConsolidationCompletion;
exports.ConsolidationCompletion = ConsolidationCompletion = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [workflows_service_1.WorkflowsService,
        stage_entry_service_1.StageEntryService])
], ConsolidationCompletion);
//# sourceMappingURL=consolidation-completion.service.js.map