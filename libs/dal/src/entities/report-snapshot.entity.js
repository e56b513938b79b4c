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
exports.ReportSnapshotEntity = void 0;
const typeorm_1 = require("typeorm");
/** The content exactly as submitted, so reviewers see what was approved. */
let ReportSnapshotEntity = class ReportSnapshotEntity {
    id;
    reportId;
    seq;
    round;
    sections;
    indicators;
    submittedBy;
    submittedAt;
};
exports.ReportSnapshotEntity = ReportSnapshotEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], ReportSnapshotEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'report_id', type: 'uuid' }),
    __metadata("design:type", String)
], ReportSnapshotEntity.prototype, "reportId", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], ReportSnapshotEntity.prototype, "seq", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], ReportSnapshotEntity.prototype, "round", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ReportSnapshotEntity.prototype, "sections", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], ReportSnapshotEntity.prototype, "indicators", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'submitted_by', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], ReportSnapshotEntity.prototype, "submittedBy", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'submitted_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], ReportSnapshotEntity.prototype, "submittedAt", void 0);
exports.ReportSnapshotEntity = ReportSnapshotEntity = __decorate([
    (0, typeorm_1.Entity)('report_snapshots')
], ReportSnapshotEntity);
//# sourceMappingURL=report-snapshot.entity.js.map