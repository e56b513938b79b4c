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
exports.ConfigError = exports.AppConfig = void 0;
exports.loadConfig = loadConfig;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const toInt = ({ value }) => (value === undefined || value === '' ? undefined : Number(value));
/**
 * Every setting the engine reads, from environment variables, validated once at start-up. The
 * defaults fit the local PostgreSQL and Redis of a development machine.
 */
class AppConfig {
    PG_HOST = '127.0.0.1';
    PG_PORT = 5432;
    PG_USER = 'postgres';
    PG_PASSWORD = '';
    PG_DATABASE = 'test';
    /** Schema holding every table; tests and the demo use their own so runs never collide. */
    PG_SCHEMA = 'public';
    PG_POOL_SIZE = 10;
    REDIS_HOST = '127.0.0.1';
    REDIS_PORT = 6379;
    /** Key prefix of every queue; in braces so all keys of a queue land on one Redis Cluster slot. */
    QUEUE_PREFIX = '{tongket}';
    PORT = 3000;
    JWT_SECRET = 'tong-ket-development-secret-change-me';
    JWT_EXPIRES_IN = '8h';
    WORKER_CONCURRENCY = 16;
    /** How often the reconciler looks for decisions PostgreSQL holds but no queue job carries. */
    RECONCILE_INTERVAL_MS = 60_000;
    LOG_LEVEL = 'info';
}
exports.AppConfig = AppConfig;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_HOST", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_USER", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_PASSWORD", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_DATABASE", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[a-z_][a-z0-9_]{0,62}$/),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_SCHEMA", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Object)
], AppConfig.prototype, "PG_POOL_SIZE", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    __metadata("design:type", Object)
], AppConfig.prototype, "REDIS_HOST", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "REDIS_PORT", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[A-Za-z0-9:_{}-]{1,64}$/),
    __metadata("design:type", Object)
], AppConfig.prototype, "QUEUE_PREFIX", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], AppConfig.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(16),
    __metadata("design:type", Object)
], AppConfig.prototype, "JWT_SECRET", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^\d+[smhd]$/),
    __metadata("design:type", Object)
], AppConfig.prototype, "JWT_EXPIRES_IN", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(256),
    __metadata("design:type", Object)
], AppConfig.prototype, "WORKER_CONCURRENCY", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1000),
    __metadata("design:type", Object)
], AppConfig.prototype, "RECONCILE_INTERVAL_MS", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    __metadata("design:type", Object)
], AppConfig.prototype, "LOG_LEVEL", void 0);
class ConfigError extends Error {
}
exports.ConfigError = ConfigError;
/** Reads and validates the settings; a bad value throws an error naming the variable. */
function loadConfig(env = process.env) {
    const defaults = new AppConfig();
    const given = Object.fromEntries(Object.keys(defaults).filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
    const config = (0, class_transformer_1.plainToInstance)(AppConfig, { ...defaults, ...given });
    const errors = (0, class_validator_1.validateSync)(config, { forbidUnknownValues: true });
    if (errors.length > 0) {
        const lines = errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
        throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
    }
    return config;
}
//# sourceMappingURL=app-config.js.map