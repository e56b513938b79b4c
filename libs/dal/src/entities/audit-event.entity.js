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
exports.AuditEventEntity = void 0;
const typeorm_1 = require("typeorm");
/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table. */
let AuditEventEntity = class AuditEventEntity {
    id;
    at;
    actorId;
    actor;
    action;
    planId;
    reportId;
    taskId;
    fromStage;
    toStage;
    comment;
    data;
};
exports.AuditEventEntity = AuditEventEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)({ type: 'bigint' }),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditEventEntity.prototype, "at", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'actor_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "actor", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], AuditEventEntity.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'plan_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "planId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'report_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "reportId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'task_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "taskId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'from_stage', type: 'varchar', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "fromStage", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'to_stage', type: 'varchar', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "toStage", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "comment", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', nullable: true }),
    __metadata("design:type", Object)
], AuditEventEntity.prototype, "data", void 0);
exports.AuditEventEntity = AuditEventEntity = __decorate([
    (0, typeorm_1.Entity)('audit_events')
], AuditEventEntity);
//# sourceMappingURL=audit-event.entity.js.map