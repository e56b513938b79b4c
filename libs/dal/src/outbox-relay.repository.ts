import { Queryable } from './repositories/queryable';

/** An outbox row waiting to be put on the queue. */
export interface PendingOutboxRow {
  id: string;
  job_name: string;
  payload: object;
  fire_at: Date | null;
}

/**
 * The given rows not relayed yet, locked; rows another relay holds are skipped (SKIP LOCKED), so two
 * relays never queue the same job twice.
 */
export async function lockPendingOutboxRows(db: Queryable, ids: readonly string[]): Promise<PendingOutboxRow[]> {
  return db.query(`SELECT id, job_name, payload, fire_at FROM outbox WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED`, [
    ids,
  ]);
}

/** The oldest rows not relayed that are older than `minAgeMs`, at most `limit`, locked as lockPendingOutboxRows. */
export async function lockStaleOutboxRows(db: Queryable, minAgeMs: number, limit: number): Promise<PendingOutboxRow[]> {
  return db.query(
    `SELECT id, job_name, payload, fire_at FROM outbox WHERE relayed_at IS NULL AND created_at < now() - make_interval(secs => $1)
              ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [minAgeMs / 1000, limit],
  );
}

/** Marks rows relayed that a relay of their own transaction just queued (they are locked by it). */
export async function markOutboxRowsRelayed(db: Queryable, ids: readonly string[]): Promise<void> {
  await db.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}

/** Marks rows relayed after their jobs were queued outside a lock; a row relayed meanwhile keeps its time. */
export async function markOutboxRowsRelayedIfPending(db: Queryable, ids: readonly string[]): Promise<void> {
  await db.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL`, [ids]);
}

/** Drops relayed rows kept a day for inspection. */
export async function pruneRelayedOutbox(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM outbox WHERE relayed_at < now() - interval '1 day'`);
}
