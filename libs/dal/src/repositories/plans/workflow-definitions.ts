import type { StageDefinition } from '@app/domain';
import { Queryable } from '../queryable';

/** One stored version of a workflow, with who created it and when. */
export interface WorkflowVersionRow {
  key: string;
  version: number;
  stages: StageDefinition[];
  createdAt: Date;
  /** The creator's username; null for the built-in version and for a creator since removed. */
  createdBy: string | null;
}

/** A version just stored: its creator by id, as the insert returns it. */
export interface CreatedWorkflowVersionRow {
  key: string;
  version: number;
  stages: StageDefinition[];
  createdBy: string | null;
  createdAt: Date;
}

/** Stores a version unless it is already there: the built-in workflow, written by every start. */
export async function insertWorkflowVersionIfAbsent(db: Queryable, workflow: { key: string; version: number; stages: StageDefinition[] }): Promise<void> {
  await db.query(`INSERT INTO workflow_definitions (key, version, stages) VALUES ($1, $2, $3) ON CONFLICT (key, version) DO NOTHING`, [
    workflow.key,
    workflow.version,
    JSON.stringify(workflow.stages),
  ]);
}

/** Every version of a workflow, newest first. */
export async function listWorkflowVersions(db: Queryable, key: string): Promise<WorkflowVersionRow[]> {
  return db.query(
    `SELECT w.key, w.version, w.stages, w.created_at AS "createdAt", u.username AS "createdBy"
         FROM workflow_definitions w LEFT JOIN users u ON u.id = w.created_by WHERE w.key = $1 ORDER BY w.version DESC`,
    [key],
  );
}

/** Versions of one key are numbered one after another, even when two admins save at once: held to the transaction's end. */
export async function lockWorkflowVersionNumbering(db: Queryable, key: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('workflow:' || $1))`, [key]);
}

/** The number the next version of a workflow takes (1 for a new key). */
export async function nextWorkflowVersionNumber(db: Queryable, key: string): Promise<number> {
  const [{ next }]: { next: number }[] = await db.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM workflow_definitions WHERE key = $1`, [key]);
  return next;
}

/** The stages of one version; undefined when there is no such version. */
export async function findWorkflowVersionStages(db: Queryable, key: string, version: number): Promise<{ stages: StageDefinition[] } | undefined> {
  const [row]: { stages: StageDefinition[] }[] = await db.query(`SELECT stages FROM workflow_definitions WHERE key = $1 AND version = $2`, [key, version]);
  return row;
}

/** Stores a new version of a workflow. */
export async function insertWorkflowVersion(
  db: Queryable,
  version: { key: string; version: number; stages: StageDefinition[]; createdBy: string },
): Promise<CreatedWorkflowVersionRow> {
  const [row]: CreatedWorkflowVersionRow[] = await db.query(
    `INSERT INTO workflow_definitions (key, version, stages, created_by) VALUES ($1, $2, $3, $4)
         RETURNING key, version, stages, created_by AS "createdBy", created_at AS "createdAt"`,
    [version.key, version.version, JSON.stringify(version.stages), version.createdBy],
  );
  return row;
}
