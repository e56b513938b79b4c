import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { grantEngine, roleSetupOf } from './database-roles';
import { ENTITIES } from './entities';
import { clientNamingStatements, StatementNames } from './named-statements';
import { CoreCycle1764100000000 } from './migrations/1764100000000-core-cycle';
import { DeadlinesNotifications1764200000000 } from './migrations/1764200000000-deadlines-notifications';
import { WorkflowChanges1764300000000 } from './migrations/1764300000000-workflow-changes';
import { ConsolidationLevels1764400000000 } from './migrations/1764400000000-consolidation-levels';
import { Consolidations1764500000000 } from './migrations/1764500000000-consolidations';
import { Outbox1764600000000 } from './migrations/1764600000000-outbox';
import { MigrationFailures1764700000000 } from './migrations/1764700000000-migration-failures';
import { EscalationNotices1765000000000 } from './migrations/1765000000000-escalation-notices';
import { PlanLevelEvents1764750000000 } from './migrations/1764750000000-plan-level-events';
import { ConsolidationInclusions1764800000000 } from './migrations/1764800000000-consolidation-inclusions';
import { RootApprovalRule1764900000000 } from './migrations/1764900000000-root-approval-rule';
import { Sessions1765100000000 } from './migrations/1765100000000-sessions';
import { AuditChain1765200000000 } from './migrations/1765200000000-audit-chain';
import { OrgImports1765300000000 } from './migrations/1765300000000-org-imports';
import { PositionsAdoption1765600000000 } from './migrations/1765600000000-positions-adoption';
import { LevelReports1765700000000 } from './migrations/1765700000000-level-reports';
import { SetPassword1765800000000 } from './migrations/1765800000000-set-password';
import { WorkNotices1765820000000 } from './migrations/1765820000000-work-notices';

import { LevelReportPrefill1765900000000 } from './migrations/1765900000000-level-report-prefill';
import { ReportRemarks1766200000000 } from './migrations/1766200000000-report-remarks';
import { Nudges1766100000000 } from './migrations/1766100000000-nudges';
import { SessionRevocationNotices1766300000000 } from './migrations/1766300000000-session-revocation-notices';

export const MIGRATIONS = [
  CoreCycle1764100000000,
  DeadlinesNotifications1764200000000,
  WorkflowChanges1764300000000,
  ConsolidationLevels1764400000000,
  Consolidations1764500000000,
  Outbox1764600000000,
  MigrationFailures1764700000000,
  PlanLevelEvents1764750000000,
  ConsolidationInclusions1764800000000,
  RootApprovalRule1764900000000,
  EscalationNotices1765000000000,
  Sessions1765100000000,
  AuditChain1765200000000,
  OrgImports1765300000000,
  PositionsAdoption1765600000000,
  LevelReports1765700000000,
  SetPassword1765800000000,
  WorkNotices1765820000000,
  LevelReportPrefill1765900000000,
  Nudges1766100000000,
  ReportRemarks1766200000000,
  SessionRevocationNotices1766300000000,
];

/** One per process: a text keeps its name whichever data source sends it. */
const statementNames = new StatementNames();
let namingClient: unknown;

/** node-postgres' Client, sending repeated statements as named prepared statements (named-statements.ts). */
function clientClass(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- pg ships no types; TypeORM loads this same copy.
  namingClient ??= clientNamingStatements((require('pg') as { Client: Parameters<typeof clientNamingStatements>[0] }).Client, statementNames);
  return namingClient;
}

/**
 * TypeORM settings from the validated config. Schema changes only ever come from migrations, whose
 * connection sends no named statements (a statement prepared before a migration changes its table
 * could be run again after it).
 */
export function dataSourceOptions(
  config: AppConfig,
  login: { username: string; password: string; poolSize: number; namedStatements?: boolean } = {
    username: config.PG_USER,
    password: config.PG_PASSWORD,
    poolSize: config.PG_POOL_SIZE,
    namedStatements: config.PG_NAMED_STATEMENTS,
  },
): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.PG_HOST,
    port: config.PG_PORT,
    username: login.username,
    password: login.password,
    database: config.PG_DATABASE,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // Unqualified names in SQL and migrations resolve to the configured schema.
    extra: {
      max: login.poolSize,
      options: `-c search_path=${config.PG_SCHEMA} -c timezone=UTC`,
      ...(login.namedStatements ? { Client: clientClass() } : {}),
    },
    schema: config.PG_SCHEMA,
  };
}

/**
 * Creates the schema when missing and applies pending migrations, as the owner role
 * (PG_MIGRATION_USER), then grants the engine's role (PG_USER) what it may do; returns their names.
 * Under a PostgreSQL advisory lock per schema, so processes starting together migrate one at a time
 * (the others then find the schema up to date).
 */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions(config, {
      username: config.PG_MIGRATION_USER,
      password: config.PG_MIGRATION_PASSWORD,
      poolSize: 1,
      namedStatements: false,
    }),
  );
  await dataSource.initialize();
  // One pooled connection: the session lock below and every migration run on it.
  const lock = `hashtext('tongket.migrations.' || $1)`;
  try {
    await dataSource.query(`SELECT pg_advisory_lock(${lock})`, [config.PG_SCHEMA]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${config.PG_SCHEMA}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await grantEngine(dataSource, roleSetupOf(config));
    await dataSource.query(`SELECT pg_advisory_unlock(${lock})`, [config.PG_SCHEMA]);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The migrations the schema lacks, read as the engine's role (which may read the migration history). */
export async function pendingMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(config, { username: config.PG_USER, password: config.PG_PASSWORD, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const applied: { name: string }[] = await dataSource
      .query(`SELECT name FROM schema_migrations`)
      .catch((error: { code?: string; driverError?: { code?: string } }) => {
        // No history table yet: nothing is applied.
        if ((error.driverError?.code ?? error.code) === '42P01') return [];
        throw error;
      });
    const done = new Set(applied.map((m) => m.name));
    return MIGRATIONS.map((m) => m.name).filter((name) => !done.has(name));
  } finally {
    await dataSource.destroy();
  }
}
