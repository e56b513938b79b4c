import { Queryable } from '../queryable';

/** Every launched plan, whose consolidation flows the reconciler keeps in step. */
export async function listLaunchedPlanIds(db: Queryable): Promise<string[]> {
  const plans: { id: string }[] = await db.query(`SELECT id FROM plans WHERE status = 'launched'`);
  return plans.map((p) => p.id);
}

/** Plans still launching, unchanged for longer than `minAgeMs`: their launch job was lost or died. */
export async function listStalledLaunchIds(db: Queryable, minAgeMs: number): Promise<string[]> {
  const launches: { id: string }[] = await db.query(`SELECT id FROM plans WHERE status = 'launching' AND updated_at < now() - make_interval(secs => $1)`, [
    minAgeMs / 1000,
  ]);
  return launches.map((p) => p.id);
}

/** Workflow migrations still running, of every plan; their job resumes where it stopped. */
export async function listAllRunningMigrationIds(db: Queryable): Promise<string[]> {
  const migrations: { id: string }[] = await db.query(`SELECT id FROM workflow_migrations WHERE status = 'running'`);
  return migrations.map((m) => m.id);
}
