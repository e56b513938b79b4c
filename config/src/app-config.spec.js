"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const app_config_1 = require("./app-config");
describe('loadConfig', () => {
    it('has defaults for the local services', () => {
        const config = (0, app_config_1.loadConfig)({});
        expect(config.PG_HOST).toBe('127.0.0.1');
        expect(config.PG_PORT).toBe(5432);
        expect(config.REDIS_PORT).toBe(6379);
    });
    it('reads numbers from the environment', () => {
        expect((0, app_config_1.loadConfig)({ PG_PORT: '6543' }).PG_PORT).toBe(6543);
    });
    it('names the bad variable', () => {
        expect(() => (0, app_config_1.loadConfig)({ PG_PORT: 'abc' })).toThrow(/PG_PORT="?.*"?: /);
        expect(() => (0, app_config_1.loadConfig)({ PG_SCHEMA: 'Drop Table' })).toThrow(/PG_SCHEMA/);
        expect(() => (0, app_config_1.loadConfig)({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    });
});
//# sourceMappingURL=app-config.spec.js.map