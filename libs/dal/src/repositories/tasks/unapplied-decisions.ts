import { Queryable } from '../queryable';

/** Decisions recorded longer ago than `minAgeMs` that the worker has not applied (their job was lost), oldest first. */
export async function listUnappliedDecisionIds(db: Queryable, minAgeMs: number, limit: number): Promise<string[]> {
  const decisions: { id: string }[] = await db.query(
    `SELECT id FROM tasks WHERE state = 'completed' AND applied_at IS NULL AND completed_at < now() - make_interval(secs => $1)
          ORDER BY completed_at LIMIT $2`,
    [minAgeMs / 1000, limit],
  );
  return decisions.map((d) => d.id);
}
