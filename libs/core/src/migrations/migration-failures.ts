import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  clearReportMigrationFailure,
  failRunningMigration,
  findReportStageAndUnitCode,
  inTransaction,
  MigrationFailure,
  readMigrationOutcome,
  replaceReportMigrationFailure,
  WorkflowMigrationEntity,
} from '@app/dal';

const MAX_ERROR_LENGTH = 500;

/** Codes of a database going away or two transactions colliding: the job is retried, the report is not at fault. */
const TRANSIENT_CODES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Whether an error says nothing about the report being migrated (the worker lost PostgreSQL, was
 * shut down, or lost a race): then the whole job fails and is retried, instead of the report being
 * recorded as one the migration cannot move.
 */
export function isTransient(error: unknown): boolean {
  const candidate = error as { code?: string; message?: string; name?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
  if (candidate?.name === 'QueryRunnerAlreadyReleasedError' || candidate?.name === 'ConnectionIsNotSetError') return true;
  return /Connection terminated|pool after calling end|not connected|database system is (shutting down|starting up)|timeout exceeded when trying to connect/i.test(
    candidate?.message ?? '',
  );
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** Records that one report could not be migrated (replacing an earlier failure of it), audited. */
export async function recordReportFailure(db: DataSource, migration: WorkflowMigrationEntity, reportId: string, error: unknown, at: Date): Promise<void> {
  await inTransaction(db, async (em) => {
    const report = await findReportStageAndUnitCode(em, reportId);
    const failure: MigrationFailure = {
      reportId,
      unitCode: report?.unit_code ?? '',
      stage: report?.stage ?? '',
      error: errorText(error),
      at: at.toISOString(),
    };
    await replaceReportMigrationFailure(em, migration.id, failure);
    await appendAuditEvents(em, [
      {
        actorId: null,
        actor: 'system',
        action: 'migrate_failed',
        planId: migration.planId,
        reportId,
        fromStage: failure.stage || null,
        comment: `Không chuyển được sang phiên bản quy trình ${migration.toVersion}: ${failure.error}`,
        data: { migrationId: migration.id, toVersion: migration.toVersion, error: failure.error },
      },
    ]);
  });
}

/** A report migrated after all (a later attempt) is no longer listed as failed. */
export async function clearReportFailure(em: EntityManager, migrationId: string, reportId: string): Promise<void> {
  await clearReportMigrationFailure(em, migrationId, reportId);
}

/**
 * Ends a running migration as failed, with its error, audited: it no longer blocks a new migration
 * of the plan, which picks up the reports still on their old version.
 */
export async function markMigrationFailed(db: DataSource, migration: WorkflowMigrationEntity, error: string): Promise<boolean> {
  return inTransaction(db, async (em) => {
    const updated = await failRunningMigration(em, migration.id, error);
    if (!updated) return false;
    const row = await readMigrationOutcome(em, migration.id);
    await appendAuditEvents(em, [
      {
        actorId: null,
        actor: 'system',
        action: 'plan.migration_failed',
        planId: migration.planId,
        comment: error,
        data: {
          migrationId: migration.id,
          toVersion: migration.toVersion,
          error,
          failedReports: row.failures.length,
          migrated: row.migrated,
          untouched: row.untouched,
        },
      },
    ]);
    return true;
  });
}
