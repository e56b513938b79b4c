import { Queryable } from '../queryable';

/** Where an org import stands. */
export type OrgImportStatus = 'queued' | 'hashing' | 'applying' | 'done' | 'failed';

/** An org import's row as GET /api/org/imports/:id reads it; `Result` and `Failure` are what was stored as JSON. */
export interface OrgImportRow<Failure = unknown> {
  id: string;
  status: OrgImportStatus;
  progress_done: number;
  users_total: number;
  units_total: number;
  actor: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  result: Record<string, unknown> | null;
  error: Failure | null;
}

/** What the worker takes of an import it claims: what to apply and who sent it. */
export interface ClaimedOrgImportRow<Payload> {
  payload: Payload;
  actor_id: string | null;
  actor: string;
}

const ORG_IMPORT_VIEW_COLUMNS = `id, status, progress_done, users_total, units_total, actor, created_at, started_at, finished_at, result, error`;

/** Stores an import to be applied by the worker, its payload as JSON (passwords sealed). */
export async function insertOrgImport(
  db: Queryable,
  orgImport: { id: string; actorId: string | null; actor: string; unitsTotal: number; usersTotal: number; payload: string },
): Promise<void> {
  await db.query(`INSERT INTO org_imports (id, actor_id, actor, units_total, users_total, payload) VALUES ($1, $2, $3, $4, $5, $6)`, [
    orgImport.id,
    orgImport.actorId,
    orgImport.actor,
    orgImport.unitsTotal,
    orgImport.usersTotal,
    orgImport.payload,
  ]);
}

export async function findOrgImport<Failure>(db: Queryable, id: string): Promise<OrgImportRow<Failure> | undefined> {
  const [row]: OrgImportRow<Failure>[] = await db.query(`SELECT ${ORG_IMPORT_VIEW_COLUMNS} FROM org_imports WHERE id = $1`, [id]);
  return row;
}

/** Marks an import as being worked on (another attempt); undefined when it has ended already. */
export async function claimOrgImport<Payload>(db: Queryable, importId: string): Promise<ClaimedOrgImportRow<Payload> | undefined> {
  const [rows]: [ClaimedOrgImportRow<Payload>[], number] = await db.query(
    `UPDATE org_imports SET status = 'hashing', attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'hashing', 'applying') AND payload IS NOT NULL
       RETURNING payload, actor_id, actor`,
    [importId],
  );
  return rows[0];
}

/** Records that the passwords are done and the import is being applied. */
export async function markOrgImportApplying(db: Queryable, importId: string): Promise<void> {
  await db.query(`UPDATE org_imports SET status = 'applying', updated_at = now() WHERE id = $1 AND status = 'hashing'`, [importId]);
}

/** Locks the import's row for the transaction that applies it: its status, undefined when there is no such import. */
export async function lockOrgImportStatus(db: Queryable, importId: string): Promise<OrgImportStatus | undefined> {
  const [row]: { status: OrgImportStatus }[] = await db.query(`SELECT status FROM org_imports WHERE id = $1 FOR UPDATE`, [importId]);
  return row?.status;
}

/** Marks the import done with its counts (JSON) and drops its payload (the sealed passwords). */
export async function finishOrgImport(db: Queryable, importId: string, result: string): Promise<void> {
  await db.query(
    `UPDATE org_imports SET status = 'done', result = $2, payload = NULL, progress_done = users_total, finished_at = now(), updated_at = now() WHERE id = $1`,
    [importId, result],
  );
}

/** Marks the import failed with why (JSON) and drops its payload; an import done stays done. */
export async function failOrgImport(db: Queryable, importId: string, failure: string): Promise<void> {
  await db.query(
    `UPDATE org_imports SET status = 'failed', error = $2, payload = NULL, finished_at = now(), updated_at = now() WHERE id = $1 AND status <> 'done'`,
    [importId, failure],
  );
}

/** Records how many passwords are done; never lowers it (writes may land out of order). */
export async function recordOrgImportProgress(db: Queryable, importId: string, done: number): Promise<void> {
  await db.query(`UPDATE org_imports SET progress_done = $2, updated_at = now() WHERE id = $1 AND progress_done < $2`, [importId, done]);
}

/** Imports take turns until the transaction ends, so two never interleave their upserts. */
export async function takeOrgImportTurn(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.org-import'))`);
}
