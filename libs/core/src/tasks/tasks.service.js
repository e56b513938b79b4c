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
exports.TasksService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
const jobs_1 = require("../../../jobs/src/index.js");
const job_queue_1 = require("../queue/job-queue");
const access_service_1 = require("../org/access.service");
const TASK_SELECT = `
  SELECT t.id, t.plan_id AS "planId", t.report_id AS "reportId", u.code AS "unitCode", u.name AS "unitName", t.stage, t.kind,
         t.role, t.state, t.decision, t.comment, t.due_at AS "dueAt", t.created_at AS "createdAt", t.completed_at AS "completedAt",
         t.assignee_id AS "assigneeId", a.username AS "assignee", t.round
    FROM tasks t JOIN org_units u ON u.id = t.unit_id JOIN users a ON a.id = t.assignee_id`;
/** The reviewer's inbox: one person's turn on one report in one stage (Camunda-like semantics). */
let TasksService = class TasksService {
    db;
    queue;
    access;
    constructor(db, queue, access) {
        this.db = db;
        this.queue = queue;
        this.access = access;
    }
    async listMine(userId, state) {
        return this.db.query(`${TASK_SELECT} WHERE t.assignee_id = $1 AND t.state = $2 ORDER BY t.due_at NULLS LAST, t.created_at LIMIT 5000`, [userId, state]);
    }
    async get(id, userId) {
        const [task] = await this.db.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
        if (!task)
            throw (0, domain_1.notFound)('Task', id);
        if (task.assigneeId !== userId && !(await this.access.isAdmin(userId)))
            throw (0, domain_1.forbidden)('This task belongs to someone else');
        return task;
    }
    /** Records the decision on the task and queues it: 202, the worker moves the report. */
    async complete(id, actor, decision, comment) {
        const task = await (0, dal_1.inTransaction)(this.db, async (em) => {
            const task = await this.lockOwnTask(em, id, actor);
            (0, domain_1.assertCanComplete)({ taskState: task.state, stageKind: task.kind, decision, comment });
            await em.query(`UPDATE tasks SET state = 'completed', decision = $2, comment = $3, completed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [id, decision, comment?.trim() || null]);
            await (0, dal_1.appendAuditEvents)(em, [{
                    actorId: actor.id, actor: actor.username, action: decision, planId: task.planId, reportId: task.reportId, taskId: id,
                    fromStage: task.stage, comment: comment?.trim() || null,
                }]);
            return task;
        });
        await this.queue.enqueueRecorded({ name: jobs_1.JobName.ApplyDecision, data: { taskId: id } });
        return { id, reportId: task.reportId, stage: task.stage, state: 'completed', decision };
    }
    /** Hands an open task to another holder of the same role at the same unit. */
    async delegate(id, actor, username) {
        await (0, dal_1.inTransaction)(this.db, async (em) => {
            const task = await this.lockOwnTask(em, id, actor);
            const [target] = await em.query(`SELECT id FROM users WHERE username = $1`, [username]);
            const holds = target ? await this.access.holdsRole(target.id, task.scopeUnitId, task.role, em) : false;
            (0, domain_1.assertCanDelegate)(task.state, holds, target?.id === task.assigneeId);
            const taken = await em.query(`SELECT 1 FROM tasks WHERE assignee_id = $1 AND stage = $2 AND round = $3 AND plan_id = $4 AND report_id IS NOT DISTINCT FROM $5`, [target.id, task.stage, task.round, task.planId, task.reportId]);
            // A person holding two tasks of one stage would vote twice.
            if (taken.length)
                throw (0, domain_1.refused)(`${username} already holds a task in this stage`);
            await em.query(`UPDATE tasks SET assignee_id = $2, delegated_from = assignee_id, updated_at = now(), version = version + 1 WHERE id = $1`, [id, target.id]);
            await (0, dal_1.appendAuditEvents)(em, [{
                    actorId: actor.id, actor: actor.username, action: 'delegate', planId: task.planId, reportId: task.reportId, taskId: id,
                    fromStage: task.stage, comment: `Chuyển cho ${username}`, data: { from: task.assigneeId, to: target.id },
                }]);
        });
        const [delegated] = await this.db.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
        return delegated;
    }
    async lockOwnTask(em, id, actor) {
        const task = await em.getRepository(dal_1.TaskEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!task)
            throw (0, domain_1.notFound)('Task', id);
        if (task.assigneeId !== actor.id)
            throw (0, domain_1.forbidden)('This task belongs to someone else');
        return task;
    }
};
exports.TasksService = TasksService;
exports.TasksService = TasksService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        job_queue_1.JobQueue,
        access_service_1.AccessService])
], TasksService);
//# sourceMappingURL=tasks.service.js.map