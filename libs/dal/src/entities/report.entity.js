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
exports.ReportEntity = void 0;
const typeorm_1 = require("typeorm");
let ReportEntity = class ReportEntity {
    id;
    planId;
    unitId;
    stage;
    workflowVersion;
    /** Counts stage entries: tasks and jobs carry it, so a decision of an earlier visit is ignored. */
    round;
    returnedCount;
    lastReturnReason;
    sections;
    indicators;
    /** True while the current stage has nobody eligible to act: shown, never silently stuck. */
    unassigned;
    stageEnteredAt;
    version;
    createdAt;
    updatedAt;
};
exports.ReportEntity = ReportEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReportEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'plan_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReportEntity.prototype, "planId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'unit_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReportEntity.prototype, "unitId", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], ReportEntity.prototype, "stage", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'workflow_version' }),
    __metadata("design:type", Number)
], ReportEntity.prototype, "workflowVersion", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], ReportEntity.prototype, "round", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'returned_count' }),
    __metadata("design:type", Number)
], ReportEntity.prototype, "returnedCount", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'last_return_reason', type: 'text', nullable: true }),
    __metadata("design:type", Object)
], ReportEntity.prototype, "lastReturnReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ReportEntity.prototype, "sections", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ReportEntity.prototype, "indicators", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Boolean)
], ReportEntity.prototype, "unassigned", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'stage_entered_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReportEntity.prototype, "stageEnteredAt", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], ReportEntity.prototype, "version", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReportEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReportEntity.prototype, "updatedAt", void 0);
exports.ReportEntity = ReportEntity = __decorate([
    (0, typeorm_1.Entity)('reports')
], ReportEntity);
//# sourceMappingURL=report.entity.js.map