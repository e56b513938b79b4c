import { Queryable } from '../queryable';

/** Where the collection at a plan's root unit stands. */
export interface RootCollectionStateRow {
  status: string;
  cut_off_at: Date | null;
  code: string;
}

/** The root unit's consolidation of the plan; undefined before it exists. */
export async function findRootCollectionState(db: Queryable, planId: string): Promise<RootCollectionStateRow | undefined> {
  const [root]: RootCollectionStateRow[] = await db.query(
    `SELECT c.status, c.cut_off_at, u.code FROM plans p JOIN consolidations c ON c.plan_id = p.id AND c.unit_id = p.root_unit_id
         JOIN org_units u ON u.id = c.unit_id WHERE p.id = $1`,
    [planId],
  );
  return root;
}
