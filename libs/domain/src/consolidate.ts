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
  const ordered = [...reports].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  const sections = outline.map((section) => ({
    key: section.key,
    title: section.title,
    parts: Object.fromEntries(
      REPORT_PARTS.map((part) => [part, attributedTexts(ordered, section.key, part)]),
    ) as Record<ReportPart, AttributedText[]>,
  }));
  return { included: ordered.map((r) => r.reportId), sections, indicators: sumIndicators(ordered.map((r) => r.indicators)) };
}

function attributedTexts(reports: readonly ConsolidationInput[], sectionKey: string, part: ReportPart): AttributedText[] {
  return reports.flatMap((report) => {
    const text = report.sections[sectionKey]?.[part]?.trim();
    return text ? [{ unitCode: report.unitCode, text }] : [];
  });
}

export function sumIndicators(all: readonly Indicators[]): Indicators {
  const total: Indicators = {};
  for (const indicators of all) {
    for (const [name, value] of Object.entries(indicators)) total[name] = (total[name] ?? 0) + value;
  }
  return total;
}
