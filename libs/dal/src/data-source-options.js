"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
exports.dataSourceOptions = dataSourceOptions;
exports.runMigrations = runMigrations;
const typeorm_1 = require("typeorm");
const entities_1 = require("./entities");
const _1764100000000_core_cycle_1 = require("./migrations/1764100000000-core-cycle");
exports.MIGRATIONS = [_1764100000000_core_cycle_1.CoreCycle1764100000000];
/** TypeORM settings from the validated config. Schema changes only ever come from migrations. */
function dataSourceOptions(config) {
    return {
        type: 'postgres',
        host: config.PG_HOST,
        port: config.PG_PORT,
        username: config.PG_USER,
        password: config.PG_PASSWORD,
        database: config.PG_DATABASE,
        entities: entities_1.ENTITIES,
        migrations: exports.MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        synchronize: false,
        migrationsRun: false,
        // Unqualified names in SQL and migrations resolve to the configured schema.
        extra: { max: config.PG_POOL_SIZE, options: `-c search_path=${config.PG_SCHEMA} -c timezone=UTC` },
        schema: config.PG_SCHEMA,
    };
}
/** Creates the schema when missing and applies pending migrations; returns their names. */
async function runMigrations(config) {
    const dataSource = new typeorm_1.DataSource(dataSourceOptions(config));
    await dataSource.initialize();
    try {
        await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${config.PG_SCHEMA}`);
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        return applied.map((m) => m.name);
    }
    finally {
        await dataSource.destroy();
    }
}
//# sourceMappingURL=data-source-options.js.map