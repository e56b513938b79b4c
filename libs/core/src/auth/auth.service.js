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
exports.AuthService = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const typeorm_1 = require("@nestjs/typeorm");
const argon2_1 = require("@node-rs/argon2");
const typeorm_2 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
/** A constant hash to verify against for unknown usernames, so timing does not reveal who exists. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2mD4sQvPr6aVP3K0bvCzz2n4d7v2E2vH4uX0fI9aH5U';
let AuthService = class AuthService {
    db;
    jwt;
    constructor(db, jwt) {
        this.db = db;
        this.jwt = jwt;
    }
    async login(username, password) {
        const [user] = await this.db.query(`SELECT id, username, password_hash FROM users WHERE username = $1`, [username]);
        const ok = await (0, argon2_1.verify)(user?.password_hash ?? DUMMY_HASH, password).catch(() => false);
        if (!user || !ok)
            throw new domain_1.DomainError('UNAUTHENTICATED', 'Wrong username or password');
        const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
        return { accessToken, user: await this.me(user.id) };
    }
    /** Verifies a bearer token and that its user still exists. */
    async actorOf(token) {
        const payload = await this.jwt.verifyAsync(token).catch(() => null);
        if (!payload?.sub)
            throw new domain_1.DomainError('UNAUTHENTICATED', 'Invalid or expired token');
        const [user] = await this.db.query(`SELECT id, username FROM users WHERE id = $1`, [payload.sub]);
        if (!user)
            throw new domain_1.DomainError('UNAUTHENTICATED', 'The user of this token no longer exists');
        return { id: user.id, username: user.username };
    }
    async me(userId) {
        const [user] = await this.db.query(`SELECT id, username, full_name AS "fullName", email FROM users WHERE id = $1`, [userId]);
        if (!user)
            throw (0, domain_1.notFound)('User', userId);
        const roles = await this.db.query(`SELECT r.unit_id AS "unitId", u.code AS "unitCode", r.role FROM role_assignments r JOIN org_units u ON u.id = r.unit_id
        WHERE r.user_id = $1 ORDER BY u.code, r.role`, [userId]);
        return { ...user, roles };
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource,
        jwt_1.JwtService])
], AuthService);
//# sourceMappingURL=auth.service.js.map