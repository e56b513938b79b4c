import type { ReportRow, ReportSummaryRow } from '@app/dal';
import type { ReportPart } from '@app/domain';
import { partsOf, planIndicators, REPORT_PARTS, withDerived } from '@app/domain';

/** The list view leaves out the section texts: a Bloc has thousands of reports. */
export function toReportSummary(row: ReportSummaryRow) {
  return {
    id: row.id,
    planId: row.plan_id,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    stage: row.stage,
    workflowVersion: row.workflow_version,
    returnedCount: row.returned_count,
    lastReturnReason: row.last_return_reason,
    unassigned: row.unassigned,
    dueAt: row.due_at,
    indicators: row.indicators,
    updatedAt: row.updated_at,
  };
}

/**
 * The contract's report shape: items in outline order, each with its part (I–V), the texts it takes,
 * its guidance and every text ('' when empty: the contract's five parts and `text`, whatever the
 * item takes, so a client of the five-part contract reads the shape it knows). `indicators` are the
 * figures as entered (a figure not reported is absent, never 0); `derivedIndicators` the percentages
 * computed from them, never entered.
 */
export function toReportView(row: ReportRow) {
  const figures = planIndicators(row.term, row.indicator_names).definitions;
  const derivedKeys = new Set(figures.filter((d) => d.derivedFrom).map((d) => d.key));
  const entered = Object.fromEntries(Object.entries(row.indicators).filter(([key]) => !derivedKeys.has(key)));
  const computed = withDerived(figures, entered);
  return {
    ...toReportSummary(row),
    indicators: entered,
    derivedIndicators: Object.fromEntries(Object.entries(computed).filter(([key]) => derivedKeys.has(key))),
    stageEnteredAt: row.stage_entered_at,
    sections: row.outline.map((section) => {
      const content = row.sections[section.key] ?? {};
      return {
        key: section.key,
        title: section.title,
        required: section.required,
        ...(section.part ? { part: section.part } : {}),
        takes: partsOf(section),
        ...(section.guidance ? { guidance: section.guidance } : {}),
        text: content.text ?? '',
        ...(Object.fromEntries(REPORT_PARTS.map((part) => [part, content[part] ?? ''])) as Record<ReportPart, string>),
      };
    }),
  };
}
