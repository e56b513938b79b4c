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
exports.TaskEntity = void 0;
const typeorm_1 = require("typeorm");
/** One person's turn to act on one report (or, for consolidation, one plan) in one stage. */
let TaskEntity = class TaskEntity {
    id;
    planId;
    reportId;
    unitId;
    stage;
    kind;
    role;
    /** The unit whose role holders may hold this task. */
    scopeUnitId;
    round;
    assigneeId;
    state;
    decision;
    comment;
    dueAt;
    completedAt;
    cancelledAt;
    /** When the worker applied this task's decision; null while the decision waits in the queue. */
    appliedAt;
    delegatedFrom;
    version;
    createdAt;
    updatedAt;
};
exports.TaskEntity = TaskEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], TaskEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'plan_id', type: 'uuid' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "planId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'report_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "reportId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'unit_id', type: 'uuid' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "unitId", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], TaskEntity.prototype, "stage", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'scope_unit_id', type: 'uuid' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "scopeUnitId", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], TaskEntity.prototype, "round", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'assignee_id', type: 'uuid' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "assigneeId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar' }),
    __metadata("design:type", String)
], TaskEntity.prototype, "state", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "decision", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "comment", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'due_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "dueAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'completed_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "completedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'cancelled_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "cancelledAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'applied_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "appliedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'delegated_from', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], TaskEntity.prototype, "delegatedFrom", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], TaskEntity.prototype, "version", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], TaskEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], TaskEntity.prototype, "updatedAt", void 0);
exports.TaskEntity = TaskEntity = __decorate([
    (0, typeorm_1.Entity)('tasks')
], TaskEntity);
//# sourceMappingURL=task.entity.js.map