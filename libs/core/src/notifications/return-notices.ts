import { EntityManager } from 'typeorm';
import { reportPath, returnText, stageLabel, UnitKind } from '@app/domain';
import { emailInOutbox } from './email-outbox';
import { insertNotifications } from './new-notification';
import { stagesOfVersions } from './notice-stages';
import type { ReturnCause } from './task-notices';

/**
 * A report returned to a stage other than drafting (a workflow whose return goes to an approval
 * stage): its drafters hold no task of the new round, so they are told apart, quoting the reason,
 * once per return (key `return:<report>:<round returned>:<user>`). When the return goes to
 * drafting, the drafters' new tasks carry this notice instead (noticeOfNewTasks).
 */
export async function noticeOfReturnToDrafters(em: EntityManager, reportId: string, returnedRound: number, cause: ReturnCause): Promise<string[]> {
  const [report]: {
    plan_id: string;
    plan_code: string;
    workflow_key: string;
    workflow_version: number;
    unit_kind: UnitKind;
    unit_name: string;
    due_at: Date | null;
  }[] = await em.query(
    `SELECT r.plan_id, p.code AS plan_code, p.workflow_key, r.workflow_version, u.kind AS unit_kind, u.name AS unit_name, r.due_at
       FROM reports r JOIN plans p ON p.id = r.plan_id JOIN org_units u ON u.id = r.unit_id WHERE r.id = $1`,
    [reportId],
  );
  if (!report) return [];
  const drafters: { user_id: string }[] = await em.query(
    `SELECT a.user_id FROM role_assignments a JOIN reports r ON r.unit_id = a.unit_id WHERE r.id = $1 AND a.role = 'drafter' ORDER BY a.user_id`,
    [reportId],
  );
  const stages = (await stagesOfVersions(em, [report])).values().next().value ?? [];
  const text = returnText({
    planCode: report.plan_code,
    unitName: report.unit_name,
    returnedBy: cause.returnedBy,
    reason: cause.reason,
    dueAt: null,
    fromStageLabel: stageLabel(cause.fromStage, { stages, unit: { kind: report.unit_kind, name: report.unit_name } }),
  });
  const created = await insertNotifications(
    em,
    drafters.map((d) => ({
      userId: d.user_id,
      kind: 'return' as const,
      ...text,
      planId: report.plan_id,
      reportId,
      link: reportPath(reportId),
      dedupKey: `return:${reportId}:${returnedRound}:${d.user_id}`,
    })),
  );
  return emailInOutbox(em, created);
}
