import { Queryable } from '../queryable';

/** A report whose stage must be decided again, in the round the decision is for. */
export interface ReportNeedingDecisionRow {
  id: string;
  round: number;
}

/** Reports flagged for a new decision longer ago than `minAgeMs` (the job that decides them was lost). */
export async function listReportsNeedingDecision(db: Queryable, minAgeMs: number, limit: number): Promise<ReportNeedingDecisionRow[]> {
  return db.query(`SELECT id, round FROM reports WHERE needs_decision AND updated_at < now() - make_interval(secs => $1) LIMIT $2`, [minAgeMs / 1000, limit]);
}
