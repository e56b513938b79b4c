import type { IndicatorDefinition, Indicators, OutlineSection, SectionMap, SectionPart } from '@app/domain';
import { partsOf, withDerived } from '@app/domain';

export type LevelReportStatus = 'drafting' | 'submitted' | 'adopted';

export interface LevelReportRow {
  id: string;
  plan_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  sections: SectionMap;
  indicators: Indicators;
  computed_indicators: Indicators;
  round: number;
  status: LevelReportStatus;
  returned_count: number;
  last_return_reason: string | null;
  version: number;
  updated_at: Date;
  updated_by_username: string | null;
  submitted_at: Date | null;
  adopted_at: Date | null;
}

export const LEVEL_REPORT_SELECT = `
  SELECT l.id, l.plan_id, l.unit_id, u.code AS unit_code, u.name AS unit_name, l.sections, l.indicators, l.computed_indicators, l.round,
         l.status, l.returned_count, l.last_return_reason, l.version, l.updated_at, e.username AS updated_by_username, l.submitted_at, l.adopted_at
    FROM level_reports l JOIN org_units u ON u.id = l.unit_id LEFT JOIN users e ON e.id = l.updated_by`;

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
