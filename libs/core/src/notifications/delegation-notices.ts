import { EntityManager } from 'typeorm';
import { listDelegatedTaskNoticeRows } from '@app/dal';
import { delegationText, stageLabel, taskPath } from '@app/domain';
import { notifyWithEmail } from './email-outbox';
import { stagesOfVersions, versionId } from './notice-stages';

/**
 * Tells the new holders of tasks handed over (a delegation, or an administrator's reassignment)
 * what they received and from whom, in the transaction that moved them: once per handover (key
 * `delegation:<task>:<task version>`, the version the handover gave the task). Returns the outbox
 * rows of the e-mails.
 */
export async function noticeOfDelegation(em: EntityManager, taskIds: readonly string[], byAdministrator = false): Promise<string[]> {
  if (taskIds.length === 0) return [];
  const tasks = await listDelegatedTaskNoticeRows(em, taskIds);
  const stagesOf = await stagesOfVersions(em, tasks);
  const { outbox } = await notifyWithEmail(
    em,
    tasks.map((t) => {
      const context = {
        stages: stagesOf.get(versionId(t)) ?? [],
        unit: { kind: t.unit_kind, name: t.unit_name },
        root: { kind: t.root_kind, name: t.root_name },
      };
      const text = delegationText({
        planCode: t.plan_code,
        unitName: t.unit_name,
        stageLabel: stageLabel(t.stage, context),
        dueAt: t.due_at ? new Date(t.due_at) : null,
        from: t.from_name ?? 'không rõ',
        byAdministrator,
      });
      return {
        userId: t.assignee_id,
        kind: 'delegation' as const,
        ...text,
        planId: t.plan_id,
        reportId: t.report_id,
        taskId: t.id,
        link: taskPath({ kind: t.kind, reportId: t.report_id, planId: t.plan_id }),
        dedupKey: `delegation:${t.id}:${t.version}`,
      };
    }),
  );
  return outbox;
}
