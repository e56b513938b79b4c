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
exports.AccessService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
/**
 * Answers who may act where. Roles are scoped to units; `admin` is global. Reading a report needs
 * a role on its unit or on a unit above it (reviewers, consolidators of the root).
 */
let AccessService = class AccessService {
    db;
    constructor(db) {
        this.db = db;
    }
    async isAdmin(userId) {
        const rows = await this.db.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'admin' LIMIT 1`, [userId]);
        return rows.length > 0;
    }
    async assertAdmin(userId) {
        if (!(await this.isAdmin(userId)))
            throw (0, domain_1.forbidden)('Only an administrator may do this');
    }
    async holdsRole(userId, unitId, role, em = this.db.manager) {
        const rows = await em.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND unit_id = $2 AND role = $3`, [userId, unitId, role]);
        return rows.length > 0;
    }
    /** True for admins and for anyone with a role on the unit or any unit above it. */
    async canSeeUnit(userId, unitId) {
        const rows = await this.db.query(`SELECT 1 FROM role_assignments r
        WHERE r.user_id = $1
          AND (r.role = 'admin' OR r.unit_id = ANY (SELECT unnest(ancestor_ids) FROM org_units WHERE id = $2))
        LIMIT 1`, [userId, unitId]);
        return rows.length > 0;
    }
    async assertCanSeeUnit(userId, unitId) {
        if (!(await this.canSeeUnit(userId, unitId)))
            throw (0, domain_1.forbidden)('You hold no role on this unit or above it');
    }
};
exports.AccessService = AccessService;
exports.AccessService = AccessService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], AccessService);
//# sourceMappingURL=access.service.js.map