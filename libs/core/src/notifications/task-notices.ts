import { EntityManager } from 'typeorm';
import { listTaskNoticeRows } from '@app/dal';
import { newTaskText, returnedTaskText, returnText, stageLabel, taskPath } from '@app/domain';
import { notifyWithEmail } from './email-outbox';
import { NewNotification } from './new-notification';
import { stagesOfVersions, versionId } from './notice-stages';

/** Why tasks were opened again: a return, with its reason, from a stage, by someone (full name) or the engine. */
export interface ReturnCause {
  fromStage: string;
  reason: string;
  returnedBy: string | null;
}

/**
 * Tells each holder of tasks just created about their task, in the transaction that created them:
 * in the inbox and by e-mail, once per task (key `task:<id>`), linking to the page that acts on it.
 * Tasks opened by a return say so and quote the reason instead: to a drafter, the report came
 * back to them. Set-based for a launch's ten thousand tasks: one read of the tasks, one of their
 * workflow versions, inserts of two thousand notices at a time and one of their e-mails. Returns
 * the outbox rows of the e-mails, which go to the queue as the transaction commits.
 */
export async function noticeOfNewTasks(em: EntityManager, taskIds: readonly string[], returned?: ReturnCause): Promise<string[]> {
  if (taskIds.length === 0) return [];
  const tasks = await listTaskNoticeRows(em, taskIds);
  const stagesOf = await stagesOfVersions(em, tasks);
  const notices: NewNotification[] = tasks.map((t) => {
    const context = {
      stages: stagesOf.get(versionId(t)) ?? [],
      unit: { kind: t.unit_kind, name: t.unit_name },
      root: { kind: t.root_kind, name: t.root_name },
    };
    const subject = { planCode: t.plan_code, unitName: t.unit_name, stageLabel: stageLabel(t.stage, context), dueAt: t.due_at ? new Date(t.due_at) : null };
    const text = !returned
      ? newTaskText({ ...subject, kind: t.kind, planLevel: t.report_id === null })
      : t.kind === 'draft'
        ? returnText({ ...subject, fromStageLabel: stageLabel(returned.fromStage, context), returnedBy: returned.returnedBy, reason: returned.reason })
        : returnedTaskText({ ...subject, fromStageLabel: stageLabel(returned.fromStage, context), reason: returned.reason });
    return {
      userId: t.assignee_id,
      kind: returned ? 'return' : 'task',
      ...text,
      planId: t.plan_id,
      reportId: t.report_id,
      taskId: t.id,
      link: taskPath({ kind: t.kind, reportId: t.report_id, planId: t.plan_id }),
      dedupKey: `task:${t.id}`,
    };
  });
  return (await notifyWithEmail(em, notices)).outbox;
}
