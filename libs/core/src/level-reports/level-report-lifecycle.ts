import { EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  consolidationRoundOf,
  insertLevelReport,
  insertLevelReportSnapshot,
  levelReportExists,
  lockLevelReportForSubmission,
  markLevelReportAdopted,
  markLevelReportSubmitted,
  PlanEntity,
  returnLevelReportToDrafting,
  usernameOf,
} from '@app/dal';
import { followPrefill, followSums } from '@app/domain';
import { levelGroupOf, planUnit } from './level-group';
import { synthesisStart } from './synthesis-start';

/**
 * The root's level report through the plan's life, each step in the caller's transaction (which
 * holds the plan's row lock): created pre-filled when the working group's first round opens,
 * submitted when the working group's stage resolves, back to drafting when the Standing Committee
 * returns it, adopted when it approves. Plain functions on the transaction, so the consolidation's
 * services call them without a module depending on another in a circle.
 */

/** Creates the Khối's report, pre-filled from the reports collected, unless it exists. Returns whether it did. */
export async function createRootLevelReport(em: EntityManager, plan: PlanEntity, ready: Set<string>): Promise<boolean> {
  if (await levelReportExists(em, plan.id, plan.rootUnitId)) return false;
  const root = (await planUnit(em, plan))!;
  const group = await levelGroupOf(em, plan, root, ready);
  const start = await synthesisStart(em, plan, group, { sections: {}, indicators: {} });
  const created = await insertLevelReport(em, plan.id, plan.rootUnitId, start);
  if (!created) return false;
  await appendAuditEvents(em, [
    {
      actorId: null,
      actor: 'system',
      action: 'level_report.created',
      planId: plan.id,
      comment: `Dự thảo báo cáo tổng hợp được điền sẵn từ báo cáo của ${start.textsFrom} đơn vị (số liệu cộng từ ${group.included.length} báo cáo)`,
      data: { levelReportId: created.id, textsFrom: start.textsFrom, included: group.included.length },
    },
  ]);
  return true;
}

/**
 * The working group's stage resolved (its members submitted the report, or completed their task
 * directly): the report as it stands goes to the Standing Committee. Its figures still equal to the
 * sums follow the reports now taken in (a late report the round took in), a snapshot keeps what was
 * sent, and the report is no longer edited. A plan consolidated before level reports existed gets
 * its report created first, so the Standing Committee always has one.
 */
export async function submitRootLevelReport(em: EntityManager, plan: PlanEntity, ready: Set<string>, submittedBy: string | null): Promise<void> {
  await createRootLevelReport(em, plan, ready);
  const report = await lockLevelReportForSubmission(em, plan.id, plan.rootUnitId);
  if (report.status !== 'drafting') return;
  const root = (await planUnit(em, plan))!;
  const group = await levelGroupOf(em, plan, root, ready);
  // What the round takes in now (late reports a new round took in): untouched texts and figures follow it.
  const fresh = await synthesisStart(em, plan, group, { sections: {}, indicators: {} });
  const sums = fresh.sums;
  const indicators = followSums(report.indicators, report.computed_indicators, sums);
  const sections = followPrefill(report.sections, report.prefilled_sections, fresh.sections);
  const round = await consolidationRoundOf(em, plan.id);
  const seq = await insertLevelReportSnapshot(em, report.id, round, { sections, indicators }, submittedBy);
  await markLevelReportSubmitted(em, report.id, { sections, prefilledSections: fresh.sections, indicators, sums });
  await appendAuditEvents(em, [
    {
      actorId: submittedBy,
      actor: await usernameOf(em, submittedBy),
      action: 'level_report.submitted',
      planId: plan.id,
      comment: `Trình Ban Thường vụ dự thảo báo cáo tổng hợp (lần trình ${seq})`,
      data: { levelReportId: report.id, snapshot: seq, round },
    },
  ]);
}

/** The Standing Committee returned it: the working group's new round drafts it again, the reason shown. */
export async function returnRootLevelReport(em: EntityManager, plan: PlanEntity, reason: string | null, actorId: string | null): Promise<void> {
  const returned = await returnLevelReportToDrafting(em, plan.id, plan.rootUnitId, reason);
  if (!returned) return;
  await appendAuditEvents(em, [
    {
      actorId,
      actor: await usernameOf(em, actorId),
      action: 'level_report.returned',
      planId: plan.id,
      comment: reason,
      data: { levelReportId: returned.id, round: returned.round },
    },
  ]);
}

/** The Standing Committee approved it: the Khối's report is adopted (thông qua) and never changes again. */
export async function adoptRootLevelReport(em: EntityManager, plan: PlanEntity, actorId: string | null): Promise<void> {
  const adopted = await markLevelReportAdopted(em, plan.id, plan.rootUnitId);
  if (!adopted) return;
  await appendAuditEvents(em, [
    {
      actorId,
      actor: await usernameOf(em, actorId),
      action: 'level_report.adopted',
      planId: plan.id,
      comment: 'Ban Thường vụ đã thông qua báo cáo tổng hợp',
      data: { levelReportId: adopted.id },
    },
  ]);
}
