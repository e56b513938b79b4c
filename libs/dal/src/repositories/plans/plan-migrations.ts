import { MigrationFailure } from '../../entities/workflow-migration.entity';
import { Queryable } from '../queryable';

/** A report the migration could not place in the new version, as the migration lists it. */
export interface UnmappableReportEntry {
  reportId: string;
  unitCode: string;
  stage: string;
  /** Why no stage of the new version takes it (the domain's migration plan always says). */
  reason?: string;
}

/** What a migration that ends as failed reports in its audit event. */
export interface MigrationOutcomeRow {
  failures: MigrationFailure[];
  migrated: number;
  untouched: number;
}

/** The migrations of a plan still running: a plan runs one at a time. */
export async function listRunningMigrationIds(db: Queryable, planId: string): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM workflow_migrations WHERE plan_id = $1 AND status = 'running'`, [planId]);
}

/** Starts a migration; answers its id. */
export async function insertWorkflowMigration(
  db: Queryable,
  migration: { planId: string; workflowKey: string; toVersion: number; stageMap: Record<string, string>; total: number; createdBy: string },
): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO workflow_migrations (plan_id, workflow_key, to_version, stage_map, total, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [migration.planId, migration.workflowKey, migration.toVersion, JSON.stringify(migration.stageMap), migration.total, migration.createdBy],
  );
  return row.id;
}

/** Lists a report as unmappable, once however often the run is repeated. */
export async function recordUnmappableReport(db: Queryable, migrationId: string, entry: UnmappableReportEntry): Promise<void> {
  await db.query(
    `UPDATE workflow_migrations SET unmappable = unmappable || $2::jsonb
          WHERE id = $1 AND NOT unmappable @> jsonb_build_array(jsonb_build_object('reportId', $3::text))`,
    [migrationId, JSON.stringify([entry]), entry.reportId],
  );
}

/** Counts one report done: `migrated` when it moved or changed, `untouched` when it stayed as it was. */
export async function countMigrationReport(db: Queryable, migrationId: string, column: 'migrated' | 'untouched'): Promise<void> {
  await db.query(`UPDATE workflow_migrations SET ${column} = ${column} + 1 WHERE id = $1`, [migrationId]);
}

export async function readMigrationFailures(db: Queryable, migrationId: string): Promise<MigrationFailure[]> {
  const [{ failures }]: { failures: MigrationFailure[] }[] = await db.query(`SELECT failures FROM workflow_migrations WHERE id = $1`, [migrationId]);
  return failures;
}

/** Ends a running migration as completed; answers how many rows changed (0 when it had already ended). */
export async function completeRunningMigration(db: Queryable, migrationId: string): Promise<number> {
  const [, updated]: [unknown, number] = await db.query(
    `UPDATE workflow_migrations SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`,
    [migrationId],
  );
  return updated;
}

/** Ends a running migration as failed; answers how many rows changed (0 when it had already ended). */
export async function failRunningMigration(db: Queryable, migrationId: string, error: string): Promise<number> {
  const [, updated]: [unknown, number] = await db.query(
    `UPDATE workflow_migrations SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
    [migrationId, error],
  );
  return updated;
}

export async function readMigrationOutcome(db: Queryable, migrationId: string): Promise<MigrationOutcomeRow> {
  const [row]: MigrationOutcomeRow[] = await db.query(`SELECT failures, migrated, untouched FROM workflow_migrations WHERE id = $1`, [migrationId]);
  return row;
}

/** Records a report's failure, replacing an earlier failure of the same report. */
export async function replaceReportMigrationFailure(db: Queryable, migrationId: string, failure: MigrationFailure): Promise<void> {
  await db.query(
    `UPDATE workflow_migrations
          SET failures = (SELECT COALESCE(jsonb_agg(f), '[]'::jsonb) FROM jsonb_array_elements(failures) f WHERE f->>'reportId' <> $2) || $3::jsonb
        WHERE id = $1`,
    [migrationId, failure.reportId, JSON.stringify([failure])],
  );
}

/** Removes a report's failure; a migration without one for the report is not written. */
export async function clearReportMigrationFailure(db: Queryable, migrationId: string, reportId: string): Promise<void> {
  await db.query(
    `UPDATE workflow_migrations
        SET failures = (SELECT COALESCE(jsonb_agg(f), '[]'::jsonb) FROM jsonb_array_elements(failures) f WHERE f->>'reportId' <> $2)
      WHERE id = $1 AND failures @> jsonb_build_array(jsonb_build_object('reportId', $2::text))`,
    [migrationId, reportId],
  );
}
