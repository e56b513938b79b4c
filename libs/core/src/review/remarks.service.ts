import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  findRemarkThread,
  holdsOpenApprovalTask,
  insertRemarkReply,
  insertReportRemark,
  inTransaction,
  listRemarkThreads,
  lockRemark,
  markRemarkResolved,
  RemarkThread,
} from '@app/dal';
import { conflict, forbidden, invalid, notFound, remarkRefusal } from '@app/domain';
import { Actor } from '../common/actor';
import { AccessService } from '../org/access.service';
import { ReportsService } from '../reports/reports.service';

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

  async list(reportId: string, userId: string): Promise<RemarkThread[]> {
    await this.reports.readable(reportId, userId);
    return listRemarkThreads(this.db, reportId);
  }

  async add(reportId: string, actor: Actor, remark: NewRemark): Promise<RemarkThread> {
    const quote = remark.quote?.trim() || null;
    const id = await inTransaction(this.db, async (em) => {
      const report = await this.reports.load(reportId, em, true);
      await this.access.assertCanSeeUnit(actor.id, report.unit_id);
      if (!(await this.holdsReviewTask(em, reportId, report.stage, actor.id))) throw forbidden(NOT_REVIEWING);
      const refusal = remarkRefusal(report.outline, report.sections, remark.section, quote);
      if (refusal) throw invalid(refusal);
      const id = await insertReportRemark(em, {
        reportId,
        section: remark.section,
        quote,
        body: remark.text.trim(),
        authorId: actor.id,
        stage: report.stage,
        round: report.round,
      });
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
      return id;
    });
    return (await findRemarkThread(this.db, id))!;
  }

  /** A drafter's answer, or a reviewer's in the same thread; a resolved remark takes no more. */
  async reply(remarkId: string, actor: Actor, text: string): Promise<RemarkThread> {
    await inTransaction(this.db, async (em) => {
      const remark = await this.lockReadableRemark(em, remarkId, actor);
      const drafter = await this.access.holdsRole(actor.id, remark.unit_id, 'drafter', em);
      if (!drafter && !(await this.holdsReviewTask(em, remark.report_id, remark.stage, actor.id))) throw forbidden(NOT_IN_THREAD);
      if (remark.resolved_at) throw conflict(ALREADY_RESOLVED);
      const id = await insertRemarkReply(em, remarkId, text.trim(), actor.id);
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
    return (await findRemarkThread(this.db, remarkId))!;
  }

  async resolve(remarkId: string, actor: Actor): Promise<RemarkThread> {
    await inTransaction(this.db, async (em) => {
      const remark = await this.lockReadableRemark(em, remarkId, actor);
      if (!(await this.access.holdsRole(actor.id, remark.unit_id, 'drafter', em))) throw forbidden(NOT_DRAFTER);
      if (remark.resolved_at) throw conflict(ALREADY_RESOLVED);
      await markRemarkResolved(em, remarkId, actor.id);
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
    return (await findRemarkThread(this.db, remarkId))!;
  }

  /** The remark, locked, with its report's unit, plan and current stage; 404 unknown, 403 unreadable. */
  private async lockReadableRemark(em: EntityManager, remarkId: string, actor: Actor) {
    const remark = await lockRemark(em, remarkId);
    if (!remark) throw notFound('Remark', remarkId);
    await this.access.assertCanSeeUnit(actor.id, remark.unit_id);
    return remark;
  }

  /** Whether the person holds an open review or adoption task on the report's current stage. */
  private async holdsReviewTask(em: EntityManager, reportId: string, stage: string, userId: string): Promise<boolean> {
    return holdsOpenApprovalTask(em, reportId, stage, userId);
  }
}
