import { EntityManager } from 'typeorm';
import { findReturnedReportNoticeRow, listReportDrafterIds } from '@app/dal';
import { reportPath, returnText, stageLabel } from '@app/domain';
import { notifyWithEmail } from './email-outbox';
import { stagesOfVersions } from './notice-stages';
import type { ReturnCause } from './task-notices';

/**
 * A report returned to a stage other than drafting (a workflow whose return goes to an approval
 * stage): its drafters hold no task of the new round, so they are told apart, quoting the reason,
 * once per return (key `return:<report>:<round returned>:<user>`). When the return goes to
 * drafting, the drafters' new tasks carry this notice instead (noticeOfNewTasks).
 */
export async function noticeOfReturnToDrafters(em: EntityManager, reportId: string, returnedRound: number, cause: ReturnCause): Promise<string[]> {
  const report = await findReturnedReportNoticeRow(em, reportId);
  if (!report) return [];
  const drafters = await listReportDrafterIds(em, reportId);
  const stages = (await stagesOfVersions(em, [report])).values().next().value ?? [];
  const text = returnText({
    planCode: report.plan_code,
    unitName: report.unit_name,
    returnedBy: cause.returnedBy,
    reason: cause.reason,
    dueAt: null,
    fromStageLabel: stageLabel(cause.fromStage, { stages, unit: { kind: report.unit_kind, name: report.unit_name } }),
  });
  const { outbox } = await notifyWithEmail(
    em,
    drafters.map((userId) => ({
      userId,
      kind: 'return' as const,
      ...text,
      planId: report.plan_id,
      reportId,
      link: reportPath(reportId),
      dedupKey: `return:${reportId}:${returnedRound}:${userId}`,
    })),
  );
  return outbox;
}
