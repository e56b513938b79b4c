import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPORT_PARTS, UnitKind } from '@app/domain';
import { Clock } from '../common/clock';
import { ConsolidationService } from '../consolidation/consolidation.service';
import { ReportsService } from '../reports/reports.service';
import { renderDocx } from './docx-renderer';
import { INDICATOR_LABELS, PartyDocument } from './party-document.model';
import { issuerCode, reportTitleFromPlan, signatureOf } from './party-forms';

/** Beyond this many included units, the document carries the texts of the units directly below only. */
const FULL_TEXT_LIMIT = 300;

/** Party documents (.docx): a unit's report, and a consolidating unit's consolidated report. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
    private readonly consolidation: ConsolidationService,
  ) {}

  /** The consolidating unit's report: each unit's text attributed to it, figures summed, the completeness annex. */
  async consolidatedDocx(planId: string, userId: string, unitCode?: string): Promise<{ fileName: string; content: Buffer }> {
    const merged = await this.consolidation.forDocument(planId, userId, unitCode, FULL_TEXT_LIMIT);
    const [context]: { kind: UnitKind; parent_name: string | null; plan_title: string; indicator_names: string[]; signer: string | null }[] = await this.db.query(
      `SELECT u.kind, p2.name AS parent_name, pl.title AS plan_title, pl.indicator_names,
              (SELECT a.full_name FROM role_assignments ra JOIN users a ON a.id = ra.user_id WHERE ra.unit_id = u.id AND ra.role = 'approver' ORDER BY a.username LIMIT 1) AS signer
         FROM plans pl JOIN org_units u ON u.code = $2 LEFT JOIN org_units p2 ON p2.id = u.parent_id WHERE pl.id = $1`,
      [planId, merged.unitCode],
    );
    const names = new Map(merged.completeness.rows.map((r) => [r.unitCode, r.unitName]));
    const now = this.clock.now();
    const document: PartyDocument = {
      superiorBody: context.parent_name,
      issuingBody: merged.unitName,
      numberAndSymbol: `…-BC/${issuerCode(context.kind)}`,
      place: 'Hà Nội',
      date: now,
      typeName: 'BÁO CÁO',
      title: reportTitleFromPlan(context.plan_title),
      figuresAsOf: now,
      sections: merged.sections.map((section) => ({
        title: section.title,
        parts: REPORT_PARTS.map((part) => ({
          part,
          paragraphs: [
            ...section.parts[part].map((t) => `${names.get(t.unitCode) ?? t.unitCode}: ${t.text}`),
            ...(merged.abridged ? [`(Nội dung của các đơn vị cấp dưới khác xem trong báo cáo tổng hợp điện tử của ${merged.included.length} đơn vị.)`] : []),
          ],
        })),
      })),
      indicators: context.indicator_names.map((name) => ({ label: INDICATOR_LABELS[name] ?? name, value: merged.indicators[name] ?? 0 })),
      annex: {
        title: merged.abridged
          ? `PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO (${merged.completeness.summary.included}/${merged.completeness.summary.units} đơn vị đã tổng hợp; dưới đây các đơn vị thiếu, trễ hạn hoặc bị trả lại)`
          : 'PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ',
        header: ['Đơn vị', 'Tình trạng', 'Thời hạn nộp', 'Số lần trả lại'],
        rows: annexRows(merged.completeness.rows, merged.abridged),
      },
      signature: { ...signatureOf(context.kind), name: context.signer ?? '' },
      recipients: ['Ban Chấp hành Trung ương (để báo cáo)', 'Các đảng bộ trực thuộc', 'Lưu Văn phòng'],
    };
    return { fileName: `bao-cao-tong-hop-${merged.unitCode}.docx`, content: await renderDocx(document) };
  }

  async reportDocx(reportId: string, userId: string): Promise<{ fileName: string; content: Buffer }> {
    const report = await this.reports.get(reportId, userId);
    const [context]: { kind: UnitKind; unit_name: string; parent_name: string | null; plan_title: string; indicator_names: string[]; submitted_at: Date | null; signer: string | null }[] =
      await this.db.query(
        `SELECT u.kind, u.name AS unit_name, p2.name AS parent_name, pl.title AS plan_title, pl.indicator_names,
                (SELECT max(submitted_at) FROM report_snapshots s WHERE s.report_id = r.id) AS submitted_at,
                (SELECT a.full_name FROM tasks t JOIN users a ON a.id = t.assignee_id
                  WHERE t.report_id = r.id AND t.kind = 'approval' AND t.decision = 'approve' AND t.scope_unit_id = r.unit_id
                  ORDER BY t.completed_at DESC LIMIT 1) AS signer
           FROM reports r JOIN org_units u ON u.id = r.unit_id JOIN plans pl ON pl.id = r.plan_id LEFT JOIN org_units p2 ON p2.id = u.parent_id
          WHERE r.id = $1`,
        [reportId],
      );
    const date = context.submitted_at ? new Date(context.submitted_at) : this.clock.now();
    const document: PartyDocument = {
      superiorBody: context.parent_name,
      issuingBody: context.unit_name,
      numberAndSymbol: `…-BC/${issuerCode(context.kind)}`,
      place: 'Hà Nội',
      date,
      typeName: 'BÁO CÁO',
      title: reportTitleFromPlan(context.plan_title),
      figuresAsOf: date,
      sections: report.sections.map((section) => ({
        title: section.title,
        parts: REPORT_PARTS.map((part) => ({ part, paragraphs: splitParagraphs(section[part]) })),
      })),
      indicators: context.indicator_names.map((name) => ({ label: INDICATOR_LABELS[name] ?? name, value: report.indicators[name] ?? 0 })),
      signature: { ...signatureOf(context.kind), name: context.signer ?? '' },
      recipients: ['Cấp ủy cấp trên (để báo cáo)', 'Lưu Văn phòng'],
    };
    return { fileName: `bao-cao-${report.unitCode}.docx`, content: await renderDocx(document) };
  }
}

export function splitParagraphs(text: string | undefined): string[] {
  return (text ?? '').split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
}

type CompletenessRow = Awaited<ReturnType<ConsolidationService['forDocument']>>['completeness']['rows'][number];

/**
 * The annex's rows: every unit while the group is small; in an abridged document only the
 * exceptions (missing, late, returned), the most serious first, at most FULL_TEXT_LIMIT of them and
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
  const listed = exceptions.slice(0, FULL_TEXT_LIMIT).map(row);
  const rest = exceptions.length - listed.length;
  return rest > 0 ? [...listed, [`… và ${rest} đơn vị khác (xem báo cáo tổng hợp điện tử)`, '', '', '']] : listed;
}
