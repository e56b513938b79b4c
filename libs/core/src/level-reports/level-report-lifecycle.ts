import { EntityManager } from 'typeorm';
import { appendAuditEvents, PlanEntity, usernameOf } from '@app/dal';
import { followPrefill, followSums, Indicators, SectionMap } from '@app/domain';
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
  const exists = await em.query(`SELECT 1 FROM level_reports WHERE plan_id = $1 AND unit_id = $2`, [plan.id, plan.rootUnitId]);
  if (exists.length) return false;
  const root = (await planUnit(em, plan))!;
  const group = await levelGroupOf(em, plan, root, ready);
  const start = await synthesisStart(em, plan, group, { sections: {}, indicators: {} });
  const [created]: { id: string }[] = await em.query(
    `INSERT INTO level_reports (plan_id, unit_id, sections, prefilled_sections, indicators, computed_indicators, round)
     SELECT $1, $2, $3, $3, $4, $4, consolidation_round FROM plans WHERE id = $1
     ON CONFLICT (plan_id, unit_id) DO NOTHING RETURNING id`,
    [plan.id, plan.rootUnitId, JSON.stringify(start.sections), JSON.stringify(start.indicators)],
  );
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
  const [report]: {
    id: string;
    status: string;
    indicators: Indicators;
    computed_indicators: Indicators;
    sections: SectionMap;
    prefilled_sections: SectionMap;
  }[] = await em.query(
    `SELECT id, status, sections, prefilled_sections, indicators, computed_indicators FROM level_reports WHERE plan_id = $1 AND unit_id = $2 FOR NO KEY UPDATE`,
    [plan.id, plan.rootUnitId],
  );
  if (report.status !== 'drafting') return;
  const root = (await planUnit(em, plan))!;
  const group = await levelGroupOf(em, plan, root, ready);
  // What the round takes in now (late reports a new round took in): untouched texts and figures follow it.
  const fresh = await synthesisStart(em, plan, group, { sections: {}, indicators: {} });
  const sums = fresh.sums;
  const indicators = followSums(report.indicators, report.computed_indicators, sums);
  const sections = followPrefill(report.sections, report.prefilled_sections, fresh.sections);
  const [{ round }]: { round: number }[] = await em.query(`SELECT consolidation_round AS round FROM plans WHERE id = $1`, [plan.id]);
  const [snapshot]: { seq: number }[] = await em.query(
    `INSERT INTO level_report_snapshots (level_report_id, seq, round, sections, indicators, submitted_by)
     SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5 FROM level_report_snapshots WHERE level_report_id = $1 RETURNING seq`,
    [report.id, round, JSON.stringify(sections), JSON.stringify(indicators), submittedBy],
  );
  await em.query(
    `UPDATE level_reports SET status = 'submitted', sections = $4, prefilled_sections = $5, indicators = $2, computed_indicators = $3, submitted_at = now(),
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [report.id, JSON.stringify(indicators), JSON.stringify(sums), JSON.stringify(sections), JSON.stringify(fresh.sections)],
  );
  await appendAuditEvents(em, [
    {
      actorId: submittedBy,
      actor: await usernameOf(em, submittedBy),
      action: 'level_report.submitted',
      planId: plan.id,
      comment: `Trình Ban Thường vụ dự thảo báo cáo tổng hợp (lần trình ${snapshot.seq})`,
      data: { levelReportId: report.id, snapshot: snapshot.seq, round },
    },
  ]);
}

/** The Standing Committee returned it: the working group's new round drafts it again, the reason shown. */
export async function returnRootLevelReport(em: EntityManager, plan: PlanEntity, reason: string | null, actorId: string | null): Promise<void> {
  const [returned]: { id: string; round: number }[] = await em
    .query(
      `UPDATE level_reports l SET status = 'drafting', round = p.consolidation_round, returned_count = l.returned_count + 1, last_return_reason = $3,
            version = l.version + 1, updated_at = now()
       FROM plans p WHERE p.id = l.plan_id AND l.plan_id = $1 AND l.unit_id = $2 AND l.status = 'submitted' RETURNING l.id, l.round`,
      [plan.id, plan.rootUnitId, reason],
    )
    .then((result) => result[0]);
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
  const [adopted]: { id: string }[] = await em
    .query(
      `UPDATE level_reports SET status = 'adopted', adopted_at = now(), version = version + 1, updated_at = now()
      WHERE plan_id = $1 AND unit_id = $2 AND status = 'submitted' RETURNING id`,
      [plan.id, plan.rootUnitId],
    )
    .then((result) => result[0]);
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
