import { Queryable } from '../queryable';

/**
 * Takes reports into the root's consolidation for good, for the round that took them in; a report
 * already taken in keeps its first round.
 */
export async function freezeIncludedReports(db: Queryable, planId: string, reportIds: readonly string[], round: number): Promise<void> {
  await db.query(`INSERT INTO consolidation_inclusions (plan_id, report_id, round) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`, [
    planId,
    reportIds,
    round,
  ]);
}

/** The reports the working group's completions took into the plan's consolidation. */
export async function frozenReportIdsOf(db: Queryable, planId: string): Promise<string[]> {
  const frozen: { report_id: string }[] = await db.query(`SELECT report_id FROM consolidation_inclusions WHERE plan_id = $1`, [planId]);
  return frozen.map((f) => f.report_id);
}
