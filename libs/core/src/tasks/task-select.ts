/** A task as the inbox and the task endpoints show it: with its unit (its kind names the stage for its level) and the username of its holder. */
export const TASK_SELECT = `
  SELECT t.id, t.plan_id AS "planId", t.report_id AS "reportId", u.code AS "unitCode", u.name AS "unitName", u.kind AS "unitKind", t.stage, t.kind,
         t.role, t.state, t.decision, t.comment, t.due_at AS "dueAt", t.created_at AS "createdAt", t.completed_at AS "completedAt",
         t.assignee_id AS "assigneeId", a.username AS "assignee", t.round
    FROM tasks t JOIN org_units u ON u.id = t.unit_id JOIN users a ON a.id = t.assignee_id`;
