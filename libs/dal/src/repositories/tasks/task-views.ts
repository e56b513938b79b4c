import type { Decision, Role, StageKind, TaskState, UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/**
 * A task as the inbox and the task endpoints show it: with its unit (its kind names the stage for its
 * level), the username of its holder, whether its report was returned and why, and for a review or
 * adoption of a report where its round stands (approvals by distinct people of the seats not withdrawn).
 */
export interface TaskViewRow {
  id: string;
  planId: string;
  reportId: string | null;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  stage: string;
  kind: StageKind;
  role: Role;
  state: TaskState;
  decision: Decision | null;
  comment: string | null;
  dueAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  assigneeId: string;
  assignee: string;
  round: number;
  returnedCount: number;
  lastReturnReason: string | null;
  /** Null unless the task is a review or adoption of a report. */
  roundApprovals: number | null;
  roundSeats: number | null;
}

const TASK_SELECT = `
  SELECT t.id, t.plan_id AS "planId", t.report_id AS "reportId", u.code AS "unitCode", u.name AS "unitName", u.kind AS "unitKind", t.stage, t.kind,
         t.role, t.state, t.decision, t.comment, t.due_at AS "dueAt", t.created_at AS "createdAt", t.completed_at AS "completedAt",
         t.assignee_id AS "assigneeId", a.username AS "assignee", t.round,
         COALESCE(r.returned_count, 0) AS "returnedCount", r.last_return_reason AS "lastReturnReason",
         round_votes.approvals AS "roundApprovals", round_votes.seats AS "roundSeats"
    FROM tasks t JOIN org_units u ON u.id = t.unit_id JOIN users a ON a.id = t.assignee_id
    LEFT JOIN reports r ON r.id = t.report_id
    LEFT JOIN LATERAL (
      SELECT count(DISTINCT o.assignee_id) FILTER (WHERE o.state = 'completed' AND o.decision = 'approve')::int AS approvals,
             count(*) FILTER (WHERE o.state <> 'cancelled')::int AS seats
        FROM tasks o WHERE o.report_id = t.report_id AND o.stage = t.stage AND o.round = t.round
    ) round_votes ON t.kind = 'approval' AND t.report_id IS NOT NULL`;

/** One person's inbox in one state, soonest due first (capped: a closed inbox grows without end). */
export async function listTaskViewsOfAssignee(db: Queryable, userId: string, state: TaskState): Promise<TaskViewRow[]> {
  return db.query(`${TASK_SELECT} WHERE t.assignee_id = $1 AND t.state = $2 ORDER BY t.due_at NULLS LAST, t.created_at LIMIT 5000`, [userId, state]);
}

export async function findTaskView(db: Queryable, id: string): Promise<TaskViewRow | undefined> {
  const [task]: TaskViewRow[] = await db.query(`${TASK_SELECT} WHERE t.id = $1`, [id]);
  return task;
}
