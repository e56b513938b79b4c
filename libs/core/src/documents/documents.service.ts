import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { REPORT_PARTS, ROOT_APPROVAL_STAGE, UnitKind } from '@app/domain';
import { Clock } from '../common/clock';
import { ConsolidationService } from '../consolidation/consolidation.service';
import { ReportsService } from '../reports/reports.service';
import { DocxRenderPool } from './docx-render-pool.service';
import { FiguresCutOff } from './figures-cut-off.service';
import { INDICATOR_LABELS, PartyDocument } from './party-document.model';
import { issuerBlock, issuerCode, PartyUnit, recipientsOf, reportTitleFromPlan, signatureOf } from './party-forms';

/** An abridged document's annex lists at most this many exceptions: thousands of rows are read by nobody. */
const ANNEX_MAX_ROWS = 300;

interface UnitContext {
  unit: PartyUnit & { id: string };
  parent: PartyUnit | null;
  planTitle: string;
  indicatorNames: string[];
}

/** Party documents (.docx): a unit's report, and a consolidating unit's consolidated report. */
@Injectable()
export class DocumentsService {
  /** Beyond this many included units, the document carries the texts of the units directly below only. */
  private readonly fullTextLimit: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
    private readonly consolidation: ConsolidationService,
    private readonly cutOff: FiguresCutOff,
    private readonly renderer: DocxRenderPool,
    config: AppConfig,
  ) {
    this.fullTextLimit = config.DOCX_FULL_TEXT_MAX_UNITS;
  }

  /** The consolidating unit's report: each unit's text attributed to it, figures summed, the completeness annex. */
  async consolidatedDocx(planId: string, userId: string, unitCode?: string): Promise<{ fileName: string; content: Buffer }> {
    const merged = await this.consolidation.forDocument(planId, userId, unitCode, this.fullTextLimit);
    const context = await this.unitContext(planId, merged.unitCode);
    const [{ root_unit_id: rootUnitId }]: { root_unit_id: string }[] = await this.db.query(`SELECT root_unit_id FROM plans WHERE id = $1`, [planId]);
    const { asOf } = await this.cutOff.of(planId, merged.unitCode);
    const signer = context.unit.id === rootUnitId ? await this.rootSigner(planId, rootUnitId) : await this.ownReportSigner(planId, context.unit.id);
    const names = new Map(merged.completeness.rows.map((r) => [r.unitCode, r.unitName]));
    const now = this.clock.now();
    const document: PartyDocument = {
      ...issuerBlock(context.unit, context.parent),
      numberAndSymbol: `…-BC/${issuerCode(context.unit)}`,
      place: 'Hà Nội',
      date: now,
      typeName: 'BÁO CÁO',
      title: reportTitleFromPlan(context.planTitle),
      figuresAsOf: asOf,
      // Once, not under every part: the reader needs to be told only once what the document leaves out.
      bodyNote: merged.abridged
        ? `(Báo cáo này trích nội dung của các đơn vị trực thuộc trực tiếp; toàn văn báo cáo của ${merged.included.length} đơn vị đã tổng hợp xem trong báo cáo tổng hợp điện tử.)`
        : undefined,
      sections: merged.sections.map((section) => ({
        title: section.title,
        parts: REPORT_PARTS.map((part) => ({
          part,
          paragraphs: section.parts[part].map((t) => `${names.get(t.unitCode) ?? t.unitCode}: ${t.text}`),
        })),
      })),
      indicators: context.indicatorNames.map((name) => ({ label: INDICATOR_LABELS[name] ?? name, value: merged.indicators[name] ?? 0 })),
      annex: {
        title: merged.abridged
          ? `PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO (${merged.completeness.summary.included}/${merged.completeness.summary.units} đơn vị đã tổng hợp; dưới đây các đơn vị thiếu, trễ hạn hoặc bị trả lại)`
          : 'PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ',
        header: ANNEX_HEADER,
        rows: annexRows(merged.completeness.rows, merged.abridged),
      },
      signature: { ...signatureOf(context.unit), name: signer ?? '' },
      recipients: recipientsOf(context.unit, context.parent),
    };
    return { fileName: `bao-cao-tong-hop-${merged.unitCode}.docx`, content: await this.renderer.render(document) };
  }

  async reportDocx(reportId: string, userId: string): Promise<{ fileName: string; content: Buffer }> {
    const report = await this.reports.get(reportId, userId);
    const context = await this.unitContext(report.planId, report.unitCode);
    const [{ submitted_at: submittedAt }]: { submitted_at: Date | null }[] = await this.db.query(
      `SELECT max(submitted_at) AS submitted_at FROM report_snapshots WHERE report_id = $1`,
      [reportId],
    );
    const signer = await this.ownReportSigner(report.planId, context.unit.id);
    const date = submittedAt ? new Date(submittedAt) : this.clock.now();
    const document: PartyDocument = {
      ...issuerBlock(context.unit, context.parent),
      numberAndSymbol: `…-BC/${issuerCode(context.unit)}`,
      place: 'Hà Nội',
      date,
      typeName: 'BÁO CÁO',
      title: reportTitleFromPlan(context.planTitle),
      figuresAsOf: date,
      sections: report.sections.map((section) => ({
        title: section.title,
        parts: REPORT_PARTS.map((part) => ({ part, paragraphs: splitParagraphs(section[part]) })),
      })),
      indicators: context.indicatorNames.map((name) => ({ label: INDICATOR_LABELS[name] ?? name, value: report.indicators[name] ?? 0 })),
      signature: { ...signatureOf(context.unit), name: signer ?? '' },
      recipients: recipientsOf(context.unit, context.parent),
    };
    return { fileName: `bao-cao-${report.unitCode}.docx`, content: await this.renderer.render(document) };
  }

  private async unitContext(planId: string, unitCode: string): Promise<UnitContext> {
    const [row]: { id: string; kind: UnitKind; name: string; parent_kind: UnitKind | null; parent_name: string | null; plan_title: string; indicator_names: string[] }[] =
      await this.db.query(
        `SELECT u.id, u.kind, u.name, p2.kind AS parent_kind, p2.name AS parent_name, pl.title AS plan_title, pl.indicator_names
           FROM plans pl JOIN org_units u ON u.code = $2 LEFT JOIN org_units p2 ON p2.id = u.parent_id WHERE pl.id = $1`,
        [planId, unitCode],
      );
    return {
      unit: { id: row.id, kind: row.kind, name: row.name },
      parent: row.parent_kind && row.parent_name ? { kind: row.parent_kind, name: row.parent_name } : null,
      planTitle: row.plan_title,
      indicatorNames: row.indicator_names,
    };
  }

  /**
   * The root's consolidated report is approved by its Standing Committee (root_approval tasks): the
   * first of them to approve in the latest round signs for it (normally the secretary). Before any
   * approval, the first of the Standing Committee (the root's reviewers), else of its approvers.
   */
  private async rootSigner(planId: string, rootUnitId: string): Promise<string | null> {
    const [approved]: { full_name: string }[] = await this.db.query(
      `SELECT a.full_name FROM tasks t JOIN users a ON a.id = t.assignee_id
        WHERE t.plan_id = $1 AND t.report_id IS NULL AND t.stage = $2 AND t.decision = 'approve'
          AND t.round = (SELECT max(round) FROM tasks WHERE plan_id = $1 AND report_id IS NULL AND stage = $2)
        ORDER BY t.completed_at, a.username LIMIT 1`,
      [planId, ROOT_APPROVAL_STAGE],
    );
    return approved?.full_name ?? this.holderOf(rootUnitId, ['reviewer', 'approver']);
  }

  /**
   * A unit's report is adopted by its own committee or cell (the approval stage scoped to the unit
   * itself): the first member to approve it in its current round signs; before that, its first approver.
   */
  private async ownReportSigner(planId: string, unitId: string): Promise<string | null> {
    const [approved]: { full_name: string }[] = await this.db.query(
      `SELECT a.full_name FROM reports r JOIN tasks t ON t.report_id = r.id AND t.round = r.round JOIN users a ON a.id = t.assignee_id
        WHERE r.plan_id = $1 AND r.unit_id = $2 AND t.kind = 'approval' AND t.decision = 'approve' AND t.scope_unit_id = r.unit_id
        ORDER BY t.completed_at, a.username LIMIT 1`,
      [planId, unitId],
    );
    return approved?.full_name ?? this.holderOf(unitId, ['approver']);
  }

  /** The first holder (by username) of the first of `roles` that someone holds at the unit. */
  private async holderOf(unitId: string, roles: string[]): Promise<string | null> {
    const [holder]: { full_name: string }[] = await this.db.query(
      `SELECT a.full_name FROM role_assignments ra JOIN users a ON a.id = ra.user_id
        WHERE ra.unit_id = $1 AND ra.role = ANY($2::text[]) ORDER BY array_position($2::text[], ra.role::text), a.username LIMIT 1`,
      [unitId, roles],
    );
    return holder?.full_name ?? null;
  }
}

export function splitParagraphs(text: string | undefined): string[] {
  return (text ?? '').split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
}

/** The third column says whether the first submission met the drafting deadline, not the deadline itself. */
export const ANNEX_HEADER = ['Đơn vị', 'Tình trạng', 'Đúng hạn / trễ hạn', 'Số lần trả lại'];

type CompletenessRow = Awaited<ReturnType<ConsolidationService['forDocument']>>['completeness']['rows'][number];

/**
 * The annex's rows: every unit while the group is small; in an abridged document only the
 * exceptions (missing, late, returned), the most serious first, at most ANNEX_MAX_ROWS of them and
 * a last row counting the rest: a table of thousands of rows is read by nobody, and rendering it
 * took the API past its memory cap (the complete table stays in the JSON consolidation).
 */
function annexRows(rows: readonly CompletenessRow[], abridged: boolean): string[][] {
  const row = (r: CompletenessRow) => [
    r.unitName, r.status === 'included' ? 'Đã tổng hợp' : 'Chưa có báo cáo',
    r.timeliness === 'on_time' ? 'Đúng hạn' : r.timeliness === 'late' ? 'Trễ hạn' : 'Chưa nộp', String(r.returnedCount),
  ];
  if (!abridged) return rows.map(row);
  const severity = (r: CompletenessRow) => (r.status === 'missing' ? 0 : r.timeliness !== 'on_time' ? 1 : 2);
  const exceptions = rows
    .filter((r) => r.status === 'missing' || r.timeliness !== 'on_time' || r.returnedCount > 0)
    .sort((a, b) => severity(a) - severity(b) || b.returnedCount - a.returnedCount);
  const listed = exceptions.slice(0, ANNEX_MAX_ROWS).map(row);
  const rest = exceptions.length - listed.length;
  return rest > 0 ? [...listed, [`… và ${rest} đơn vị khác (xem báo cáo tổng hợp điện tử)`, '', '', '']] : listed;
}
