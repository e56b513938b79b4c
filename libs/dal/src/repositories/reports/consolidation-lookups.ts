import { Queryable } from '../queryable';

/** Those of the reports now at any of `stages`. */
export async function reportsNowAtStages(db: Queryable, reportIds: readonly string[], stages: readonly string[]): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM reports WHERE id = ANY($1::uuid[]) AND stage = ANY($2::text[])`, [reportIds, stages]);
  return rows.map((r) => r.id);
}

/** The stage a report is at, or null for an unknown report. */
export async function stageOfReport(db: Queryable, reportId: string): Promise<string | null> {
  const [row]: { stage: string }[] = await db.query(`SELECT stage FROM reports WHERE id = $1`, [reportId]);
  return row?.stage ?? null;
}

/** The workflow a report follows: its plan's workflow, at the report's own version. */
export async function workflowOfReport(db: Queryable, reportId: string): Promise<{ workflow_key: string; workflow_version: number }> {
  const [row]: { workflow_key: string; workflow_version: number }[] = await db.query(
    `SELECT p.workflow_key, r.workflow_version FROM reports r JOIN plans p ON p.id = r.plan_id WHERE r.id = $1`,
    [reportId],
  );
  return row;
}

/** The plan and unit of a report, or null for an unknown report. */
export async function planAndUnitOfReport(db: Queryable, reportId: string): Promise<{ plan_id: string; unit_id: string } | null> {
  const [report]: { plan_id: string; unit_id: string }[] = await db.query(`SELECT plan_id, unit_id FROM reports WHERE id = $1`, [reportId]);
  return report ?? null;
}
