import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { conflict, forbidden, invalid, notFound, remarkRefusal } from '@app/domain';
import { Actor } from '../common/actor';
import { AccessService } from '../org/access.service';
import { ReportsService } from '../reports/reports.service';
import { remarkById, remarksOfReport, RemarkView } from './remark-view';

export interface NewRemark {
  section: string;
  quote?: string | null;
  text: string;
}

const NOT_REVIEWING = 'Chỉ đồng chí đang có nhiệm vụ thẩm định hoặc thông qua báo cáo này mới thêm được góp ý';
const NOT_IN_THREAD = 'Chỉ người soạn thảo báo cáo hoặc đồng chí đang có nhiệm vụ thẩm định, thông qua báo cáo mới trả lời được góp ý';
const NOT_DRAFTER = 'Chỉ người soạn thảo báo cáo mới đánh dấu góp ý là đã xử lý';
const ALREADY_RESOLVED = 'Góp ý này đã được đánh dấu là đã xử lý';

/**
 * Remarks anchored to a report's items: the reviewers and approvers holding a task on the report
 * write them, its drafters answer and resolve them, whoever may read the report reads them. Each
 * change is one audited event on the report's trail.
 */
@Injectable()
export class RemarksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly access: AccessService,
  ) {}

  async list(reportId: string, userId: string): Promise<RemarkView[]> {
    await this.reports.readable(reportId, userId);
    return remarksOfReport(this.db.manager, reportId);
  }

  async add(reportId: string, actor: Actor, remark: NewRemark): Promise<RemarkView> {
    const quote = remark.quote?.trim() || null;
    const id = await inTransaction(this.db, async (em) => {
      const report = await this.reports.load(reportId, em, true);
      await this.access.assertCanSeeUnit(actor.id, report.unit_id);
      if (!(await this.holdsReviewTask(em, reportId, report.stage, actor.id))) throw forbidden(NOT_REVIEWING);
      const refusal = remarkRefusal(report.outline, report.sections, remark.section, quote);
      if (refusal) throw invalid(refusal);
      const [{ id }] = await em.query(
        `INSERT INTO report_remarks (report_id, section_key, quote, body, author_id, stage, round) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [reportId, remark.section, quote, remark.text.trim(), actor.id, report.stage, report.round],
      );
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'remark_added',
          planId: report.plan_id,
          reportId,
          fromStage: report.stage,
          comment: remark.text.trim(),
          data: { remarkId: id, section: remark.section, ...(quote ? { quote } : {}) },
        },
      ]);
      return id as string;
    });
    return (await remarkById(this.db.manager, id))!;
  }

  /** A drafter's answer, or a reviewer's in the same thread; a resolved remark takes no more. */
  async reply(remarkId: string, actor: Actor, text: string): Promise<RemarkView> {
    await inTransaction(this.db, async (em) => {
      const remark = await this.lockRemark(em, remarkId, actor);
      const drafter = await this.access.holdsRole(actor.id, remark.unit_id, 'drafter', em);
      if (!drafter && !(await this.holdsReviewTask(em, remark.report_id, remark.stage, actor.id))) throw forbidden(NOT_IN_THREAD);
      if (remark.resolved_at) throw conflict(ALREADY_RESOLVED);
      const [{ id }] = await em.query(`INSERT INTO report_remark_replies (remark_id, body, author_id) VALUES ($1, $2, $3) RETURNING id`, [
        remarkId,
        text.trim(),
        actor.id,
      ]);
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'remark_replied',
          planId: remark.plan_id,
          reportId: remark.report_id,
          fromStage: remark.stage,
          comment: text.trim(),
          data: { remarkId, replyId: id, section: remark.section_key },
        },
      ]);
    });
    return (await remarkById(this.db.manager, remarkId))!;
  }

  async resolve(remarkId: string, actor: Actor): Promise<RemarkView> {
    await inTransaction(this.db, async (em) => {
      const remark = await this.lockRemark(em, remarkId, actor);
      if (!(await this.access.holdsRole(actor.id, remark.unit_id, 'drafter', em))) throw forbidden(NOT_DRAFTER);
      if (remark.resolved_at) throw conflict(ALREADY_RESOLVED);
      await em.query(`UPDATE report_remarks SET resolved_at = now(), resolved_by = $2 WHERE id = $1`, [remarkId, actor.id]);
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'remark_resolved',
          planId: remark.plan_id,
          reportId: remark.report_id,
          fromStage: remark.stage,
          data: { remarkId, section: remark.section_key },
        },
      ]);
    });
    return (await remarkById(this.db.manager, remarkId))!;
  }

  /** The remark, locked, with its report's unit, plan and current stage; 404 unknown, 403 unreadable. */
  private async lockRemark(em: EntityManager, remarkId: string, actor: Actor) {
    const [remark]: { report_id: string; unit_id: string; plan_id: string; stage: string; section_key: string; resolved_at: Date | null }[] = await em.query(
      `SELECT m.report_id, r.unit_id, r.plan_id, r.stage, m.section_key, m.resolved_at
         FROM report_remarks m JOIN reports r ON r.id = m.report_id WHERE m.id = $1 FOR NO KEY UPDATE OF m`,
      [remarkId],
    );
    if (!remark) throw notFound('Remark', remarkId);
    await this.access.assertCanSeeUnit(actor.id, remark.unit_id);
    return remark;
  }

  /** Whether the person holds an open review or adoption task on the report's current stage. */
  private async holdsReviewTask(em: EntityManager, reportId: string, stage: string, userId: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM tasks WHERE report_id = $1 AND stage = $2 AND assignee_id = $3 AND state = 'open' AND kind = 'approval' LIMIT 1`,
      [reportId, stage, userId],
    );
    return rows.length > 0;
  }
}
