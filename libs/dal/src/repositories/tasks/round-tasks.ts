import { Queryable } from '../queryable';

/** A task of a report's round with its assignee, as the decision state lists them. */
export interface RoundTaskRow {
  id: string;
  state: 'open' | 'completed' | 'cancelled';
  decision: 'approve' | 'return' | 'submit' | null;
  comment: string | null;
  assigneeId: string;
  username: string;
  fullName: string;
  completedAt: Date | null;
}

/** The round's tasks that count (not cancelled): decided ones first in the order they were decided, then the open ones. */
export async function listRoundTasksOfReport(db: Queryable, reportId: string, stage: string, round: number): Promise<RoundTaskRow[]> {
  return db.query(
    `SELECT t.id, t.state, t.decision, t.comment, t.assignee_id AS "assigneeId", u.username, u.full_name AS "fullName", t.completed_at AS "completedAt"
         FROM tasks t JOIN users u ON u.id = t.assignee_id
        WHERE t.report_id = $1 AND t.stage = $2 AND t.round = $3 AND t.state <> 'cancelled'
        ORDER BY t.completed_at NULLS LAST, u.full_name, t.id`,
    [reportId, stage, round],
  );
}

/** Whether the person holds an open review or adoption task on the report's stage. */
export async function holdsOpenApprovalTask(db: Queryable, reportId: string, stage: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND assignee_id = $3 AND state = 'open' AND kind = 'approval' LIMIT 1`,
    [reportId, stage, userId],
  );
  return rows.length > 0;
}
