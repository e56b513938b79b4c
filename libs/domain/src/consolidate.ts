import { Indicators, OutlineSection, REPORT_PARTS, ReportPart, SectionMap } from './types';

export interface ConsolidationInput {
  reportId: string;
  unitCode: string;
  sections: SectionMap;
  indicators: Indicators;
}

export interface AttributedText {
  unitCode: string;
  text: string;
}

export interface ConsolidatedSection {
  key: string;
  title: string;
  parts: Record<ReportPart, AttributedText[]>;
}

export interface Consolidated {
  included: string[];
  sections: ConsolidatedSection[];
  indicators: Indicators;
}

/** Merges approved reports: per section and part each unit's text attributed to it; figures summed. */
export function consolidate(outline: readonly OutlineSection[], reports: readonly ConsolidationInput[]): Consolidated {
  const ordered = [...reports].sort(byUnitCode);
  const sections = outline.map((section) => consolidateSection(section, ordered.map((r) => ({ unitCode: r.unitCode, parts: r.sections[section.key] }))));
  return { included: ordered.map((r) => r.reportId), sections, indicators: sumIndicators(ordered.map((r) => r.indicators)) };
}

/** The order units appear in a consolidation. */
export const byUnitCode = (a: { unitCode: string }, b: { unitCode: string }): number => a.unitCode.localeCompare(b.unitCode);

/**
 * One section of a consolidation from each unit's parts of that section, given in `byUnitCode`
 * order: a large consolidation is built (and sent) one section at a time.
 */
export function consolidateSection(
  section: OutlineSection,
  units: readonly { unitCode: string; parts: Partial<Record<ReportPart, string>> | null | undefined }[],
): ConsolidatedSection {
  const parts = Object.fromEntries(REPORT_PARTS.map((part) => [part, units.flatMap((unit) => {
    const text = unit.parts?.[part]?.trim();
    return text ? [{ unitCode: unit.unitCode, text }] : [];
  })])) as Record<ReportPart, AttributedText[]>;
  return { key: section.key, title: section.title, parts };
}

export function sumIndicators(all: readonly Indicators[]): Indicators {
  const total: Indicators = {};
  for (const indicators of all) {
    for (const [name, value] of Object.entries(indicators)) total[name] = (total[name] ?? 0) + value;
  }
  return total;
}
