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
exports.OrgService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const argon2_1 = require("@node-rs/argon2");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
/** The unit tree, users and their roles. Import is idempotent by unit code and username. */
let OrgService = class OrgService {
    db;
    constructor(db) {
        this.db = db;
    }
    async import(data, actor) {
        await this.assertReferencesKnown(data);
        // Hash before the transaction: argon2 is deliberately slow and must not hold locks.
        const hashes = await Promise.all(data.users.map((u) => (0, argon2_1.hash)(u.password)));
        await (0, dal_1.inTransaction)(this.db, async (em) => {
            const unitIds = await this.upsertUnits(em, data.units);
            await this.recomputeAncestors(em);
            await this.upsertUsers(em, data, hashes, unitIds);
            await (0, dal_1.appendAuditEvents)(em, [
                { actorId: actor.id, actor: actor.username, action: 'org.import', data: { units: data.units.length, users: data.users.length } },
            ]);
        });
        return { units: data.units.length, users: data.users.length };
    }
    async listUnits() {
        return this.db.getRepository(dal_1.OrgUnitEntity).find({ order: { depth: 'ASC', code: 'ASC' } });
    }
    async getUnit(id) {
        const unit = await this.db.getRepository(dal_1.OrgUnitEntity).findOneBy({ id });
        if (!unit)
            throw (0, domain_1.notFound)('Unit', id);
        const children = await this.db.query(`SELECT id FROM org_units WHERE parent_id = $1 ORDER BY code`, [id]);
        return { ...unit, children: children.map((c) => c.id) };
    }
    async findUnitByCode(code, em = this.db.manager) {
        return em.getRepository(dal_1.OrgUnitEntity).findOneBy({ code });
    }
    /** Every code the import refers to must be in the import or already known; duplicates are refused. */
    async assertReferencesKnown(data) {
        const duplicate = (values) => values.find((v, i) => values.indexOf(v) !== i);
        const dupUnit = duplicate(data.units.map((u) => u.code));
        if (dupUnit)
            throw (0, domain_1.invalid)(`units: code ${dupUnit} appears twice`);
        const dupUser = duplicate(data.users.map((u) => u.username));
        if (dupUser)
            throw (0, domain_1.invalid)(`users: username ${dupUser} appears twice`);
        const given = new Set(data.units.map((u) => u.code));
        const referenced = new Set([
            ...data.units.flatMap((u) => (u.parent ? [u.parent] : [])),
            ...data.users.flatMap((u) => u.roles.map((r) => r.unit)),
        ]);
        const outside = [...referenced].filter((code) => !given.has(code));
        const known = outside.length ? await this.db.query(`SELECT code FROM org_units WHERE code = ANY($1)`, [outside]) : [];
        const unknown = outside.filter((code) => !known.some((k) => k.code === code));
        if (unknown.length)
            throw (0, domain_1.invalid)(`Unknown unit codes: ${unknown.join(', ')}`);
        const selfParent = data.units.find((u) => u.parent === u.code);
        if (selfParent)
            throw (0, domain_1.invalid)(`units: ${selfParent.code} cannot be its own parent`);
    }
    async upsertUnits(em, units) {
        for (let start = 0; start < units.length; start += 2000) {
            const chunk = units.slice(start, start + 2000);
            await em.query(`INSERT INTO org_units (code, name, kind)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, updated_at = now()`, [chunk.map((u) => u.code), chunk.map((u) => u.name), chunk.map((u) => u.kind)]);
        }
        const codes = [...new Set([...units.map((u) => u.code), ...units.flatMap((u) => (u.parent ? [u.parent] : []))])];
        const rows = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [codes]);
        const ids = new Map(rows.map((r) => [r.code, r.id]));
        await em.query(`UPDATE org_units u SET parent_id = p.parent_id
         FROM unnest($1::uuid[], $2::uuid[]) AS p(id, parent_id)
        WHERE u.id = p.id AND u.parent_id IS DISTINCT FROM p.parent_id`, [units.map((u) => ids.get(u.code)), units.map((u) => (u.parent ? ids.get(u.parent) : null))]);
        return ids;
    }
    async recomputeAncestors(em) {
        const nodes = await em.query(`SELECT id, parent_id AS "parentId" FROM org_units`);
        const paths = (0, domain_1.ancestorPaths)(nodes);
        const ids = [...paths.keys()];
        await em.query(`UPDATE org_units u SET ancestor_ids = p.path::uuid[], depth = cardinality(p.path::uuid[]) - 1
         FROM unnest($1::uuid[], $2::text[]) AS p(id, path)
        WHERE u.id = p.id AND u.ancestor_ids IS DISTINCT FROM p.path::uuid[]`, [ids, ids.map((id) => `{${paths.get(id).join(',')}}`)]);
    }
    /** Users are upserted; each imported user's roles become exactly the listed ones. */
    async upsertUsers(em, data, hashes, unitIds) {
        const users = data.users;
        for (let start = 0; start < users.length; start += 2000) {
            const chunk = users.slice(start, start + 2000);
            await em.query(`INSERT INTO users (username, full_name, email, password_hash)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[])
         ON CONFLICT (username) DO UPDATE SET full_name = EXCLUDED.full_name, email = EXCLUDED.email,
           password_hash = EXCLUDED.password_hash, updated_at = now()`, [chunk.map((u) => u.username), chunk.map((u) => u.fullName), chunk.map((u) => u.email), hashes.slice(start, start + 2000)]);
        }
        const userRows = await em.query(`SELECT id, username FROM users WHERE username = ANY($1)`, [users.map((u) => u.username)]);
        const userIds = new Map(userRows.map((r) => [r.username, r.id]));
        const allUnitIds = await this.unitIdsByCode(em, users.flatMap((u) => u.roles.map((r) => r.unit)), unitIds);
        const roleRows = users.flatMap((u) => u.roles.map((r) => ({ userId: userIds.get(u.username), unitId: allUnitIds.get(r.unit), role: r.role })));
        await em.query(`DELETE FROM role_assignments r WHERE r.user_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS k(user_id, unit_id, role)
                          WHERE k.user_id = r.user_id AND k.unit_id = r.unit_id AND k.role = r.role)`, [[...userIds.values()], roleRows.map((r) => r.userId), roleRows.map((r) => r.unitId), roleRows.map((r) => r.role)]);
        await em.query(`INSERT INTO role_assignments (user_id, unit_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) ON CONFLICT DO NOTHING`, [roleRows.map((r) => r.userId), roleRows.map((r) => r.unitId), roleRows.map((r) => r.role)]);
    }
    async unitIdsByCode(em, codes, known) {
        const missing = [...new Set(codes)].filter((c) => !known.has(c));
        if (missing.length === 0)
            return known;
        const rows = await em.query(`SELECT id, code FROM org_units WHERE code = ANY($1)`, [missing]);
        return new Map([...known, ...rows.map((r) => [r.code, r.id])]);
    }
};
exports.OrgService = OrgService;
exports.OrgService = OrgService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], OrgService);
//# sourceMappingURL=org.service.js.map