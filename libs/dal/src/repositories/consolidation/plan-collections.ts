import { Queryable } from '../queryable';

/** A collection as a plan's progress lists it. */
export interface ProgressCollectionRow {
  unitCode: string;
  status: string;
  cutOffAt: Date | null;
  included: number;
  missing: string[];
  collectedAt: Date | null;
}

/** Where the root's collection stands and which round consolidated it, as a report reaching consolidation reads it. */
export interface RootCollectionRoundRow {
  status: string;
  consolidated_round: number | null;
}

/** The collections of a plan at units under one of `scopeIds` (every one when null), by depth and code. */
export async function listProgressCollections(db: Queryable, planId: string, scopeIds: readonly string[] | null): Promise<ProgressCollectionRow[]> {
  return db.query(
    `SELECT u.code AS "unitCode", c.status, c.cut_off_at AS "cutOffAt", jsonb_array_length(c.included) AS included, c.missing, c.collected_at AS "collectedAt"
         FROM consolidations c JOIN org_units u ON u.id = c.unit_id
        WHERE c.plan_id = $1 AND ($2::uuid[] IS NULL OR u.ancestor_ids && $2::uuid[]) ORDER BY u.depth, u.code`,
    [planId, scopeIds],
  );
}

/** The root's collection; undefined before it exists. */
export async function findRootCollectionRound(db: Queryable, planId: string, rootUnitId: string): Promise<RootCollectionRoundRow | undefined> {
  const [root]: RootCollectionRoundRow[] = await db.query(`SELECT status, consolidated_round FROM consolidations WHERE plan_id = $1 AND unit_id = $2`, [
    planId,
    rootUnitId,
  ]);
  return root;
}
