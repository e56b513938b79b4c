import type { CompletenessRow, Indicators } from '@app/domain';
import { Queryable } from '../queryable';

/** Where a consolidating unit's collection stands: `collecting` until its flow completes, then `collected`, and `approved` at the root. */
export type CollectionStatus = 'collecting' | 'collected' | 'approved';

/** A collection still waiting for its reports, with the cut-off after which it collects without them. */
export interface OpenCollection {
  unit_id: string;
  cut_off_at: Date | null;
}

/** What a unit's collection gathered when its flow completed. */
export interface CollectedContent {
  included: readonly string[];
  missing: readonly string[];
  indicators: Indicators;
  completeness: { rows: CompletenessRow[]; summary: Record<string, number> };
}

/** The root's collection as the consolidation's inclusion rule reads it. */
export interface RootCollectionRound {
  consolidated_round: number | null;
  /** Whether a round of the working group's consolidation task is open (the Standing Committee returned the report). */
  round_open: boolean;
}

/** Whether the plan's collections were recorded (one row per consolidating unit). */
export async function collectionsRecorded(db: Queryable, planId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM consolidations WHERE plan_id = $1 LIMIT 1`, [planId]);
  return rows.length > 0;
}

/** Records a collection per consolidating unit with its cut-off; a unit already recorded keeps its row. */
export async function insertCollections(db: Queryable, planId: string, units: readonly { unitId: string; cutOffAt: Date | null }[]): Promise<void> {
  await db.query(`INSERT INTO consolidations (plan_id, unit_id, cut_off_at) SELECT $1, * FROM unnest($2::uuid[], $3::timestamptz[]) ON CONFLICT DO NOTHING`, [
    planId,
    units.map((u) => u.unitId),
    units.map((u) => u.cutOffAt),
  ]);
}

/** The plan's collections still collecting. */
export async function openCollectionsOf(db: Queryable, planId: string): Promise<OpenCollection[]> {
  return db.query(`SELECT unit_id, cut_off_at FROM consolidations WHERE plan_id = $1 AND status = 'collecting'`, [planId]);
}

/**
 * The status of a unit's collection, its row locked until the transaction ends: of two runs of the
 * same collection (a retried job), the second waits and then sees it collected.
 */
export async function lockCollectionStatus(db: Queryable, planId: string, unitId: string): Promise<CollectionStatus | null> {
  const [row]: { status: CollectionStatus }[] = await db.query(`SELECT status FROM consolidations WHERE plan_id = $1 AND unit_id = $2 FOR NO KEY UPDATE`, [
    planId,
    unitId,
  ]);
  return row?.status ?? null;
}

/** The status and cut-off of a unit's collection, or null when the unit does not consolidate in the plan. */
export async function collectionOf(db: Queryable, planId: string, unitId: string): Promise<{ status: CollectionStatus; cut_off_at: Date | null } | null> {
  const [row]: { status: CollectionStatus; cut_off_at: Date | null }[] = await db.query(
    `SELECT status, cut_off_at FROM consolidations WHERE plan_id = $1 AND unit_id = $2`,
    [planId, unitId],
  );
  return row ?? null;
}

/** Stores what a unit's collection gathered (and what it is missing) and closes it. */
export async function recordCollected(db: Queryable, planId: string, unitId: string, content: CollectedContent): Promise<void> {
  await db.query(
    `UPDATE consolidations SET status = 'collected', included = $3, missing = $4, indicators = $5, completeness = $6, collected_at = now()
          WHERE plan_id = $1 AND unit_id = $2`,
    [
      planId,
      unitId,
      JSON.stringify(content.included),
      JSON.stringify(content.missing),
      JSON.stringify(content.indicators),
      JSON.stringify(content.completeness),
    ],
  );
}

/** The round whose completion last took reports into the root's consolidation. */
export async function setConsolidatedRound(db: Queryable, planId: string, rootUnitId: string, round: number): Promise<void> {
  await db.query(`UPDATE consolidations SET consolidated_round = $3 WHERE plan_id = $1 AND unit_id = $2`, [planId, rootUnitId, round]);
}

/** The Standing Committee approved the root's consolidated report. */
export async function markRootCollectionApproved(db: Queryable, planId: string, rootUnitId: string): Promise<void> {
  await db.query(`UPDATE consolidations SET status = 'approved', approved_at = now() WHERE plan_id = $1 AND unit_id = $2`, [planId, rootUnitId]);
}

/** The root's consolidated round and whether a later round is open, read in one statement so both describe the same moment. */
export async function rootCollectionRound(db: Queryable, planId: string, rootUnitId: string): Promise<RootCollectionRound | null> {
  const [root]: RootCollectionRound[] = await db.query(
    `SELECT c.consolidated_round,
            EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = c.plan_id AND t.report_id IS NULL AND t.kind = 'consolidation' AND t.state = 'open') AS round_open
       FROM consolidations c WHERE c.plan_id = $1 AND c.unit_id = $2`,
    [planId, rootUnitId],
  );
  return root ?? null;
}

/** The unit codes the collections below `unitId` recorded as missing at their cut-off. */
export async function missingCodesBelow(db: Queryable, planId: string, unitId: string): Promise<string[]> {
  const rows: { code: string }[] = await db.query(
    `SELECT DISTINCT jsonb_array_elements_text(c.missing) AS code FROM consolidations c JOIN org_units u ON u.id = c.unit_id
        WHERE c.plan_id = $1 AND c.unit_id <> $2 AND c.status <> 'collecting' AND $2 = ANY(u.ancestor_ids)`,
    [planId, unitId],
  );
  return rows.map((r) => r.code);
}
