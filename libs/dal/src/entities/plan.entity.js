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
exports.PlanEntity = void 0;
const typeorm_1 = require("typeorm");
let PlanEntity = class PlanEntity {
    id;
    code;
    title;
    issuedOn;
    term;
    basis;
    rootUnitId;
    workflowKey;
    workflowVersion;
    outline;
    indicatorNames;
    deadlines;
    reminders;
    status;
    consolidationRound;
    launchedAt;
    completedAt;
    createdBy;
    version;
    createdAt;
    updatedAt;
};
exports.PlanEntity = PlanEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], PlanEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], PlanEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], PlanEntity.prototype, "title", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'issued_on', type: 'date' }),
    __metadata("design:type", String)
], PlanEntity.prototype, "issuedOn", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], PlanEntity.prototype, "term", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Array)
], PlanEntity.prototype, "basis", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'root_unit_id', type: 'uuid' }),
    __metadata("design:type", String)
], PlanEntity.prototype, "rootUnitId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'workflow_key' }),
    __metadata("design:type", String)
], PlanEntity.prototype, "workflowKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'workflow_version' }),
    __metadata("design:type", Number)
], PlanEntity.prototype, "workflowVersion", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Array)
], PlanEntity.prototype, "outline", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'indicator_names', type: 'jsonb' }),
    __metadata("design:type", Array)
], PlanEntity.prototype, "indicatorNames", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "deadlines", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "reminders", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar' }),
    __metadata("design:type", String)
], PlanEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'consolidation_round' }),
    __metadata("design:type", Number)
], PlanEntity.prototype, "consolidationRound", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'launched_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "launchedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'completed_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "completedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'created_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "createdBy", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], PlanEntity.prototype, "version", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PlanEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PlanEntity.prototype, "updatedAt", void 0);
exports.PlanEntity = PlanEntity = __decorate([
    (0, typeorm_1.Entity)('plans')
], PlanEntity);
//# sourceMappingURL=plan.entity.js.map