import type { LevelReportRow } from '@app/dal';
import type { IndicatorDefinition, OutlineSection, SectionPart } from '@app/domain';
import { partsOf, withDerived } from '@app/domain';

/** What the caller may do with the report now. */
export interface LevelReportRights {
  /** A member of the working group, while the report is being drafted. */
  canEdit: boolean;
  /** The same, holding an open task of the working group's round to complete by submitting. */
  canSubmit: boolean;
}

/**
 * The level report as the API shows it: every outline item with its part of the report, its
 * guidance and only the texts it takes (`parts`), the figures entered and the percentages computed
 * from them (`derivedIndicators`, as a report shows them), and where it stands.
 */
export function toLevelReportView(row: LevelReportRow, outline: readonly OutlineSection[], figures: readonly IndicatorDefinition[], rights: LevelReportRights) {
  const derivedKeys = new Set(figures.filter((d) => d.derivedFrom).map((d) => d.key));
  return {
    id: row.id,
    planId: row.plan_id,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    status: row.status,
    round: row.round,
    version: row.version,
    returnedCount: row.returned_count,
    lastReturnReason: row.last_return_reason,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_username,
    submittedAt: row.submitted_at,
    adoptedAt: row.adopted_at,
    sections: outline.map((item) => ({
      key: item.key,
      title: item.title,
      required: item.required,
      ...(item.part ? { part: item.part } : {}),
      ...(item.guidance ? { guidance: item.guidance } : {}),
      takes: partsOf(item),
      parts: Object.fromEntries(partsOf(item).map((part) => [part, row.sections[item.key]?.[part] ?? ''])) as Partial<Record<SectionPart, string>>,
    })),
    indicators: row.indicators,
    derivedIndicators: Object.fromEntries(Object.entries(withDerived(figures, row.indicators)).filter(([key]) => derivedKeys.has(key))),
    /** The group's sums the figures were last given; a figure equal to its sum follows the sums on submission. */
    sums: row.computed_indicators,
    ...rights,
  };
}

export type LevelReportView = ReturnType<typeof toLevelReportView>;
