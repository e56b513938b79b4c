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
exports.WorkflowsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const dal_1 = require("../../../dal/src/index.js");
const domain_1 = require("../../../domain/src/index.js");
/** Workflow definitions: immutable versions; the built-in `tongket` is stored as version 1. */
let WorkflowsService = class WorkflowsService {
    db;
    /** Versions never change once written, so a cache of them is always right. */
    cache = new Map();
    constructor(db) {
        this.db = db;
    }
    async onModuleInit() {
        await this.db.query(`INSERT INTO workflow_definitions (key, version, stages) VALUES ($1, $2, $3) ON CONFLICT (key, version) DO NOTHING`, [domain_1.DEFAULT_WORKFLOW.key, domain_1.DEFAULT_WORKFLOW.version, JSON.stringify(domain_1.DEFAULT_WORKFLOW.stages)]);
    }
    /** The given version, or the latest when none is given. */
    async get(key, version, em = this.db.manager) {
        if (version !== undefined) {
            const cached = this.cache.get(`${key}@${version}`);
            if (cached)
                return cached;
        }
        const row = await em.getRepository(dal_1.WorkflowDefinitionEntity).findOne({
            where: version === undefined ? { key } : { key, version },
            order: { version: 'DESC' },
        });
        if (!row)
            throw (0, domain_1.notFound)('Workflow', version === undefined ? key : `${key} version ${version}`);
        const definition = { key: row.key, version: row.version, stages: row.stages };
        this.cache.set(`${key}@${row.version}`, definition);
        return definition;
    }
};
exports.WorkflowsService = WorkflowsService;
exports.WorkflowsService = WorkflowsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [typeorm_2.DataSource])
], WorkflowsService);
//# sourceMappingURL=workflows.service.js.map