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
exports.OrgUnitEntity = void 0;
const typeorm_1 = require("typeorm");
let OrgUnitEntity = class OrgUnitEntity {
    id;
    code;
    name;
    kind;
    parentId;
    /** Root first, the unit itself last: access checks and subtree queries use it. */
    ancestorIds;
    depth;
    createdAt;
    updatedAt;
};
exports.OrgUnitEntity = OrgUnitEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OrgUnitEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], OrgUnitEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", String)
], OrgUnitEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar' }),
    __metadata("design:type", String)
], OrgUnitEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'parent_id', type: 'uuid', nullable: true }),
    __metadata("design:type", Object)
], OrgUnitEntity.prototype, "parentId", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'ancestor_ids', type: 'uuid', array: true }),
    __metadata("design:type", Array)
], OrgUnitEntity.prototype, "ancestorIds", void 0);
__decorate([
    (0, typeorm_1.Column)(),
    __metadata("design:type", Number)
], OrgUnitEntity.prototype, "depth", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrgUnitEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ name: 'updated_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrgUnitEntity.prototype, "updatedAt", void 0);
exports.OrgUnitEntity = OrgUnitEntity = __decorate([
    (0, typeorm_1.Entity)('org_units')
], OrgUnitEntity);
//# sourceMappingURL=org-unit.entity.js.map