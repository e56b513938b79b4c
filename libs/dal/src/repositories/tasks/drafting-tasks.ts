import { Queryable } from '../queryable';

/** Where a report's drafting stands: its stage and the round of that stage. */
export interface DraftingRound {
  reportId: string;
  stage: string;
  round: number;
}

/** Whether a drafting task of the report's current round is still open (the report is editable). */
export async function hasOpenDraftingTask(db: Queryable, at: DraftingRound): Promise<boolean> {
  const open: unknown[] = await db.query(
    `SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND kind = 'draft' AND state = 'open' LIMIT 1`,
    [at.reportId, at.stage, at.round],
  );
  return open.length > 0;
}

/** Whether the report's current round has been submitted (the decision may still wait in the queue). */
export async function hasSubmittedDraft(db: Queryable, at: DraftingRound): Promise<boolean> {
  const submitted: unknown[] = await db.query(
    `SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND kind = 'draft' AND decision = 'submit' LIMIT 1`,
    [at.reportId, at.stage, at.round],
  );
  return submitted.length > 0;
}

/**
 * The drafter's open task of the round, locked so two submits of the same task cannot both complete
 * it; undefined when the drafter holds none.
 */
export async function lockOpenDraftingTaskOf(db: Queryable, at: DraftingRound, assigneeId: string): Promise<{ id: string } | undefined> {
  const [task]: { id: string }[] = await db.query(
    `SELECT id FROM tasks WHERE report_id = $1 AND stage = $2 AND round = $3 AND assignee_id = $4 AND state = 'open' FOR NO KEY UPDATE`,
    [at.reportId, at.stage, at.round, assigneeId],
  );
  return task;
}

/** Completes a drafting task with the submit decision; the worker applies it. */
export async function completeDraftingTaskWithSubmit(db: Queryable, taskId: string): Promise<void> {
  await db.query(`UPDATE tasks SET state = 'completed', decision = 'submit', completed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [
    taskId,
  ]);
}
