import { Queryable } from '../queryable';

/** Seconds from a recorded decision to the worker applying it, over the last 10 minutes; null when none was applied. */
export interface DecisionLatencyRow {
  p50: number | null;
  p99: number | null;
}

export async function decisionLatencyLastTenMinutes(db: Queryable): Promise<DecisionLatencyRow> {
  const [row]: DecisionLatencyRow[] = await db.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - completed_at)) AS p50,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - completed_at)) AS p99
           FROM tasks WHERE applied_at > now() - interval '10 minutes'`,
  );
  return row;
}

export interface OpenTaskCountsRow {
  open: number;
  overdue: number;
}

/** Open tasks, and those of them past their due date. */
export async function countOpenTasks(db: Queryable): Promise<OpenTaskCountsRow> {
  const [row]: OpenTaskCountsRow[] = await db.query(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < now())::int AS overdue FROM tasks WHERE state = 'open'`,
  );
  return row;
}
