import { Queryable } from '../queryable';

/**
 * Org imports not finished and unchanged for longer than `minAgeMs`, oldest first: an import being
 * worked on writes its progress every half second, so only a stalled or lost one is this old.
 */
export async function listStalledOrgImportIds(db: Queryable, minAgeMs: number): Promise<string[]> {
  const imports: { id: string }[] = await db.query(
    `SELECT id FROM org_imports WHERE status IN ('queued', 'hashing', 'applying') AND updated_at < now() - make_interval(secs => $1) ORDER BY created_at`,
    [minAgeMs / 1000],
  );
  return imports.map((i) => i.id);
}
